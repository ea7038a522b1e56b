package io.modelaudit.ir.layers;

import io.modelaudit.ir.Checked;
import io.modelaudit.ir.Formulas;
import io.modelaudit.ir.LayerKind;
import io.modelaudit.ir.Shape;
import io.modelaudit.ir.SingleInputKind;
import io.modelaudit.ir.WeightSpec;
import io.modelaudit.ir.arithmetic.DimensionArithmetic;
import io.modelaudit.ir.arithmetic.WindowArithmetic;
import java.util.ArrayList;
import java.util.List;

/**
 * Depthwise convolution over 1 or 2 spatial dimensions: each input channel is convolved with its
 * own {@code depth_multiplier} filters, giving in·depth_multiplier output channels.
 */
public final class DepthwiseConvKind extends SingleInputKind {

  private final SlidingWindow window;
  private final long depthMultiplier;
  private final boolean useBias;
  private final String kernelName;

  /**
   * @param kernelName {@code depthwise_kernel} in Keras 2, {@code kernel} in Keras 3
   */
  public DepthwiseConvKind(
      long[] kernel,
      long[] strides,
      long[] dilation,
      Padding padding,
      DataFormat format,
      long depthMultiplier,
      boolean useBias,
      String kernelName) {
    WindowArithmetic.requirePositive("depth_multiplier", new long[] {depthMultiplier});
    this.window = new SlidingWindow(kernel, strides, dilation, padding, format);
    this.depthMultiplier = depthMultiplier;
    this.useBias = useBias;
    this.kernelName = kernelName;
  }

  /** Output channels per input channel. */
  public long depthMultiplier() {
    return depthMultiplier;
  }

  @Override
  protected Shape output(Shape input) {
    window.requireInput(input, "depthwise convolution");
    Long in = input.dim(window.format.channelAxis(input.rank()));
    return window.slide(input, DimensionArithmetic.multiply(in, depthMultiplier));
  }

  @Override
  protected List<WeightSpec> weights(Shape input) {
    long in = window.inputChannels(input);
    List<WeightSpec> w = new ArrayList<>();
    w.add(WeightSpec.trainable(kernelName, KernelDims.concat(window.kernel, in, depthMultiplier)));
    if (useBias) {
      w.add(WeightSpec.trainable("bias", Checked.multiply(in, depthMultiplier)));
    }
    return w;
  }

  /** {@code 4·2 × (3·3 + 1) = 80}: one k-window (and bias) per input channel and multiplier. */
  @Override
  public String formula(List<Shape> inputs, List<WeightSpec> weights) {
    long in = window.inputChannels(LayerKind.single(inputs));
    String perChannel = KernelDims.product(window.kernel);
    return in
        + "·"
        + depthMultiplier
        + " × "
        + (useBias ? "(" + perChannel + " + 1)" : perChannel)
        + " = "
        + Formulas.number(Formulas.total(weights));
  }
}
