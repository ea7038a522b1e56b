package io.modelaudit.ir.layers;

import io.modelaudit.ir.LayerKind;
import io.modelaudit.ir.Shape;
import io.modelaudit.ir.ShapeException;
import java.util.List;

/** A graph input: produces the declared batch shape, which is null when the file declares none. */
public record InputKind(Shape batchShape) implements LayerKind {
  @Override
  public List<Shape> outputShapes(List<Shape> inputs) {
    if (!inputs.isEmpty()) {
      throw new ShapeException("an input layer takes no inputs");
    }
    return java.util.Collections.singletonList(batchShape);
  }
}
