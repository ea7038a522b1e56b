package io.modelaudit.ir.layers;

import io.modelaudit.ir.Checked;
import io.modelaudit.ir.LayerKind;
import io.modelaudit.ir.Shape;
import io.modelaudit.ir.ShapeException;
import io.modelaudit.ir.ShapeSteps;
import java.util.List;

/**
 * Joins inputs along one axis; every other axis must agree and is taken from the first input, as
 * Keras does (an unknown dimension there stays unknown even when another input knows it).
 */
public final class ConcatenateKind implements LayerKind {
  private final int axis;

  public ConcatenateKind(int axis) {
    this.axis = axis;
  }

  @Override
  public List<Shape> outputShapes(List<Shape> inputs) {
    if (inputs.isEmpty()) {
      throw new ShapeException("Concatenate expects at least 1 input");
    }
    Shape first = inputs.get(0);
    int a = first.axis(axis);
    Shape out = first;
    Long total = 0L;
    for (Shape s : inputs) {
      if (s.rank() != first.rank()) {
        throw new ShapeException("cannot concatenate " + first + " and " + s + ": ranks differ");
      }
      for (int i = 0; i < s.rank(); i++) {
        if (i == a) {
          continue;
        }
        Long x = out.dim(i);
        Long y = s.dim(i);
        if (x != null && y != null && !x.equals(y)) {
          throw new ShapeException(
              "cannot concatenate " + first + " and " + s + " on axis " + axis);
        }
      }
      total = total == null || s.dim(a) == null ? null : Checked.add(total, s.dim(a));
    }
    Long sum = total;
    ShapeSteps.add(
        () -> {
          List<String> parts = new java.util.ArrayList<>();
          inputs.forEach(s -> parts.add(ShapeSteps.dim(s.dim(a))));
          return "axis " + a + ": " + String.join(" + ", parts) + " = " + ShapeSteps.dim(sum);
        });
    return List.of(out.withDim(a, total));
  }
}
