package io.modelaudit.api;

/** What the audit compares its own numbers with, as {@code --reference} on the command line. */
public enum Reference {
  /** The weight shapes stored in the file, and the shapes the framework recorded in it. */
  STORED,
  /**
   * Also what Deeplearning4j 1.0.0-M2.1 itself builds from the file, in a worker process of its own
   * (it must be built or installed: see {@code docs/usage.md}).
   */
  DL4J,
  /** Every reference. */
  ALL
}
