package io.modelaudit.ir.layers;

import io.modelaudit.ir.Formulas;
import io.modelaudit.ir.LayerKind;
import io.modelaudit.ir.Shape;
import io.modelaudit.ir.SingleInputKind;
import io.modelaudit.ir.WeightSpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Depthwise separable convolution over 1 or 2 spatial dimensions: a depthwise convolution
 * (depth_multiplier filters per input channel) followed by a 1×…×1 convolution to {@code filters}.
 */
public final class SeparableConvKind extends SingleInputKind {

  /** How the two kernels are laid out in the file. */
  public enum KernelLayout {
    /** Keras 1 (TensorFlow ordering), 2 and 3: (k…, in, dm) and (1…, in·dm, filters). */
    SPATIAL_IN_OUT,
    /** Keras 1 with Theano ordering: (dm, in, k…) and (filters, in·dm, 1…). */
    OUT_IN_SPATIAL
  }

  private final long filters;
  private final long[] kernel;
  private final long[] strides;
  private final long[] dilation;
  private final Padding padding;
  private final DataFormat format;
  private final long depthMultiplier;
  private final boolean useBias;
  private final KernelLayout layout;

  public SeparableConvKind(long filters, long[] kernel, long[] strides, long[] dilation, Padding padding,
      DataFormat format, long depthMultiplier, boolean useBias, KernelLayout layout) {
    if (kernel.length != strides.length || kernel.length != dilation.length) {
      throw new IllegalArgumentException("kernel, strides and dilation must have the same rank");
    }
    ConvArithmetic.requirePositive("kernel size", kernel);
    ConvArithmetic.requirePositive("strides", strides);
    ConvArithmetic.requirePositive("dilation", dilation);
    ConvArithmetic.requirePositive("filters and depth_multiplier", new long[] {filters, depthMultiplier});
    this.filters = filters;
    this.kernel = kernel.clone();
    this.strides = strides.clone();
    this.dilation = dilation.clone();
    this.padding = padding;
    this.format = format;
    this.depthMultiplier = depthMultiplier;
    this.useBias = useBias;
    this.layout = layout;
  }

  @Override
  protected Shape output(Shape input) {
    format.requireRank(input, kernel.length, "a " + kernel.length + "D separable convolution");
    return ConvArithmetic.slide(input, format, filters, kernel, strides, dilation, padding);
  }

  private long inputChannels(Shape input) {
    return known(input, format.channelAxis(input.rank()), "input channels");
  }

  @Override
  protected List<WeightSpec> weights(Shape input) {
    long in = inputChannels(input);
    long depth = Math.multiplyExact(in, depthMultiplier);
    long[] ones = new long[kernel.length];
    Arrays.fill(ones, 1);
    List<WeightSpec> w = new ArrayList<>();
    if (layout == KernelLayout.OUT_IN_SPATIAL) {
      w.add(WeightSpec.trainable("depthwise_kernel", ConvArithmetic.concat(new long[] {depthMultiplier, in}, kernel)));
      w.add(WeightSpec.trainable("pointwise_kernel", ConvArithmetic.concat(new long[] {filters, depth}, ones)));
    } else {
      w.add(WeightSpec.trainable("depthwise_kernel", ConvArithmetic.concat(kernel, in, depthMultiplier)));
      w.add(WeightSpec.trainable("pointwise_kernel", ConvArithmetic.concat(ones, depth, filters)));
    }
    if (useBias) {
      w.add(WeightSpec.trainable("bias", filters));
    }
    return w;
  }

  /** {@code 3·3·4·2 + 4·2·8 + 8 = 144}: depthwise, pointwise, bias. */
  @Override
  public String formula(List<Shape> inputs, List<WeightSpec> weights) {
    long in = inputChannels(LayerKind.single(inputs));
    String depthwise = ConvArithmetic.product(ConvArithmetic.concat(kernel, in, depthMultiplier));
    String pointwise = in + "·" + depthMultiplier + "·" + filters;
    return depthwise + " + " + pointwise + (useBias ? " + " + filters : "") + " = " + Formulas.number(Formulas.total(weights));
  }
}
