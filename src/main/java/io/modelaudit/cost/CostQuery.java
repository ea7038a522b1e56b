package io.modelaudit.cost;

import io.modelaudit.ir.Checked;
import io.modelaudit.ir.Formulas;
import io.modelaudit.ir.LayerKind;
import io.modelaudit.ir.Shape;
import io.modelaudit.ir.UnknownDimensionException;
import io.modelaudit.ir.WeightSpec;
import java.util.List;

/**
 * What a cost rule is given for one call of a layer: its kind, the shapes in and out (as inferred)
 * and the weights the kind declares. Every count is per example: axis 0 (the batch) is left out.
 *
 * @param activation the activation function the configuration names, or null
 */
public record CostQuery(
    LayerKind kind,
    List<Shape> inputs,
    List<Shape> outputs,
    List<WeightSpec> weights,
    String activation) {

  public CostQuery {
    inputs = List.copyOf(inputs);
    outputs = List.copyOf(outputs);
    weights = weights == null ? List.of() : List.copyOf(weights);
  }

  /** The same call seen by another rule (a wrapper's inner layer), on other shapes. */
  public CostQuery with(LayerKind other, List<Shape> in, List<Shape> out) {
    return new CostQuery(other, in, out, other.weights(in), activation);
  }

  /** Elements of one example of {@code shape}: every axis but the batch. */
  public static long perExample(Shape shape) {
    if (shape.isUnknown()) {
      throw new UnknownDimensionException("the shape " + shape + " is unknown");
    }
    long n = 1;
    for (int i = 1; i < shape.rank(); i++) {
      Long d = shape.dim(i);
      if (d == null) {
        throw new UnknownDimensionException("axis " + i + " of " + shape + " is unknown");
      }
      n = Checked.multiply(n, d);
    }
    return n;
  }

  /** Vectors of one example along the last axis: every axis but the batch and the last. */
  public static long positions(Shape shape) {
    Long last = shape.dim(-1);
    if (last == null || last == 0) {
      throw new UnknownDimensionException("the last axis of " + shape + " is unknown");
    }
    return perExample(shape) / last;
  }

  public Shape input() {
    return inputs.get(0);
  }

  public Shape output() {
    return outputs.get(0);
  }

  /** Elements of the first output, per example. */
  public long outputElements() {
    return perExample(output());
  }

  public long inputElements() {
    return perExample(input());
  }

  /** The declared weight {@code name}, or null. */
  public WeightSpec weight(String name) {
    for (WeightSpec w : weights) {
      if (w.name().equals(name)) {
        return w;
      }
    }
    return null;
  }

  public long weightSize(String name) {
    WeightSpec w = weight(name);
    if (w == null) {
      throw new IllegalStateException("the rule declares no weight '" + name + "'");
    }
    return w.size();
  }

  public boolean hasWeight(String name) {
    return weight(name) != null;
  }

  /** True when the layer applies a non-linear activation of its own (Dense(activation="relu")). */
  public boolean activates() {
    return activation != null
        && !activation.isEmpty()
        && !"linear".equalsIgnoreCase(activation)
        && !"identity".equalsIgnoreCase(activation);
  }

  /**
   * The element-wise FLOPs a layer adds to its products: one per output element for a bias and one
   * for its own activation function.
   */
  public long biasAndActivation(boolean bias) {
    long n = outputElements();
    return Checked.add(bias ? n : 0, activates() ? n : 0);
  }

  static String n(long value) {
    return Formulas.number(value);
  }
}
