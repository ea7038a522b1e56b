package io.modelaudit.ir.layers;

import io.modelaudit.ir.InvalidConfigException;
import io.modelaudit.ir.Shape;
import io.modelaudit.ir.ShapeException;
import io.modelaudit.ir.SingleInputKind;
import io.modelaudit.ir.WeightSpec;
import java.util.List;

/**
 * ConvNeXt's LayerScale: the input times a learned vector {@code gamma} of {@code projection_dim}
 * entries, broadcast along the last axis. The size comes from the configuration, not the input.
 */
public final class LayerScaleKind extends SingleInputKind {
  private final long projectionDim;

  public LayerScaleKind(long projectionDim) {
    if (projectionDim < 1) {
      throw new InvalidConfigException("projection_dim must be positive, got " + projectionDim);
    }
    this.projectionDim = projectionDim;
  }

  @Override
  protected Shape output(Shape input) {
    if (input.rank() < 1) {
      throw new ShapeException("LayerScale needs an input with at least one axis, got " + input);
    }
    Long last = input.dim(-1);
    // Keras broadcasts x * gamma: a last axis of 1 or unknown takes gamma's size.
    if (last != null && last != 1 && last != projectionDim) {
      throw new ShapeException(
          "last axis of " + input + " cannot be scaled by " + projectionDim + " values");
    }
    return input.withDim(input.rank() - 1, projectionDim);
  }

  @Override
  protected List<WeightSpec> weights(Shape input) {
    return List.of(WeightSpec.trainable("gamma", Shape.ofKnown(projectionDim)));
  }
}
