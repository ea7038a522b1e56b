package io.modelaudit.detect;

/** File formats recognised by content. {@code id} is the JSON report's {@code format} value. */
public enum ModelFormat {
  HDF5("keras-h5"),
  KERAS_V3("keras-v3"),
  KERAS_JSON("keras-json"),
  TFJS_LAYERS("tfjs-layers"),
  DL4J_ZIP("dl4j-zip"),
  DL4J_JSON("dl4j-json"),
  /** A zip archive that is neither a Keras 3 nor a Deeplearning4j model. */
  ZIP("zip"),
  /** JSON that is not a model configuration this tool knows. */
  JSON("json"),
  /**
   * An array written by ND4J's {@code Nd4j.write} (DL4J's regression inputs and outputs): not a
   * model.
   */
  ND4J_ARRAY("nd4j-array"),
  /** Both an HDF5 file and a zip archive: which one Keras reads depends on the file's name. */
  AMBIGUOUS("ambiguous"),
  /**
   * A Git LFS pointer: a small text file that stands in for a file kept in Git LFS storage, left in
   * place of the model when the repository was checked out without {@code git lfs pull}.
   */
  LFS_POINTER("git-lfs-pointer"),
  /** A file of zero bytes. */
  EMPTY("unknown"),
  UNKNOWN("unknown");

  private final String id;

  ModelFormat(String id) {
    this.id = id;
  }

  public String id() {
    return id;
  }

  /** Whether a folder scan picks files of this format up. */
  public boolean isModel() {
    return this != ZIP
        && this != JSON
        && this != ND4J_ARRAY
        && this != LFS_POINTER
        && this != EMPTY
        && this != UNKNOWN;
  }
}
