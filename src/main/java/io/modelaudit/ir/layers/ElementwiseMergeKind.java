package io.modelaudit.ir.layers;

import io.modelaudit.ir.LayerKind;
import io.modelaudit.ir.Shape;
import io.modelaudit.ir.ShapeException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Add, Subtract, Multiply, Average, Maximum, Minimum: the non-batch shapes broadcast together
 * (Keras {@code _compute_elemwise_op_output_shape}); the batch size is kept when all inputs agree.
 */
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
      throw new ShapeException(
          "expects "
              + (minInputs == maxInputs ? String.valueOf(minInputs) : "at least " + minInputs)
              + " inputs, got "
              + inputs.size());
    }
    Set<Long> batchSizes = new HashSet<>();
    Shape out = null;
    for (Shape s : inputs) {
      if (s.rank() == 0) {
        throw new ShapeException("cannot merge a scalar");
      }
      batchSizes.add(s.dim(0));
      out = out == null ? s.tail() : broadcast(out, s.tail());
    }
    batchSizes.remove(null);
    return List.of(out.prepend(batchSizes.size() == 1 ? batchSizes.iterator().next() : null));
  }

  /** Numpy-style broadcasting aligned on the last axis; an unknown dimension stays unknown. */
  static Shape broadcast(Shape a, Shape b) {
    List<Long> out = new ArrayList<>();
    int n = Math.max(a.rank(), b.rank());
    for (int i = 1; i <= n; i++) {
      Long x = i <= a.rank() ? a.dim(-i) : Long.valueOf(1);
      Long y = i <= b.rank() ? b.dim(-i) : Long.valueOf(1);
      if (i > Math.min(a.rank(), b.rank())) {
        out.add(i <= a.rank() ? x : y);
      } else if (x == null || y == null) {
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
