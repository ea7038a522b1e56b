package io.modelaudit.ir.layers;

import io.modelaudit.ir.LayerKind;
import io.modelaudit.ir.Shape;
import io.modelaudit.ir.ShapeException;
import io.modelaudit.ir.WeightSpec;
import java.util.List;

/**
 * A Keras LSTMCell, GRUCell or SimpleRNNCell called on its own, on one time step: inputs {@code [x
 * (batch, features), states…]}, outputs the step's output and its new states, each (batch, units).
 * Its weights are those of the recurrent layer it makes inside an RNN.
 */
public final class RecurrentCellKind implements LayerKind {
  private final LayerKind sequenceRule;

  /**
   * @param sequenceRule the same cell over a sequence, returning its last output and its states
   */
  public RecurrentCellKind(LayerKind sequenceRule) {
    this.sequenceRule = sequenceRule;
  }

  /** The step as a sequence of unknown length, which the cell's rules do not look at. */
  private static List<Shape> asSequence(List<Shape> inputs) {
    if (inputs.isEmpty() || inputs.get(0).rank() != 2) {
      throw new ShapeException(
          "a recurrent cell expects one step (batch, features), got "
              + (inputs.isEmpty() ? "no input" : inputs.get(0)));
    }
    Shape x = inputs.get(0);
    return List.of(Shape.of(x.dim(0), null, x.dim(1)));
  }

  /** The recurrent layer this cell makes inside an RNN. */
  public LayerKind sequenceRule() {
    return sequenceRule;
  }

  @Override
  public List<Shape> outputShapes(List<Shape> inputs) {
    List<Shape> out = sequenceRule.outputShapes(asSequence(inputs));
    if (inputs.size() != out.size()) {
      throw new ShapeException(
          "the cell keeps "
              + (out.size() - 1)
              + " states, but is called with "
              + (inputs.size() - 1));
    }
    for (int i = 1; i < inputs.size(); i++) {
      Long given = inputs.get(i).dim(-1);
      Long units = out.get(i).dim(-1);
      if (given != null && !given.equals(units)) {
        throw new ShapeException(
            "state " + i + " is " + inputs.get(i) + ", the cell's states have " + units + " units");
      }
    }
    return out;
  }

  @Override
  public List<WeightSpec> weights(List<Shape> inputs) {
    return sequenceRule.weights(asSequence(inputs));
  }

  @Override
  public List<WeightSpec> archiveOrder(List<WeightSpec> weights) {
    return sequenceRule.archiveOrder(weights);
  }

  @Override
  public String formula(List<Shape> inputs, List<WeightSpec> weights) {
    return sequenceRule.formula(asSequence(inputs), weights);
  }
}
