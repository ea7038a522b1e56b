package io.modelaudit.ir.layers;

import io.modelaudit.ir.LayerKind;
import io.modelaudit.ir.Shape;
import io.modelaudit.ir.ShapeException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Add, Subtract, Multiply, Average, Maximum, Minimum: inputs broadcast to one shape. */
public final class ElementwiseMergeKind implements LayerKind {
  private final int minInputs;
  private final int maxInputs;

  public ElementwiseMergeKind(int minInputs, int maxInputs) {
    this.minInputs = minInputs;
    this.maxInputs = maxInputs;
  }

  @Override
  public List<Shape> outputShapes(List<Shape> inputs) {
    if (inputs.size() < minInputs || inputs.size() > maxInputs) {
      throw new ShapeException("expects " + (minInputs == maxInputs ? String.valueOf(minInputs) : "at least " + minInputs) + " inputs, got " + inputs.size());
    }
    Shape out = inputs.get(0);
    for (Shape s : inputs.subList(1, inputs.size())) {
      out = broadcast(out, s);
    }
    return List.of(out);
  }

  /** Numpy-style broadcasting aligned on the last axis; an unknown dimension stays unknown. */
  static Shape broadcast(Shape a, Shape b) {
    List<Long> out = new ArrayList<>();
    int n = Math.max(a.rank(), b.rank());
    for (int i = 1; i <= n; i++) {
      Long x = i <= a.rank() ? a.dim(-i) : Long.valueOf(1);
      Long y = i <= b.rank() ? b.dim(-i) : Long.valueOf(1);
      if (x == null || y == null) {
        out.add(null);
      } else if (x == 1) {
        out.add(y);
      } else if (y == 1 || x.equals(y)) {
        out.add(x);
      } else {
        throw new ShapeException("shapes " + a + " and " + b + " cannot be broadcast together");
      }
    }
    Collections.reverse(out);
    return Shape.of(out);
  }
}
