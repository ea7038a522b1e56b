package io.modelaudit.ir.layers.dl4j;

import io.modelaudit.ir.InvalidConfigException;
import io.modelaudit.ir.arithmetic.WindowMode;

/**
 * DL4J's {@code ConvolutionMode}, an option of the shared window arithmetic (whose {@link
 * WindowMode} constants give each mode's output-size rule, as in DL4J's ConvolutionUtils).
 */
public enum Dl4jConvolutionMode {
  TRUNCATE(WindowMode.DL4J_TRUNCATE),
  STRICT(WindowMode.DL4J_STRICT),
  SAME(WindowMode.DL4J_SAME),
  CAUSAL(WindowMode.DL4J_CAUSAL);

  private final WindowMode window;

  Dl4jConvolutionMode(WindowMode window) {
    this.window = window;
  }

  /** How {@link io.modelaudit.ir.arithmetic.WindowArithmetic} places a window in this mode. */
  public WindowMode window() {
    return window;
  }

  public static Dl4jConvolutionMode parse(String s) {
    if (s == null) {
      return TRUNCATE;
    }
    switch (s) {
      case "Truncate":
        return TRUNCATE;
      case "Strict":
        return STRICT;
      case "Same":
        return SAME;
      case "Causal":
        return CAUSAL;
      default:
        throw new InvalidConfigException("unknown convolutionMode '" + s + "'");
    }
  }
}
