package io.modelaudit.ir.layers;

import io.modelaudit.ir.Shape;
import io.modelaudit.ir.ShapeSteps;
import io.modelaudit.ir.SingleInputKind;

/** Collapses every non-batch dimension into one; unknown when any of them is unknown. */
public final class FlattenKind extends SingleInputKind {
  @Override
  protected Shape output(Shape input) {
    Shape rest = input.tail();
    ShapeSteps.add(
        () ->
            rest.isFullyKnown()
                ? "the axes after the batch multiply: "
                    + ShapeSteps.product(rest)
                    + " = "
                    + rest.size()
                : "the axes after the batch, " + rest + ", multiply to an unknown size");
    return Shape.of(input.dim(0), rest.isFullyKnown() ? rest.size() : null);
  }
}
