package io.modelaudit.ir.layers;

import io.modelaudit.ir.LayerKind;
import io.modelaudit.ir.Shape;
import io.modelaudit.ir.ShapeException;
import java.util.ArrayList;
import java.util.List;

/**
 * A Keras 3 element-wise operation node ({@code x + y}, {@code keras.ops.multiply} …): numpy
 * broadcasting over the whole shapes, batch included, of the input tensors and of the constant
 * tensors among the arguments (a positional encoding added to the input). Unlike the merge layers,
 * an unknown dimension broadcast against a known one takes the known one (Keras {@code
 * operation_utils.broadcast_shapes}). No weights.
 */
public final class BroadcastOpKind implements LayerKind {
  private final List<Shape> constants;

  /**
   * @param constants the shapes of the constant tensor arguments (scalars need none)
   */
  public BroadcastOpKind(List<Shape> constants) {
    this.constants = List.copyOf(constants);
  }

  @Override
  public List<Shape> outputShapes(List<Shape> inputs) {
    if (inputs.isEmpty()) {
      throw new ShapeException("expects at least 1 input tensor, got 0");
    }
    Shape out = inputs.get(0);
    for (int i = 1; i < inputs.size(); i++) {
      out = broadcast(out, inputs.get(i));
    }
    for (Shape c : constants) {
      out = broadcast(out, c);
    }
    return List.of(out);
  }

  private static Shape broadcast(Shape a, Shape b) {
    int n = Math.max(a.rank(), b.rank());
    List<Long> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      Long x = i < n - a.rank() ? Long.valueOf(1) : a.dim(i - (n - a.rank()));
      Long y = i < n - b.rank() ? Long.valueOf(1) : b.dim(i - (n - b.rank()));
      if (x != null && x == 1) {
        out.add(y);
      } else if (x == null) {
        out.add(y != null && y == 1 ? null : y);
      } else if (y == null || y == 1 || y.equals(x)) {
        out.add(x);
      } else {
        throw new ShapeException("shapes " + a + " and " + b + " cannot be broadcast together");
      }
    }
    return Shape.of(out);
  }
}
