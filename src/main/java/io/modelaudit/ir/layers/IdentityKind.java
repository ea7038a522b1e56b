package io.modelaudit.ir.layers;

import io.modelaudit.ir.Shape;
import io.modelaudit.ir.SingleInputKind;

/**
 * Layers whose output has the input's shape and which own no weights: activations, dropout and
 * noise, masking.
 */
public final class IdentityKind extends SingleInputKind {
  public static final IdentityKind INSTANCE = new IdentityKind();

  private IdentityKind() {}

  @Override
  protected Shape output(Shape input) {
    return input;
  }
}
