package io.modelaudit.ir.layers;

import io.modelaudit.ir.Shape;
import io.modelaudit.ir.SingleInputKind;

/**
 * tf.keras 2.x RandomHeight and RandomWidth: the resized axis (-3 for height, -2 for width,
 * channels last) becomes unknown, the others stay. No weights.
 */
public final class UnknownAxisKind extends SingleInputKind {
  private final int axis;

  public UnknownAxisKind(int axis) {
    this.axis = axis;
  }

  @Override
  protected Shape output(Shape input) {
    return input.withDim(axis, null);
  }
}
