package io.modelaudit.ir.arithmetic;

import io.modelaudit.ir.Checked;
import io.modelaudit.ir.DegenerateShapeException;
import io.modelaudit.ir.InvalidConfigException;
import io.modelaudit.ir.ShapeException;
import io.modelaudit.ir.ShapeSteps;

/**
 * The one place where the length of a sliding window's output is computed, for convolutions,
 * pooling and transposed convolutions of every framework. Lengths are {@code null} when unknown;
 * every operation is checked, so a hostile kernel, stride, dilation or padding gives an
 * ArithmeticException or a ShapeException, never a wrong number. e = d·(k − 1) + 1 is the dilated
 * kernel.
 */
public final class WindowArithmetic {
  private WindowArithmetic() {}

  /**
   * Length of the output along one axis; {@code padding} is DL4J's explicit padding (0 for Keras).
   */
  public static Long outputLength(
      Long length, long kernel, long stride, long dilation, long padding, WindowMode mode) {
    Long out = computeOutputLength(length, kernel, stride, dilation, padding, mode);
    ShapeSteps.add(() -> WindowSteps.slide(length, kernel, stride, dilation, padding, mode, out));
    return out;
  }

  private static Long computeOutputLength(
      Long length, long kernel, long stride, long dilation, long padding, WindowMode mode) {
    if (length == null) {
      return null;
    }
    if (mode == WindowMode.DL4J_SAME || mode == WindowMode.DL4J_CAUSAL) {
      // DL4J ignores kernel and padding here. (L + s − 1) / s refuses lengths within s of
      // Long.MAX_VALUE where ceilDiv would not; kept, as the DL4J tests pin it.
      return Math.floorDiv(Checked.add(length, stride - 1), stride);
    }
    long effective = effectiveKernel(kernel, dilation);
    switch (mode) {
      case KERAS_VALID:
        {
          long span = span(length, 0, effective);
          return kerasNonEmpty(
              span < 0 ? 0 : span / stride + 1, length, kernel, stride, dilation, mode);
        }
      case KERAS_SAME:
      case KERAS_CAUSAL:
        return kerasNonEmpty(ceilDiv(length, stride), length, kernel, stride, dilation, mode);
      case KERAS_FULL:
        return kerasNonEmpty(
            ceilDiv(Checked.add(length, effective - 1), stride),
            length,
            kernel,
            stride,
            dilation,
            mode);
      case DL4J_TRUNCATE:
      case DL4J_STRICT:
        {
          long span = span(length, padding, effective);
          if (span < 0) {
            throw new DegenerateShapeException(
                "kernel "
                    + kernel
                    + " (dilation "
                    + dilation
                    + ", padding "
                    + padding
                    + ") does not fit an input of length "
                    + length);
          }
          if (mode == WindowMode.DL4J_STRICT && span % stride != 0) {
            throw new ShapeException(
                "ConvolutionMode."
                    + mode.label()
                    + ": kernel "
                    + kernel
                    + ", stride "
                    + stride
                    + " and padding "
                    + padding
                    + " do not tile an input of length "
                    + length);
          }
          return span / stride + 1;
        }
      default:
        throw new IllegalStateException(mode.name());
    }
  }

  /**
   * Length of a transposed convolution's output along one axis: (L − 1)·s + e − 2·pad + p. Keras
   * (2's {@code deconv_output_length}, 3's {@code _get_output_shape_given_tf_padding}): pad is 0
   * (valid), ⌊e/2⌋ (same) or e − 1 (full) and p the output padding; without output padding, valid
   * gives (L − 1)·s + max(e, s) and same L·s. DL4J ({@code getDeconvolutionOutputSize}): Same gives
   * L·s, the other modes use the explicit padding and p = 0.
   *
   * @param padding DL4J's explicit padding (0 for Keras)
   * @param outputPadding Keras' {@code output_padding}, or null when not set (always null for DL4J)
   */
  public static Long transposedLength(
      Long length,
      long kernel,
      long stride,
      long dilation,
      long padding,
      Long outputPadding,
      WindowMode mode) {
    Long out =
        computeTransposedLength(length, kernel, stride, dilation, padding, outputPadding, mode);
    ShapeSteps.add(
        () ->
            WindowSteps.transposed(
                length, kernel, stride, dilation, padding, outputPadding, mode, out));
    return out;
  }

