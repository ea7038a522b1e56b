package io.modelaudit.ir.layers;

import io.modelaudit.ir.Checked;
import io.modelaudit.ir.Formulas;
import io.modelaudit.ir.InvalidConfigException;
import io.modelaudit.ir.LayerKind;
import io.modelaudit.ir.Shape;
import io.modelaudit.ir.SingleInputKind;
import io.modelaudit.ir.UnknownDimensionException;
import io.modelaudit.ir.WeightSpec;
import io.modelaudit.ir.arithmetic.WindowArithmetic;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Keras 2 LocallyConnected1D / 2D: a convolution whose weights are not shared between output
 * positions. The three {@code implementation}s store the same logical weights differently, and two
 * of them store a different number of values:
 *
 * <ul>
 *   <li>1: one kernel slice per output position, (positions, window·in, filters): exactly the
 *       logical weights;
 *   <li>2: a dense (masked) kernel connecting every input value to every output value, mostly zeros
 *       that never train;
 *   <li>3: only the connections, as a flat vector; with {@code same} padding, border windows
 *       overlap the input partly, so it holds fewer values than positions·window·in·filters.
 * </ul>
 *
 * The rule models what is stored; the formula says how it relates to the logical count.
 */
public final class LocallyConnectedKind extends SingleInputKind {

  private final long filters;
  private final long[] kernel;
  private final long[] strides;
  private final Padding padding;
  private final DataFormat format;
  private final boolean useBias;
  private final int implementation;

  public LocallyConnectedKind(
      long filters,
      long[] kernel,
      long[] strides,
      Padding padding,
      DataFormat format,
      boolean useBias,
      int implementation) {
    if (kernel.length != strides.length) {
      throw new InvalidConfigException("kernel and strides must have the same rank");
    }
    if (implementation < 1 || implementation > 3) {
      throw new InvalidConfigException("implementation must be 1, 2 or 3, got " + implementation);
    }
    if (padding != Padding.VALID && (padding != Padding.SAME || implementation == 1)) {
      throw new InvalidConfigException(
          "padding "
              + padding.name().toLowerCase()
              + " is not supported by implementation "
              + implementation
              + " (valid, or same with implementation 2 or 3)");
    }
    WindowArithmetic.requirePositive("kernel size", kernel);
    WindowArithmetic.requirePositive("strides", strides);
    WindowArithmetic.requirePositive("filters", new long[] {filters});
    this.filters = filters;
    this.kernel = kernel.clone();
    this.strides = strides.clone();
    this.padding = padding;
    this.format = format;
    this.useBias = useBias;
    this.implementation = implementation;
  }

  private long[] ones() {
    long[] d = new long[kernel.length];
    Arrays.fill(d, 1);
    return d;
  }

  @Override
  protected Shape output(Shape input) {
    format.requireRank(input, kernel.length, "a " + kernel.length + "D locally connected layer");
    return SlidingWindow.slide(input, format, filters, kernel, strides, ones(), padding);
  }

  /** The input's spatial sizes, channels last, all of which the weights depend on. */
  private long[] inputDims(Shape input) {
    long[] d = new long[kernel.length + 1];
    for (int i = 0; i < kernel.length; i++) {
      d[i] = known(input, format.spatialAxis(i, input.rank()), "input length");
    }
    d[kernel.length] = known(input, format.channelAxis(input.rank()), "input channels");
    return d;
  }

  private long[] outputSpatial(Shape input) {
    Shape out = output(input);
    long[] d = new long[kernel.length];
    for (int i = 0; i < kernel.length; i++) {
      Long v = out.dim(format.spatialAxis(i, out.rank()));
      if (v == null) {
        throw new UnknownDimensionException(
            "output length (axis " + format.spatialAxis(i, out.rank()) + ") is unknown");
      }
      d[i] = v;
    }
    return d;
  }

  /**
   * Input–output connections per output channel and input channel: the product over axes of the
   * number of in-bounds (window, output position) pairs, as Keras 2's {@code conv_kernel_idxs}
   * enumerates them (window centred on o·s for same padding, starting at o·s for valid).
   */
  private long connections(long[] in, long[] out) {
    long n = Checked.multiply(filters, in[kernel.length]);
    for (int i = 0; i < kernel.length; i++) {
      long left = kernel[i] / 2;
      long axis = 0;
      for (long o = 0; o < out[i]; o++) {
        long centre =
            Checked.add(Checked.multiply(o, strides[i]), padding == Padding.VALID ? left : 0);
        long start = Math.max(0, centre - left);
        long end = Math.min(in[i], Checked.add(centre - left, kernel[i]));
        axis = Checked.add(axis, Math.max(0, end - start));
      }
      n = Checked.multiply(n, axis);
    }
    return n;
  }

  @Override
  protected List<WeightSpec> weights(Shape input) {
    long[] in = inputDims(input);
    long channels = in[kernel.length];
    long[] out = outputSpatial(input);
    long positions = Shape.ofKnown(out).size();
    long[] inSpatial = Arrays.copyOf(in, kernel.length);
    List<WeightSpec> w = new ArrayList<>();
    switch (implementation) {
      case 1:
        w.add(
            WeightSpec.trainable(
                "kernel",
                positions,
                Checked.multiply(Shape.ofKnown(kernel).size(), channels),
                filters));
        break;
      case 2:
        w.add(
            WeightSpec.trainable(
                "kernel",
                format == DataFormat.CHANNELS_LAST
                    ? KernelDims.concat(
                        KernelDims.concat(inSpatial, channels), KernelDims.concat(out, filters))
                    : KernelDims.concat(
                        KernelDims.concat(new long[] {channels}, inSpatial),
                        KernelDims.concat(new long[] {filters}, out))));
        break;
      default:
        w.add(WeightSpec.trainable("kernel", connections(in, out)));
    }
    if (useBias) {
      w.add(WeightSpec.trainable("bias", KernelDims.concat(out, filters)));
    }
    return w;
  }

  @Override
  public String formula(List<Shape> inputs, List<WeightSpec> weights) {
    Shape input = LayerKind.single(inputs);
    long[] in = inputDims(input);
    long[] out = outputSpatial(input);
    String bias = useBias ? " + bias " + KernelDims.product(KernelDims.concat(out, filters)) : "";
    String total = " = " + Formulas.number(Formulas.total(weights));
    String window = KernelDims.product(KernelDims.concat(kernel, in[kernel.length]));
    switch (implementation) {
      case 1:
        return KernelDims.product(out) + " positions × " + window + " × " + filters + bias + total;
      case 2:
        return "implementation 2 stores a dense kernel "
            + KernelDims.product(in)
            + " × "
            + KernelDims.product(KernelDims.concat(out, filters))
            + " ("
            + Formulas.number(weights.get(0).size())
            + " values, of which "
            + Formulas.number(connections(in, out))
            + " connect an input to an output; "
            + "the rest are multiplied by a zero mask)"
            + bias
            + total;
      default:
        return "implementation 3 stores only the "
            + Formulas.number(weights.get(0).size())
            + " connections"
            + (padding == Padding.SAME
                ? " (at most "
                    + KernelDims.product(out)
                    + " positions × "
                    + window
                    + " × "
                    + filters
                    + ": same-padded border windows overlap the input only partly)"
                : "")
            + bias
            + total;
    }
  }
}
