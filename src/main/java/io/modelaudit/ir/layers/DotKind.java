package io.modelaudit.ir.layers;

import io.modelaudit.ir.LayerKind;
import io.modelaudit.ir.Shape;
import io.modelaudit.ir.ShapeException;
import java.util.ArrayList;
import java.util.List;

/** Batched dot product of two tensors over one axis each (Keras Dot). */
public final class DotKind implements LayerKind {
  private final int axis1;
  private final int axis2;

  public DotKind(int axis1, int axis2) {
    this.axis1 = axis1;
    this.axis2 = axis2;
  }

  /** The contracted axis of the first input. */
  public int axis1() {
    return axis1;
  }

  @Override
  public List<Shape> outputShapes(List<Shape> inputs) {
    if (inputs.size() != 2) {
      throw new ShapeException("Dot expects 2 inputs, got " + inputs.size());
    }
    Shape a = inputs.get(0);
    Shape b = inputs.get(1);
    int a1 = Math.floorMod(axis1, a.rank());
    int a2 = Math.floorMod(axis2, b.rank());
    Long x = a.dim(a1);
    Long y = b.dim(a2);
    if (x != null && y != null && !x.equals(y)) {
      throw new ShapeException(
          "dot of " + a + " (axis " + a1 + ") and " + b + " (axis " + a2 + "): " + x + " ≠ " + y);
    }
    List<Long> out = new ArrayList<>(a.withoutDim(a1).dims());
    out.addAll(b.withoutDim(a2).tail().dims());
    if (out.size() == 1) {
      out.add(1L);
    }
    return List.of(Shape.of(out));
  }
}
