package io.modelaudit.ir.layers;

import io.modelaudit.ir.DegenerateShapeException;

/** Output length of a sliding window, shared by convolutions and pooling. */
final class ConvArithmetic {
  private ConvArithmetic() {}

  /**
   * Length of the output along one spatial axis, {@code null} when the input length is unknown.
   * valid: ⌊(L − d·(k−1) − 1) / s⌋ + 1; same and causal: ⌊(L − 1) / s⌋ + 1; full (Keras 1):
   * ⌈(L + d·(k−1)) / s⌉.
   */
  static Long outputLength(Long length, long kernel, long stride, long dilation, Padding padding) {
    if (length == null) {
      return null;
    }
    long effective = Math.addExact(Math.multiplyExact(dilation, kernel - 1), 1);
    long out;
    if (padding == Padding.VALID) {
      out = Math.floorDiv(length - effective, stride) + 1;
    } else if (padding == Padding.FULL) {
      out = Math.floorDiv(Math.addExact(length, effective - 1) - 1, stride) + 1;
    } else {
      out = Math.floorDiv(length - 1, stride) + 1;
    }
    if (out <= 0) {
      throw new DegenerateShapeException("window " + kernel + " (dilation " + dilation + ", stride " + stride + ", " + padding.name().toLowerCase() + ") does not fit an input of length " + length);
    }
    return out;
  }

  /** Kernel sizes, strides and dilations must be at least 1. */
  static void requirePositive(String name, long[] values) {
    for (long v : values) {
      if (v < 1) {
        throw new IllegalArgumentException(name + " must be at least 1, got " + java.util.Arrays.toString(values));
      }
    }
  }

  static Long multiply(Long length, long factor) {
    return length == null ? null : Math.multiplyExact(length, factor);
  }

  static Long add(Long length, long amount) {
    if (length == null) {
      return null;
    }
    long out = Math.addExact(length, amount);
    if (out < 0) {
      throw new DegenerateShapeException("a dimension of " + length + " changed by " + amount + " becomes " + out);
    }
    return out;
  }
}
