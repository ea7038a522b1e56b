package io.modelaudit.reference;

/**
 * One source of the framework's own numbers, set beside ours. The audit asks each reference in
 * turn, before any report exists: the stored reference first (the file's own weight shapes, which
 * gives the rows of {@link LayerTable}), then any other (Deeplearning4j), which sees those rows
 * through {@link Subject#ours()}.
 */
public interface Reference {

  /** The reference's name in findings and reports: {@code stored}, {@code dl4j}. */
  String id();

  /**
   * True when the reference does its work outside this process, under a time limit of its own
   * (Deeplearning4j): it is then asked after the file has been read, outside the time limit that
   * guards reading a hostile file.
   */
  default boolean outOfProcess() {
    return false;
  }

  /**
   * What this reference says about the subject. A problem with the file is a finding, not an
   * exception.
   */
  Verdict compare(Subject subject);
}
