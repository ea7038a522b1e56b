package io.modelaudit.ir.layers;

import io.modelaudit.ir.Shape;
import io.modelaudit.ir.ShapeException;
import io.modelaudit.ir.SingleInputKind;
import io.modelaudit.ir.WeightSpec;
import java.util.ArrayList;
import java.util.List;

/**
 * Keras 1 MaxoutDense on (batch, features): {@code nb_feature} dense maps whose maximum is the
 * output; W (nb_feature, in, out), b (nb_feature, out).
 */
public final class MaxoutDenseKind extends SingleInputKind {
  private final long units;
  private final long pieces;
  private final boolean useBias;

  public MaxoutDenseKind(long units, long pieces, boolean useBias) {
    this.units = units;
    this.pieces = pieces;
    this.useBias = useBias;
  }

  @Override
  protected Shape output(Shape input) {
    if (input.rank() != 2) {
      throw new ShapeException("MaxoutDense expects (batch, features), got " + input);
    }
    return Shape.of(input.dim(0), units);
  }

  @Override
  protected List<WeightSpec> weights(Shape input) {
    output(input);
    long in = known(input, 1, "input features");
    List<WeightSpec> w = new ArrayList<>();
    w.add(WeightSpec.trainable("W", pieces, in, units));
    if (useBias) {
      w.add(WeightSpec.trainable("b", pieces, units));
    }
    return w;
  }
}
