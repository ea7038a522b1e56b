package io.modelaudit.ir;

import java.util.List;

/** Base for layers with one input and one output tensor. */
public abstract class SingleInputKind implements LayerKind {

  protected abstract Shape output(Shape input);

  protected List<WeightSpec> weights(Shape input) {
    return List.of();
  }

  @Override
  public final List<Shape> outputShapes(List<Shape> inputs) {
    return List.of(output(LayerKind.single(inputs)));
  }

  @Override
  public final List<WeightSpec> weights(List<Shape> inputs) {
    return weights(LayerKind.single(inputs));
  }

  /** The dimension at {@code axis}, which a weight shape depends on and so must be known. */
  protected static long known(Shape input, int axis, String what) {
    Long d = input.dim(axis);
    if (d == null) {
      throw new UnknownDimensionException(
          what + " (axis " + axis + " of " + input + ") is unknown");
    }
    return d;
  }
}
