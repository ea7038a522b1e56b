package io.modelaudit.ir.layers;

import io.modelaudit.ir.Formulas;
import io.modelaudit.ir.LayerKind;
import io.modelaudit.ir.Shape;
import io.modelaudit.ir.ShapeException;
import io.modelaudit.ir.SingleInputKind;
import io.modelaudit.ir.WeightSpec;
import io.modelaudit.ir.arithmetic.WindowArithmetic;
import java.util.ArrayList;
import java.util.List;

/** Convolution over 1, 2 or 3 spatial dimensions, with strides, dilation and groups. */
public final class ConvKind extends SingleInputKind {

  /** How the kernel tensor is laid out in the file. */
  public enum KernelLayout {
    /** Keras 2 and 3: (k1, …, kn, in / groups, filters). */
    SPATIAL_IN_OUT,
    /** Keras 1 with Theano dim ordering: (filters, in, k1, …, kn). */
    OUT_IN_SPATIAL,
    /** Keras 1 Convolution1D, built on a 2D convolution: (k, 1, in, filters). */
    KERAS1_CONV1D
  }

  private final long filters;
  private final SlidingWindow window;
  private final long groups;
  private final boolean useBias;
  private final KernelLayout layout;
  private final long loraRank;

  public ConvKind(
      long filters,
      long[] kernel,
      long[] strides,
      long[] dilation,
      Padding padding,
      DataFormat format,
      long groups,
      boolean useBias,
      KernelLayout layout) {
    this(filters, kernel, strides, dilation, padding, format, groups, useBias, layout, 0);
  }

  /**
   * @param loraRank Keras 3 {@code lora_rank} (see {@link LoRA}); 0 without LoRA
   */
  public ConvKind(
      long filters,
      long[] kernel,
      long[] strides,
      long[] dilation,
      Padding padding,
      DataFormat format,
      long groups,
      boolean useBias,
      KernelLayout layout,
      long loraRank) {
    this.window = new SlidingWindow(kernel, strides, dilation, padding, format);
    WindowArithmetic.requirePositive("filters and groups", new long[] {filters, groups});
    this.filters = filters;
    this.groups = groups;
    this.useBias = useBias;
    this.layout = layout;
    this.loraRank = loraRank;
  }

  /** Output channels. */
  public long filters() {
    return filters;
  }

  @Override
  protected Shape output(Shape input) {
    window.requireInput(input, "convolution");
    if (window.padding == Padding.CAUSAL && window.rank() != 1) {
      throw new ShapeException("causal padding is only defined for 1D convolutions");
    }
    return window.slide(input, filters);
  }

  private long inputChannels(Shape input) {
    long in = window.inputChannels(input);
    if (in % groups != 0 || filters % groups != 0) {
      throw new ShapeException(
          "groups " + groups + " must divide input channels " + in + " and filters " + filters);
    }
    return in;
  }

  @Override
  protected List<WeightSpec> weights(Shape input) {
    long in = inputChannels(input);
    long perGroup = in / groups;
    long[] kernel = window.kernel;
    long[] dims;
    switch (layout) {
      case OUT_IN_SPATIAL:
        dims = KernelDims.concat(new long[] {filters, perGroup}, kernel);
        break;
      case KERAS1_CONV1D:
        dims = new long[] {kernel[0], 1, perGroup, filters};
        break;
      default:
        dims = KernelDims.concat(kernel, new long[] {perGroup, filters});
    }
    List<WeightSpec> w = new ArrayList<>();
    w.add(LoRA.kernel("kernel", Shape.ofKnown(dims), loraRank));
    if (useBias) {
      w.add(WeightSpec.trainable("bias", filters));
    }
    w.addAll(
        LoRA.factors(
            "lora_kernel",
            Shape.ofKnown(KernelDims.concat(kernel, new long[] {perGroup})),
            filters,
            loraRank));
    return w;
  }

  @Override
  public String formula(List<Shape> inputs, List<WeightSpec> weights) {
    if (loraRank > 0) {
      return Formulas.sumOfProducts(weights);
    }
    long perGroup = inputChannels(LayerKind.single(inputs)) / groups;
    String perFilter = KernelDims.product(KernelDims.concat(window.kernel, perGroup));
    long total = Formulas.total(weights);
    String body = useBias ? "(" + perFilter + " + 1)" : perFilter;
    return filters + " × " + body + " = " + Formulas.number(total);
  }
}
