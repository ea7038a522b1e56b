package io.modelaudit.ir.layers;

import io.modelaudit.ir.Shape;
import io.modelaudit.ir.ShapeException;
import io.modelaudit.ir.SingleInputKind;
import io.modelaudit.ir.WeightSpec;
import java.util.ArrayList;
import java.util.List;

/**
 * Keras 1 Highway on (batch, features): a transform and a carry gate, each a square (in, in) matrix
 * with an (in,) bias, stored W, b, W_carry, b_carry.
 */
public final class HighwayKind extends SingleInputKind {
  private final boolean useBias;

  public HighwayKind(boolean useBias) {
    this.useBias = useBias;
  }

  @Override
  protected Shape output(Shape input) {
    if (input.rank() != 2) {
      throw new ShapeException("Highway expects (batch, features), got " + input);
    }
    return input;
  }

  @Override
  protected List<WeightSpec> weights(Shape input) {
    output(input);
    long in = known(input, 1, "input features");
    List<WeightSpec> w = new ArrayList<>();
    w.add(WeightSpec.trainable("W", in, in));
    if (useBias) {
      w.add(WeightSpec.trainable("b", in));
    }
    w.add(WeightSpec.trainable("W_carry", in, in));
    if (useBias) {
      w.add(WeightSpec.trainable("b_carry", in));
    }
    return w;
  }
}
