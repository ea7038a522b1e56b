package io.modelaudit.ir.layers;

import io.modelaudit.ir.Checked;
import io.modelaudit.ir.InvalidConfigException;
import io.modelaudit.ir.Shape;
import io.modelaudit.ir.ShapeException;
import io.modelaudit.ir.ShapeSteps;
import io.modelaudit.ir.SingleInputKind;
import java.util.ArrayList;
import java.util.List;

/** Reshape to a fixed non-batch shape in which one dimension may be -1 (inferred). */
public final class ReshapeKind extends SingleInputKind {
  private final List<Long> target;

  public ReshapeKind(List<Long> target) {
    for (Long d : target) {
      if (d == null || d < -1) {
        throw new InvalidConfigException(
            "target shape " + target + " may hold sizes and one -1 only");
      }
    }
    if (target.stream().filter(d -> d == -1).count() > 1) {
      throw new InvalidConfigException("at most one -1 in target shape " + target);
    }
    this.target = List.copyOf(target);
  }

  @Override
  protected Shape output(Shape input) {
    if (input.isUnknown() && !target.contains(-1L)) {
      // The target alone gives the output (after a Lambda, say): only the batch stays unknown.
      List<Long> dims = new ArrayList<>();
      dims.add(null);
      dims.addAll(target);
      return Shape.of(dims);
    }
    Shape rest = input.tail();
    List<Long> dims = new ArrayList<>();
    dims.add(input.dim(0));
    long known = 1;
    int free = -1;
    for (int i = 0; i < target.size(); i++) {
      long d = target.get(i);
      if (d == -1) {
        free = i;
        dims.add(null);
      } else {
        known = Checked.multiply(known, d);
        dims.add(d);
      }
    }
    if (!rest.isFullyKnown()) {
      ShapeSteps.add(() -> "target_shape " + target + "; the input's size is unknown");
      return Shape.of(dims);
    }
    long size = rest.size();
    if (free >= 0) {
      if (known == 0 || size % known != 0) {
        throw new ShapeException(
            "cannot reshape " + input + " (" + size + " elements) to " + target);
      }
      dims.set(free + 1, size / known);
      long k = known;
      ShapeSteps.add(
          () ->
              "target_shape "
                  + target
                  + ": the -1 axis is "
                  + ShapeSteps.product(rest)
                  + " / "
                  + k
                  + " = "
                  + size / k);
    } else if (known != size) {
      throw new ShapeException(
          "cannot reshape "
              + input
              + " ("
              + size
              + " elements) to "
              + target
              + " ("
              + known
              + " elements)");
    } else {
      ShapeSteps.add(() -> "target_shape " + target + " (" + size + " elements, as the input)");
    }
    return Shape.of(dims);
  }
}
