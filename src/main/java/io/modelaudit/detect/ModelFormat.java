package io.modelaudit.detect;

/** File formats recognised by content. {@code id} is the JSON report's {@code format} value. */
public enum ModelFormat {
  HDF5("keras-h5"),
  ZIP("zip"),
  JSON("json"),
  UNKNOWN("unknown");

  private final String id;

  ModelFormat(String id) {
    this.id = id;
  }

  public String id() {
    return id;
  }
}
