package io.modelaudit.ir.layers;

import io.modelaudit.ir.Checked;
import io.modelaudit.ir.Formulas;
import io.modelaudit.ir.LayerKind;
import io.modelaudit.ir.Shape;
import io.modelaudit.ir.ShapeException;
import io.modelaudit.ir.WeightSpec;
import io.modelaudit.ir.arithmetic.WindowArithmetic;
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
  private final SlidingWindow window;
  private final boolean useBias;
  private final boolean returnSequences;
  private final boolean returnState;

  public ConvLstmKind(
      long filters,
      long[] kernel,
      long[] strides,
      long[] dilation,
      Padding padding,
      DataFormat format,
      boolean useBias,
      boolean returnSequences,
      boolean returnState) {
    WindowArithmetic.requirePositive("filters", new long[] {filters});
    this.window = new SlidingWindow(kernel, strides, dilation, padding, format);
    this.filters = filters;
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
    if (in.rank() != window.rank() + 3) {
      throw new ShapeException(
          "a "
              + window.rank()
              + "D ConvLSTM expects a tensor of rank "
              + (window.rank() + 3)
              + " (batch, time, spatial and channel axes), got "
              + in);
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
    Shape state = window.slide(step(in), filters);
    List<Shape> out = new ArrayList<>();
    out.add(returnSequences ? state.tail().prepend(in.dim(1)).prepend(in.dim(0)) : state);
    if (returnState) {
      out.add(state);
      out.add(state);
    }
    return out;
  }

  private long inputChannels(List<Shape> inputs) {
    return window.inputChannels(step(sequence(inputs)));
  }

  @Override
  public List<WeightSpec> weights(List<Shape> inputs) {
    long in = inputChannels(inputs);
    long width = Checked.multiply(GATES, filters);
    List<WeightSpec> w = new ArrayList<>();
    w.add(WeightSpec.trainable("kernel", KernelDims.concat(window.kernel, in, width)));
    w.add(
        WeightSpec.trainable("recurrent_kernel", KernelDims.concat(window.kernel, filters, width)));
    if (useBias) {
      w.add(WeightSpec.trainable("bias", width));
    }
    return w;
  }

  /** {@code 4 × (3·3·2·5 + 3·3·5·5 + 5) = 1,280} */
  @Override
  public String formula(List<Shape> inputs, List<WeightSpec> weights) {
    long in = inputChannels(inputs);
    String body =
        KernelDims.product(KernelDims.concat(window.kernel, in, filters))
            + " + "
            + KernelDims.product(KernelDims.concat(window.kernel, filters, filters))
            + (useBias ? " + " + filters : "");
    return GATES + " × (" + body + ") = " + Formulas.number(Formulas.total(weights));
  }
}
