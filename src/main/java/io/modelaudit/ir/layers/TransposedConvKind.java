package io.modelaudit.ir.layers;

import io.modelaudit.ir.InvalidConfigException;
import io.modelaudit.ir.Shape;
import io.modelaudit.ir.ShapeSteps;
import io.modelaudit.ir.SingleInputKind;
import io.modelaudit.ir.WeightSpec;
import io.modelaudit.ir.arithmetic.WindowArithmetic;
import java.util.ArrayList;
import java.util.List;

/** Transposed convolution ("deconvolution") over 1, 2 or 3 spatial dimensions. */
public final class TransposedConvKind extends SingleInputKind {

  /** How the kernel tensor is laid out in the file. */
  public enum KernelLayout {
    /** Keras 2 and 3: (k1, …, kn, filters, in). */
    SPATIAL_OUT_IN,
    /**
     * Keras 1 Deconvolution2D, built as a Convolution2D, TensorFlow ordering: (k1, k2, in,
     * filters).
     */
    KERAS1_SPATIAL_IN_OUT,
    /** Keras 1 Deconvolution2D, Theano ordering: (filters, in, k1, k2). */
    KERAS1_OUT_IN_SPATIAL
  }

  private final long filters;
  private final long[] kernel;
  private final long[] strides;
  private final long[] dilation;
  private final Padding padding;
  private final long[] outputPadding;
  private final Long[] fixedOutput;
  private final DataFormat format;
  private final boolean useBias;
  private final KernelLayout layout;

  /**
   * @param outputPadding Keras' {@code output_padding} per axis, or null when not set
   * @param fixedOutput Keras 1's {@code output_shape}: the spatial output sizes the layer declares
   *     (its shape rule returns them whatever the input), or null to compute them
   */
  public TransposedConvKind(
      long filters,
      long[] kernel,
      long[] strides,
      long[] dilation,
      Padding padding,
      long[] outputPadding,
      Long[] fixedOutput,
      DataFormat format,
      boolean useBias,
      KernelLayout layout) {
    if (kernel.length != strides.length
        || kernel.length != dilation.length
        || (outputPadding != null && outputPadding.length != kernel.length)
        || (fixedOutput != null && fixedOutput.length != kernel.length)) {
      throw new InvalidConfigException(
          "kernel, strides, dilation and output padding must have the same rank");
    }
    WindowArithmetic.requirePositive("kernel size", kernel);
    WindowArithmetic.requirePositive("strides", strides);
    WindowArithmetic.requirePositive("dilation", dilation);
    WindowArithmetic.requirePositive("filters", new long[] {filters});
    this.filters = filters;
    this.kernel = kernel.clone();
    this.strides = strides.clone();
    this.dilation = dilation.clone();
    this.padding = padding;
    this.outputPadding = outputPadding == null ? null : outputPadding.clone();
    this.fixedOutput = fixedOutput == null ? null : fixedOutput.clone();
    this.format = format;
    this.useBias = useBias;
    this.layout = layout;
  }

  /** Output channels. */
  public long filters() {
    return filters;
  }

  /** Elements of the kernel's spatial window. */
  public long windowSize() {
    long n = 1;
    for (long k : kernel) {
      n = io.modelaudit.ir.Checked.multiply(n, k);
    }
    return n;
  }

  @Override
  protected Shape output(Shape input) {
    int rank = kernel.length;
    format.requireRank(input, rank, "a " + rank + "D transposed convolution");
    Shape out = input.withDim(format.channelAxis(input.rank()), filters);
    for (int i = 0; i < rank; i++) {
      int axis = format.spatialAxis(i, input.rank());
      int k = i;
      Long length =
          fixedOutput != null
              ? fixedOutput[i]
              : ShapeSteps.labelled(
                  "axis " + axis,
                  () ->
                      WindowArithmetic.transposedLength(
                          input.dim(axis),
                          kernel[k],
                          strides[k],
                          dilation[k],
                          0,
                          outputPadding == null ? null : outputPadding[k],
                          padding.window()));
      if (fixedOutput != null) {
        ShapeSteps.add(
            () -> "axis " + axis + ": " + fixedOutput[k] + " (the configured output size)");
      }
      out = out.withDim(axis, length);
    }
    ShapeSteps.add(() -> "axis " + format.channelAxis(input.rank()) + ": " + filters + " channels");
    return out;
  }

  @Override
  protected List<WeightSpec> weights(Shape input) {
    long in = known(input, format.channelAxis(input.rank()), "input channels");
    long[] dims;
    switch (layout) {
      case KERAS1_SPATIAL_IN_OUT:
        dims = KernelDims.concat(kernel, in, filters);
        break;
      case KERAS1_OUT_IN_SPATIAL:
        dims = KernelDims.concat(new long[] {filters, in}, kernel);
        break;
      default:
        dims = KernelDims.concat(kernel, filters, in);
    }
    List<WeightSpec> w = new ArrayList<>();
    w.add(WeightSpec.trainable("kernel", dims));
    if (useBias) {
      w.add(WeightSpec.trainable("bias", filters));
    }
    return w;
  }
}
