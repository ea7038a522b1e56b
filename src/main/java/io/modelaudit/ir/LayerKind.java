package io.modelaudit.ir;

import java.util.List;

/**
 * What a layer computes, reduced to the two rules the audit needs. Implementations are small
 * immutable values built from a layer's configuration; they never look at stored weights.
 */
public interface LayerKind {

  /** Output shapes of one call with the given input shapes (one entry per output tensor). */
  List<Shape> outputShapes(List<Shape> inputs);

  /**
   * The weight tensors this layer owns, in the order the framework stores them, given the inputs of
   * its first call. The parameter count is always derived from these.
   */
  default List<WeightSpec> weights(List<Shape> inputs) {
    return List.of();
  }

  /** A human-readable derivation of the parameter count, e.g. {@code 6 × (5·5·3 + 1) = 456}. */
  default String formula(List<Shape> inputs, List<WeightSpec> weights) {
    return Formulas.sumOfProducts(weights);
  }

  /**
   * Where the framework's own shape rule differs from what the layer computes when run: the
   * framework's shapes are reported (they are what the file was built with), and each caveat
   * becomes a warning.
   */
  default List<String> caveats(List<Shape> inputs) {
    return List.of();
  }

  /** Exactly one input is expected; returns it. */
  static Shape single(List<Shape> inputs) {
    if (inputs.size() != 1) {
      throw new ShapeException("expects 1 input tensor, got " + inputs.size());
    }
    return inputs.get(0);
  }
}
