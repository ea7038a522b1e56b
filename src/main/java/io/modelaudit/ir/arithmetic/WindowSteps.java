package io.modelaudit.ir.arithmetic;

/**
 * The text of one window computation, with its numbers, as {@link WindowArithmetic} records it for
 * {@code --explain}: the formula of the mode it applied, filled in with the values it used and the
 * result it got.
 */
final class WindowSteps {
  private WindowSteps() {}

  static String slide(
      Long length,
      long kernel,
      long stride,
      long dilation,
      long padding,
      WindowMode mode,
      Long out) {
    String options = options(mode, stride, dilation, padding);
    if (length == null) {
      return "None (the input length is unknown) " + options;
    }
    String formula;
    switch (mode) {
      case KERAS_SAME:
      case KERAS_CAUSAL:
      case DL4J_SAME:
      case DL4J_CAUSAL:
        return "⌈" + length + " / " + stride + "⌉ = " + out + " " + options;
      case KERAS_FULL:
        formula = "⌈(" + length + " + " + e(kernel, dilation) + " − 1) / " + stride + "⌉";
        break;
      default:
        String padded = padding == 0 ? "" + length : length + " + 2·" + padding;
        formula = "⌊(" + padded + " − " + e(kernel, dilation) + ") / " + stride + "⌋ + 1";
    }
    return dilated(kernel, dilation) + formula + " = " + out + " " + options;
  }

  static String transposed(
      Long length,
      long kernel,
      long stride,
      long dilation,
      long padding,
      Long outputPadding,
      WindowMode mode,
      Long out) {
    String options =
        options(mode, stride, dilation, padding)
            .replace(")", outputPadding == null ? ")" : ", output_padding " + outputPadding + ")");
    if (length == null) {
      return "None (the input length is unknown) " + options;
    }
    long e = WindowArithmetic.effectiveKernel(kernel, dilation);
    String grown = "(" + length + " − 1)·" + stride;
    String formula;
    if (mode == WindowMode.DL4J_SAME || (mode == WindowMode.KERAS_SAME && outputPadding == null)) {
      formula = length + "·" + stride;
    } else if (mode == WindowMode.KERAS_VALID && outputPadding == null) {
      formula = grown + " + max(" + e + ", " + stride + ")";
    } else if (mode.isKeras()) {
      long pad = mode == WindowMode.KERAS_VALID ? 0 : mode == WindowMode.KERAS_SAME ? e / 2 : e - 1;
      formula =
          grown + " + " + e + " − 2·" + pad + (outputPadding == null ? "" : " + " + outputPadding);
    } else {
      formula = grown + " + " + e + " − 2·" + padding;
    }
    return dilated(kernel, dilation) + formula + " = " + out + " " + options;
  }

  private static long e(long kernel, long dilation) {
    return WindowArithmetic.effectiveKernel(kernel, dilation);
  }

  /** The dilated kernel's own step, when there is dilation. */
  private static String dilated(long kernel, long dilation) {
    return dilation == 1
        ? ""
        : "e = "
            + dilation
            + "·("
            + kernel
            + " − 1) + 1 = "
            + WindowArithmetic.effectiveKernel(kernel, dilation)
            + ", ";
  }

  private static String options(WindowMode mode, long stride, long dilation, long padding) {
    return "("
        + mode.label()
        + ", stride "
        + stride
        + (dilation == 1 ? "" : ", dilation " + dilation)
        + (padding == 0 ? "" : ", padding " + padding)
        + ")";
  }
}
