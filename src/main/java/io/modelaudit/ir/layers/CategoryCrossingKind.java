package io.modelaudit.ir.layers;

import io.modelaudit.ir.LayerKind;
import io.modelaudit.ir.Shape;
import io.modelaudit.ir.ShapeException;
import java.util.List;

/**
 * tf.keras 2.x {@code experimental.preprocessing.CategoryCrossing}: rank-2 inputs crossed into
 * (batch, unknown), the batch taken from the first input. No weights.
 */
public final class CategoryCrossingKind implements LayerKind {
  @Override
  public List<Shape> outputShapes(List<Shape> inputs) {
    if (inputs.isEmpty()) {
      throw new ShapeException("CategoryCrossing expects a list of inputs");
    }
    for (Shape s : inputs) {
      if (s.rank() != 2) {
        throw new ShapeException("CategoryCrossing inputs must be rank 2, got " + s);
      }
    }
    return List.of(Shape.of(inputs.get(0).dim(0), null));
  }
}
