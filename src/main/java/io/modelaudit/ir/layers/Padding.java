package io.modelaudit.ir.layers;

/** Convolution and pooling padding modes. */
public enum Padding {
  VALID,
  SAME,
  CAUSAL,
  /** Keras 1 (Theano): every position where the window overlaps the input. */
  FULL;

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
        throw new IllegalArgumentException("unknown padding '" + s + "'");
    }
  }
}
