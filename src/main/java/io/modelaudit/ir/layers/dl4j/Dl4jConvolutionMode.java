package io.modelaudit.ir.layers.dl4j;

import io.modelaudit.ir.DegenerateShapeException;
import io.modelaudit.ir.ShapeException;

/**
 * DL4J's {@code ConvolutionMode} and its output-size rules (ConvolutionUtils). Truncate: explicit
 * padding, ⌊(L + 2p − d·(k−1) − 1) / s⌋ + 1; Strict: the same, and the window must tile the input
 * exactly; Same and Causal: ⌈L / s⌉, padding ignored.
 */
public enum Dl4jConvolutionMode {
  TRUNCATE, STRICT, SAME, CAUSAL;

  public static Dl4jConvolutionMode parse(String s) {
    if (s == null) {
      return TRUNCATE;
    }
    switch (s) {
      case "Truncate": return TRUNCATE;
      case "Strict": return STRICT;
      case "Same": return SAME;
      case "Causal": return CAUSAL;
      default: throw new IllegalArgumentException("unknown convolutionMode '" + s + "'");
    }
  }

  /** Output length of a window sliding over an input of {@code length} (null: unknown). */
  public Long outputLength(Long length, long kernel, long stride, long padding, long dilation) {
    if (length == null) {
      return null;
    }
    if (this == SAME || this == CAUSAL) {
      return Math.floorDiv(Math.addExact(length, stride - 1), stride);
    }
    long effective = Math.addExact(Math.multiplyExact(dilation, kernel - 1), 1);
    long span = Math.subtractExact(Math.addExact(length, Math.multiplyExact(2, padding)), effective);
    if (span < 0) {
      throw new DegenerateShapeException("kernel " + kernel + " (dilation " + dilation + ", padding " + padding
          + ") does not fit an input of length " + length);
    }
    if (this == STRICT && span % stride != 0) {
      throw new ShapeException("ConvolutionMode.Strict: kernel " + kernel + ", stride " + stride + " and padding " + padding
          + " do not tile an input of length " + length);
    }
    return span / stride + 1;
  }

  /** Output length of a transposed convolution: Same L·s, otherwise s·(L−1) + k − 2p (dilated kernel). */
  public Long deconvolutionLength(Long length, long kernel, long stride, long padding, long dilation) {
    if (length == null) {
      return null;
    }
    if (this == SAME) {
      return Math.multiplyExact(length, stride);
    }
    long effective = Math.addExact(Math.multiplyExact(dilation, kernel - 1), 1);
    long out = Math.subtractExact(Math.addExact(Math.multiplyExact(stride, length - 1), effective), Math.multiplyExact(2, padding));
    if (out <= 0) {
      throw new DegenerateShapeException("transposed convolution of an input of length " + length + " gives " + out);
    }
    return out;
  }
}
