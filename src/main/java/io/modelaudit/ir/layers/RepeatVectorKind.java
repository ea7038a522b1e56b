package io.modelaudit.ir.layers;

import io.modelaudit.ir.Shape;
import io.modelaudit.ir.ShapeException;
import io.modelaudit.ir.SingleInputKind;

/** (batch, features) to (batch, n, features). */
public final class RepeatVectorKind extends SingleInputKind {
  private final long n;

  public RepeatVectorKind(long n) {
    this.n = n;
  }

  @Override
  protected Shape output(Shape input) {
    if (input.rank() != 2) {
      throw new ShapeException("RepeatVector expects a tensor of rank 2, got " + input);
    }
    return Shape.of(input.dim(0), n, input.dim(1));
  }
}
