package io.modelaudit.ir.layers;

import io.modelaudit.ir.Checked;
import io.modelaudit.ir.Formulas;
import io.modelaudit.ir.LayerKind;
import io.modelaudit.ir.Shape;
import io.modelaudit.ir.SingleInputKind;
import io.modelaudit.ir.WeightSpec;
import io.modelaudit.ir.arithmetic.WindowArithmetic;
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
  private final SlidingWindow window;
  private final long depthMultiplier;
  private final boolean useBias;
  private final KernelLayout layout;

  public SeparableConvKind(
      long filters,
      long[] kernel,
      long[] strides,
      long[] dilation,
      Padding padding,
      DataFormat format,
      long depthMultiplier,
      boolean useBias,
      KernelLayout layout) {
    WindowArithmetic.requirePositive(
        "filters and depth_multiplier", new long[] {filters, depthMultiplier});
    this.window = new SlidingWindow(kernel, strides, dilation, padding, format);
    this.filters = filters;
    this.depthMultiplier = depthMultiplier;
    this.useBias = useBias;
    this.layout = layout;
  }

  /** Output channels. */
  public long filters() {
    return filters;
  }

  @Override
  protected Shape output(Shape input) {
    window.requireInput(input, "separable convolution");
    return window.slide(input, filters);
  }

  @Override
  protected List<WeightSpec> weights(Shape input) {
    long in = window.inputChannels(input);
    long depth = Checked.multiply(in, depthMultiplier);
    long[] kernel = window.kernel;
    long[] ones = new long[kernel.length];
    Arrays.fill(ones, 1);
    List<WeightSpec> w = new ArrayList<>();
    if (layout == KernelLayout.OUT_IN_SPATIAL) {
      w.add(
          WeightSpec.trainable(
              "depthwise_kernel", KernelDims.concat(new long[] {depthMultiplier, in}, kernel)));
      w.add(
          WeightSpec.trainable(
              "pointwise_kernel", KernelDims.concat(new long[] {filters, depth}, ones)));
    } else {
      w.add(
          WeightSpec.trainable("depthwise_kernel", KernelDims.concat(kernel, in, depthMultiplier)));
      w.add(WeightSpec.trainable("pointwise_kernel", KernelDims.concat(ones, depth, filters)));
    }
    if (useBias) {
      w.add(WeightSpec.trainable("bias", filters));
    }
    return w;
  }

  /** {@code 3·3·4·2 + 4·2·8 + 8 = 144}: depthwise, pointwise, bias. */
  @Override
  public String formula(List<Shape> inputs, List<WeightSpec> weights) {
    long in = window.inputChannels(LayerKind.single(inputs));
    String depthwise = KernelDims.product(KernelDims.concat(window.kernel, in, depthMultiplier));
    String pointwise = in + "·" + depthMultiplier + "·" + filters;
    return depthwise
        + " + "
        + pointwise
        + (useBias ? " + " + filters : "")
        + " = "
        + Formulas.number(Formulas.total(weights));
  }
}
