package io.modelaudit.ir.layers;

import io.modelaudit.ir.Checked;
import io.modelaudit.ir.Formulas;
import io.modelaudit.ir.LayerKind;
import io.modelaudit.ir.Shape;
import io.modelaudit.ir.ShapeException;
import io.modelaudit.ir.ShapeSteps;
import io.modelaudit.ir.UnknownDimensionException;
import io.modelaudit.ir.WeightSpec;
import java.util.ArrayList;
import java.util.List;

/** SimpleRNN, LSTM and GRU over a (batch, time, features) input. */
public final class RecurrentKind implements LayerKind {

  /** The recurrent cell: how many gates share the weight matrices and how many states it keeps. */
  public enum Cell {
    SIMPLE(1, 1, "z"),
    LSTM(4, 2, "i", "c", "f", "o"),
    GRU(3, 1, "z", "r", "h");

    final int gates;
    final int states;
    final String[] gateNames;

    Cell(int gates, int states, String... gateNames) {
      this.gates = gates;
      this.states = states;
      this.gateNames = gateNames;
    }
  }

  private final Cell cell;
  private final long units;
  private final boolean useBias;
  private final boolean returnSequences;
  private final boolean returnState;
  private final boolean resetAfter;
  private final boolean splitGates;
  private final boolean cudnnBias;

  /**
   * @param resetAfter GRU only: a second recurrent bias, stored as a (2, 3·units) bias
   * @param splitGates Keras 1 (except {@code consume_less="gpu"}): one W, U and b per gate
   */
  public RecurrentKind(
      Cell cell,
      long units,
      boolean useBias,
      boolean returnSequences,
      boolean returnState,
      boolean resetAfter,
      boolean splitGates) {
    this(cell, units, useBias, returnSequences, returnState, resetAfter, splitGates, false);
  }

  private RecurrentKind(
      Cell cell,
      long units,
      boolean useBias,
      boolean returnSequences,
      boolean returnState,
      boolean resetAfter,
      boolean splitGates,
      boolean cudnnBias) {
    this.cudnnBias = cudnnBias;
    this.cell = cell;
    this.units = units;
    this.useBias = useBias;
    this.returnSequences = returnSequences;
    this.returnState = returnState;
    this.resetAfter = resetAfter && cell == Cell.GRU;
    this.splitGates = splitGates && cell != Cell.SIMPLE;
  }

  /**
   * Keras 2 / tf.keras 1.x CuDNNLSTM and CuDNNGRU: always biased, with separate input and recurrent
   * biases in one (2 · gates · units,) vector.
   */
  public static RecurrentKind cudnn(
      Cell cell, long units, boolean returnSequences, boolean returnState) {
    return new RecurrentKind(cell, units, true, returnSequences, returnState, false, false, true);
  }

  private static Shape sequence(List<Shape> inputs) {
    // Keras RNNs may be called with initial states as extra inputs; the sequence comes first.
    if (inputs.isEmpty()) {
      throw new ShapeException("expects a sequence input");
    }
    Shape in = inputs.get(0);
    if (in.rank() != 3) {
      throw new ShapeException("a recurrent layer expects (batch, time, features), got " + in);
    }
    return in;
  }

  @Override
  public List<Shape> outputShapes(List<Shape> inputs) {
    Shape in = sequence(inputs);
    ShapeSteps.add(
        () ->
            (returnSequences
                    ? "return_sequences: (batch, steps " + ShapeSteps.dim(in.dim(1)) + ", units "
                    : "the last step only: (batch, units ")
                + units
                + ")"
                + (returnState ? ", then " + cell.states + " state(s) of (batch, units)" : ""));
    List<Shape> out = new ArrayList<>();
    out.add(returnSequences ? Shape.of(in.dim(0), in.dim(1), units) : Shape.of(in.dim(0), units));
    if (returnState) {
      for (int i = 0; i < cell.states; i++) {
        out.add(Shape.of(in.dim(0), units));
      }
    }
    return out;
  }

  @Override
  public List<WeightSpec> weights(List<Shape> inputs) {
    Shape in = sequence(inputs);
    Long features = in.dim(2);
    if (features == null) {
      throw new UnknownDimensionException("input features (axis 2 of " + in + ") are unknown");
    }
    List<WeightSpec> w = new ArrayList<>();
    if (splitGates) {
      for (String g : cell.gateNames) {
        w.add(WeightSpec.trainable("kernel_" + g, features, units));
        w.add(WeightSpec.trainable("recurrent_kernel_" + g, units, units));
        if (useBias) {
          w.add(WeightSpec.trainable("bias_" + g, units));
        }
      }
      return w;
    }
    long width = Checked.multiply(cell.gates, units);
    w.add(WeightSpec.trainable("kernel", features, width));
    w.add(WeightSpec.trainable("recurrent_kernel", units, width));
    if (useBias) {
      w.add(
          resetAfter
              ? WeightSpec.trainable("bias", 2, width)
              : WeightSpec.trainable("bias", cudnnBias ? Checked.multiply(2, width) : width));
    }
    return w;
  }

  @Override
  public String formula(List<Shape> inputs, List<WeightSpec> weights) {
    long f = sequence(inputs).dim(2);
    long total = Formulas.total(weights);
    String bias = !useBias ? "" : resetAfter || cudnnBias ? " + 2·" + units : " + " + units;
    String gates = cell.gates == 1 ? "" : cell.gates + " × ";
    return gates
        + "("
        + f
        + "·"
        + units
        + " + "
        + units
        + "·"
        + units
        + bias
        + ") = "
        + Formulas.number(total);
  }
}
