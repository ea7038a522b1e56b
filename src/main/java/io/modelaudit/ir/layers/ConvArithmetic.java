package io.modelaudit.ir.layers;

import io.modelaudit.ir.DegenerateShapeException;
import io.modelaudit.ir.Shape;
import io.modelaudit.ir.ShapeException;

/** Output length of a sliding window, shared by convolutions and pooling. */
public final class ConvArithmetic {
  private ConvArithmetic() {}

  /**
   * Length of the output along one spatial axis, {@code null} when the input length is unknown.
   * valid: ⌊(L − d·(k−1) − 1) / s⌋ + 1; same and causal: ⌊(L − 1) / s⌋ + 1; full (Keras 1):
   * ⌈(L + d·(k−1)) / s⌉.
   */
  public static Long outputLength(Long length, long kernel, long stride, long dilation, Padding padding) {
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

  /**
   * The output of a sliding window over every spatial axis of {@code input}, with the channel
   * axis set to {@code channels}.
   */
  public static Shape slide(Shape input, DataFormat format, Long channels, long[] kernel, long[] strides, long[] dilation,
      Padding padding) {
    Shape out = input.withDim(format.channelAxis(input.rank()), channels);
    for (int i = 0; i < kernel.length; i++) {
      int axis = format.spatialAxis(i, input.rank());
      out = out.withDim(axis, outputLength(input.dim(axis), kernel[i], strides[i], dilation[i], padding));
    }
    return out;
  }

  /**
   * Length of a transposed convolution's output along one axis (Keras 2 {@code
   * deconv_output_length}, Keras 3 {@code _get_output_shape_given_tf_padding}), with e = d·(k−1)+1.
   * Without output padding: valid (L−1)·s + max(e, s); same L·s; full L·s − (s + e − 2). With
   * output padding p: (L−1)·s + e − 2·pad + p, where pad is 0 (valid), ⌊e/2⌋ (same), e − 1 (full).
   */
  public static Long transposedLength(Long length, long kernel, long stride, long dilation, Padding padding,
      Long outputPadding) {
    if (length == null) {
      return null;
    }
    long effective = Math.addExact(Math.multiplyExact(dilation, kernel - 1), 1);
    long out;
    if (outputPadding == null) {
      switch (padding) {
        case VALID:
          out = Math.addExact(Math.multiplyExact(length - 1, stride), Math.max(effective, stride));
          break;
        case SAME:
          out = Math.multiplyExact(length, stride);
          break;
        case FULL:
          out = Math.multiplyExact(length, stride) - (stride + effective - 2);
          break;
        default:
          throw new ShapeException(padding.name().toLowerCase() + " padding is not defined for transposed convolutions");
      }
    } else {
      long pad;
      switch (padding) {
        case VALID:
          pad = 0;
          break;
        case SAME:
          pad = effective / 2;
          break;
        case FULL:
          pad = effective - 1;
          break;
        default:
          throw new ShapeException(padding.name().toLowerCase() + " padding is not defined for transposed convolutions");
      }
      out = Math.addExact(Math.multiplyExact(length - 1, stride), effective - 2 * pad + outputPadding);
    }
    if (out <= 0) {
      throw new DegenerateShapeException("transposed window " + kernel + " (stride " + stride + ") gives an empty output for an input of length " + length);
    }
    return out;
  }

  /** Kernel sizes, strides and dilations must be at least 1. */
  public static void requirePositive(String name, long[] values) {
    for (long v : values) {
      if (v < 1) {
        throw new IllegalArgumentException(name + " must be at least 1, got " + java.util.Arrays.toString(values));
      }
    }
  }

  /** {@code a} followed by {@code b}: kernel shapes are spatial sizes plus channel counts. */
  public static long[] concat(long[] a, long... b) {
    long[] r = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, r, a.length, b.length);
    return r;
  }

  /** {@code 3·3·4} */
  public static String product(long... dims) {
    StringBuilder s = new StringBuilder();
    for (long d : dims) {
      s.append(s.length() == 0 ? "" : "·").append(d);
    }
    return s.toString();
  }

  public static Long multiply(Long length, long factor) {
    return length == null ? null : Math.multiplyExact(length, factor);
  }

  public static Long add(Long length, long amount) {
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
