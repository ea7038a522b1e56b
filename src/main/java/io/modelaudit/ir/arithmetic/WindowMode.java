package io.modelaudit.ir.arithmetic;

/**
 * How a framework places a sliding window along one axis: the options of {@link WindowArithmetic}.
 * Keras names its modes by the {@code padding} argument, DL4J by {@code ConvolutionMode}; modes
 * that share a formula still differ in what they reject and how they say it, so each framework
 * keeps its own constants.
 */
public enum WindowMode {
  /** Keras valid: no padding, ⌊(L − e) / s⌋ + 1; the window must fit. */
  KERAS_VALID("valid"),
  /** Keras same: ⌈L / s⌉. */
  KERAS_SAME("same"),
  /** Keras causal (1D only): left padding, ⌈L / s⌉; not defined for transposed convolutions. */
  KERAS_CAUSAL("causal"),
  /**
   * Keras 1 (Theano) full: every position where the window overlaps the input, ⌈(L + e − 1) / s⌉.
   */
  KERAS_FULL("full"),
  /** DL4J Truncate: explicit padding p, ⌊(L + 2p − e) / s⌋ + 1; the window must fit. */
  DL4J_TRUNCATE("Truncate"),
  /** DL4J Strict: as Truncate, and the windows must tile the padded input exactly. */
  DL4J_STRICT("Strict"),
  /** DL4J Same: ⌈L / s⌉ whatever the padding; a transposed convolution gives L·s. */
  DL4J_SAME("Same"),
  /** DL4J Causal: ⌈L / s⌉; a transposed convolution is computed as Truncate. */
  DL4J_CAUSAL("Causal");

  private final String label;

  WindowMode(String label) {
    this.label = label;
  }

  /** The name the framework's configuration uses. */
  public String label() {
    return label;
  }

  boolean isKeras() {
    return this == KERAS_VALID || this == KERAS_SAME || this == KERAS_CAUSAL || this == KERAS_FULL;
  }
}
