package io.modelaudit.ir.layers;

import io.modelaudit.ir.Formulas;
import io.modelaudit.ir.LayerKind;
import io.modelaudit.ir.Shape;
import io.modelaudit.ir.ShapeException;
import io.modelaudit.ir.UnknownDimensionException;
import io.modelaudit.ir.WeightSpec;
import java.util.ArrayList;
import java.util.List;

/**
 * ConvLSTM1D / 2D / 3D over (batch, time, spatial…, channels) or, channels first, (batch, time,
 * channels, spatial…): an LSTM whose four gates are convolutions. The input convolution uses the
 * layer's strides, dilation and padding; the recurrent one is always stride 1 and same-padded, so
 * the state has the shape of one step's input convolution.
 */
public final class ConvLstmKind implements LayerKind {

  private static final int GATES = 4;

  private final long filters;
  private final long[] kernel;
  private final long[] strides;
  private final long[] dilation;
  private final Padding padding;
  private final DataFormat format;
  private final boolean useBias;
  private final boolean returnSequences;
  private final boolean returnState;

  public ConvLstmKind(long filters, long[] kernel, long[] strides, long[] dilation, Padding padding, DataFormat format,
      boolean useBias, boolean returnSequences, boolean returnState) {
    if (kernel.length != strides.length || kernel.length != dilation.length) {
      throw new IllegalArgumentException("kernel, strides and dilation must have the same rank");
    }
    ConvArithmetic.requirePositive("kernel size", kernel);
    ConvArithmetic.requirePositive("strides", strides);
    ConvArithmetic.requirePositive("dilation", dilation);
    ConvArithmetic.requirePositive("filters", new long[] {filters});
    this.filters = filters;
    this.kernel = kernel.clone();
    this.strides = strides.clone();
    this.dilation = dilation.clone();
    this.padding = padding;
    this.format = format;
    this.useBias = useBias;
    this.returnSequences = returnSequences;
    this.returnState = returnState;
  }

  /** The sequence input; initial states may follow it as extra inputs. */
  private Shape sequence(List<Shape> inputs) {
    if (inputs.isEmpty()) {
      throw new ShapeException("expects a sequence input");
    }
    Shape in = inputs.get(0);
    if (in.rank() != kernel.length + 3) {
      throw new ShapeException("a " + kernel.length + "D ConvLSTM expects a tensor of rank " + (kernel.length + 3)
          + " (batch, time, spatial and channel axes), got " + in);
    }
    return in;
  }

  /** One time step: the sequence without its time axis. */
  private static Shape step(Shape sequence) {
    return sequence.withoutDim(1);
  }

  @Override
  public List<Shape> outputShapes(List<Shape> inputs) {
    Shape in = sequence(inputs);
    Shape state = ConvArithmetic.slide(step(in), format, filters, kernel, strides, dilation, padding);
    List<Shape> out = new ArrayList<>();
    out.add(returnSequences ? state.tail().prepend(in.dim(1)).prepend(in.dim(0)) : state);
    if (returnState) {
      out.add(state);
      out.add(state);
    }
    return out;
  }

  private long inputChannels(List<Shape> inputs) {
    Shape s = step(sequence(inputs));
    int axis = format.channelAxis(s.rank());
    Long c = s.dim(axis);
    if (c == null) {
      throw new UnknownDimensionException("input channels (axis " + (axis + 1) + " of " + inputs.get(0) + ") are unknown");
    }
    return c;
  }

  @Override
  public List<WeightSpec> weights(List<Shape> inputs) {
    long in = inputChannels(inputs);
    long width = Math.multiplyExact(GATES, filters);
    List<WeightSpec> w = new ArrayList<>();
    w.add(WeightSpec.trainable("kernel", ConvArithmetic.concat(kernel, in, width)));
    w.add(WeightSpec.trainable("recurrent_kernel", ConvArithmetic.concat(kernel, filters, width)));
    if (useBias) {
      w.add(WeightSpec.trainable("bias", width));
    }
    return w;
  }

  /** {@code 4 × (3·3·2·5 + 3·3·5·5 + 5) = 1,280} */
  @Override
  public String formula(List<Shape> inputs, List<WeightSpec> weights) {
    long in = inputChannels(inputs);
    String body = ConvArithmetic.product(ConvArithmetic.concat(kernel, in, filters)) + " + "
        + ConvArithmetic.product(ConvArithmetic.concat(kernel, filters, filters)) + (useBias ? " + " + filters : "");
    return GATES + " × (" + body + ") = " + Formulas.number(Formulas.total(weights));
  }
}
