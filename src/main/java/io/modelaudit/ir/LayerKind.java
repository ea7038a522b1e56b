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
   * Output shapes of call {@code call} (0-based, in the order the file lists the layer's calls),
   * for a layer whose calls differ by a call argument the file records (Keras ReversibleEmbedding's
   * {@code reverse=True}). Most layers compute every call alike.
   */
  default List<Shape> outputShapes(List<Shape> inputs, int call) {
    return outputShapes(inputs);
  }

  /**
   * The weight tensors this layer owns, in the order the framework stores them, given the inputs of
   * its first call. The parameter count is always derived from these.
   */
  default List<WeightSpec> weights(List<Shape> inputs) {
    return List.of();
  }

  /**
   * {@code weights} (as {@link #weights} made them, bucket changes aside) in the order a Keras 3
   * {@code .keras} archive stores them, when that is not declaration order: an archive stores a
   * layer's own variables before its sub-layers', lists of sub-layers by storage name, and a
   * variable a layer also keeps as its own attribute twice (the same element appears twice then).
   */
  default List<WeightSpec> archiveOrder(List<WeightSpec> weights) {
    return weights;
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
