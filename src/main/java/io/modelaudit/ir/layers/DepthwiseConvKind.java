package io.modelaudit.ir.layers;

import io.modelaudit.ir.Formulas;
import io.modelaudit.ir.LayerKind;
import io.modelaudit.ir.Shape;
import io.modelaudit.ir.SingleInputKind;
import io.modelaudit.ir.WeightSpec;
import java.util.ArrayList;
import java.util.List;

/**
 * Depthwise convolution over 1 or 2 spatial dimensions: each input channel is convolved with its
 * own {@code depth_multiplier} filters, giving in·depth_multiplier output channels.
 */
public final class DepthwiseConvKind extends SingleInputKind {

  private final long[] kernel;
  private final long[] strides;
  private final long[] dilation;
  private final Padding padding;
  private final DataFormat format;
  private final long depthMultiplier;
  private final boolean useBias;
  private final String kernelName;

  /** @param kernelName {@code depthwise_kernel} in Keras 2, {@code kernel} in Keras 3 */
  public DepthwiseConvKind(long[] kernel, long[] strides, long[] dilation, Padding padding, DataFormat format,
      long depthMultiplier, boolean useBias, String kernelName) {
    if (kernel.length != strides.length || kernel.length != dilation.length) {
      throw new IllegalArgumentException("kernel, strides and dilation must have the same rank");
    }
    ConvArithmetic.requirePositive("kernel size", kernel);
    ConvArithmetic.requirePositive("strides", strides);
    ConvArithmetic.requirePositive("dilation", dilation);
    ConvArithmetic.requirePositive("depth_multiplier", new long[] {depthMultiplier});
    this.kernel = kernel.clone();
    this.strides = strides.clone();
    this.dilation = dilation.clone();
    this.padding = padding;
    this.format = format;
    this.depthMultiplier = depthMultiplier;
    this.useBias = useBias;
    this.kernelName = kernelName;
  }

  @Override
  protected Shape output(Shape input) {
    format.requireRank(input, kernel.length, "a " + kernel.length + "D depthwise convolution");
    Long in = input.dim(format.channelAxis(input.rank()));
    Long channels = in == null ? null : Math.multiplyExact(in, depthMultiplier);
    return ConvArithmetic.slide(input, format, channels, kernel, strides, dilation, padding);
  }

  private long inputChannels(Shape input) {
    return known(input, format.channelAxis(input.rank()), "input channels");
  }

  @Override
  protected List<WeightSpec> weights(Shape input) {
    long in = inputChannels(input);
    List<WeightSpec> w = new ArrayList<>();
    w.add(WeightSpec.trainable(kernelName, ConvArithmetic.concat(kernel, in, depthMultiplier)));
    if (useBias) {
      w.add(WeightSpec.trainable("bias", Math.multiplyExact(in, depthMultiplier)));
    }
    return w;
  }

  /** {@code 4·2 × (3·3 + 1) = 80}: one k-window (and bias) per input channel and multiplier. */
  @Override
  public String formula(List<Shape> inputs, List<WeightSpec> weights) {
    long in = inputChannels(LayerKind.single(inputs));
    String window = ConvArithmetic.product(kernel);
    return in + "·" + depthMultiplier + " × " + (useBias ? "(" + window + " + 1)" : window) + " = "
        + Formulas.number(Formulas.total(weights));
  }
}
