package io.modelaudit.detect;

/** File formats recognised by content. {@code id} is the JSON report's {@code format} value. */
public enum ModelFormat {
  HDF5("keras-h5"),
  ZIP("zip"),
  JSON("json"),
  DL4J_ZIP("dl4j-zip"),
  DL4J_JSON("dl4j-json"),
  /** An array written by ND4J's {@code Nd4j.write} (DL4J's regression inputs and outputs): not a model. */
  ND4J_ARRAY("nd4j-array"),
  UNKNOWN("unknown");

  private final String id;

  ModelFormat(String id) {
    this.id = id;
  }

  public String id() {
    return id;
  }
}
