package io.modelaudit.ir.layers;

import io.modelaudit.ir.InvalidConfigException;
import io.modelaudit.ir.arithmetic.WindowMode;

/**
 * Keras' convolution and pooling {@code padding} argument, an option of the shared window
 * arithmetic.
 */
public enum Padding {
  VALID(WindowMode.KERAS_VALID),
  SAME(WindowMode.KERAS_SAME),
  CAUSAL(WindowMode.KERAS_CAUSAL),
  /** Keras 1 (Theano): every position where the window overlaps the input. */
  FULL(WindowMode.KERAS_FULL);

  private final WindowMode window;

  Padding(WindowMode window) {
    this.window = window;
  }

  /** How {@link io.modelaudit.ir.arithmetic.WindowArithmetic} places a window with this padding. */
  public WindowMode window() {
    return window;
  }

  public static Padding parse(String s) {
    switch (s.toLowerCase(java.util.Locale.ROOT)) {
      case "valid":
        return VALID;
      case "same":
        return SAME;
      case "causal":
        return CAUSAL;
      case "full":
        return FULL;
      default:
        throw new InvalidConfigException("unknown padding '" + s + "'");
    }
  }
}