  private static Long computeTransposedLength(
      Long length,
      long kernel,
      long stride,
      long dilation,
      long padding,
      Long outputPadding,
      WindowMode mode) {
    if (length == null) {
      return null;
    }
    if (mode == WindowMode.DL4J_SAME) {
      return Checked.multiply(length, stride);
    }
    long effective = effectiveKernel(kernel, dilation);
    long out;
    if (mode.isKeras()) {
      out = kerasTransposed(length, effective, stride, mode, outputPadding);
      if (out <= 0) {
        throw new DegenerateShapeException(
            "transposed window "
                + kernel
                + " (stride "
                + stride
                + ") gives an empty output for an input of length "
                + length);
      }
    } else {
      out = transposed(length, effective, stride, padding, 0);
      if (out <= 0) {
        throw new DegenerateShapeException(
            "transposed convolution of an input of length " + length + " gives " + out);
      }
    }
    return out;
  }

  private static long kerasTransposed(
      long length, long effective, long stride, WindowMode mode, Long outputPadding) {
    if (mode == WindowMode.KERAS_CAUSAL) {
      throw new ShapeException(
          mode.label() + " padding is not defined for transposed convolutions");
    }
    if (outputPadding == null) {
      switch (mode) {
        case KERAS_VALID:
          return transposed(length, effective, stride, 0, Math.max(0, stride - effective));
        case KERAS_SAME:
          return Checked.multiply(length, stride);
        default:
          return transposed(length, effective, stride, effective - 1, 0);
      }
    }
    long pad =
        mode == WindowMode.KERAS_VALID
            ? 0
            : mode == WindowMode.KERAS_SAME ? effective / 2 : effective - 1;
    return transposed(length, effective, stride, pad, outputPadding);
  }

  /** (L − 1)·s + e − 2·pad + outputPadding */
  private static long transposed(
      long length, long effective, long stride, long pad, long outputPadding) {
    long grown = Checked.add(Checked.multiply(length - 1, stride), effective);
    return Checked.add(Checked.subtract(grown, Checked.multiply(2, pad)), outputPadding);
  }

  /** The dilated kernel d·(k − 1) + 1. */
  public static long effectiveKernel(long kernel, long dilation) {
    return Checked.add(Checked.multiply(dilation, Checked.subtract(kernel, 1)), 1);
  }

  /**
   * L + 2p − e: how far the window can move over the padded input (negative when it does not fit).
   */
  private static long span(long length, long padding, long effective) {
    return Checked.subtract(Checked.add(length, Checked.multiply(2, padding)), effective);
  }

  /** ⌈a / b⌉ for a ≥ 0 and b ≥ 1, as ⌊(a − 1) / b⌋ + 1, which cannot overflow. */
  static long ceilDiv(long a, long b) {
    return Math.floorDiv(a - 1, b) + 1;
  }

  private static long kerasNonEmpty(
      long out, long length, long kernel, long stride, long dilation, WindowMode mode) {
    if (out <= 0) {
      throw new DegenerateShapeException(
          "window "
              + kernel
              + " (dilation "
              + dilation
              + ", stride "
              + stride
              + ", "
              + mode.label()
              + ") does not fit an input of length "
              + length);
    }
    return out;
  }

  /** Kernel sizes, strides and dilations must be at least 1. */
  public static void requirePositive(String name, long[] values) {
    for (long v : values) {
      if (v < 1) {
        throw new InvalidConfigException(
            name + " must be at least 1, got " + java.util.Arrays.toString(values));
      }
    }
  }

  /**
   * A DL4J convolution or subsampling window: kernelSize, stride and dilation at least 1, and one
   * value per spatial axis in each of them and in padding.
   */
  public static void requireDl4jWindow(
      long[] kernel, long[] stride, long[] padding, long[] dilation) {
    requirePositive("kernelSize", kernel);
    requirePositive("stride", stride);
    requirePositive("dilation", dilation);
    if (stride.length != kernel.length
        || padding.length != kernel.length
        || dilation.length != kernel.length) {
      throw new InvalidConfigException(
          "kernelSize, stride, padding and dilation need " + kernel.length + " values each");
    }
  }
}
