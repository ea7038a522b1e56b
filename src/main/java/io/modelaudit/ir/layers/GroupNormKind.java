package io.modelaudit.ir.layers;

import io.modelaudit.ir.InvalidConfigException;
import io.modelaudit.ir.Shape;
import io.modelaudit.ir.ShapeException;
import io.modelaudit.ir.SingleInputKind;
import io.modelaudit.ir.WeightSpec;
import java.util.ArrayList;
import java.util.List;

/**
 * Group normalization: the channels of {@code axis} are split into {@code groups} (-1: one per
 * channel), which must divide them; gamma and beta have one entry per channel.
 */
public final class GroupNormKind extends SingleInputKind {
  private final long groups;
  private final int axis;
  private final boolean center;
  private final boolean scale;

  public GroupNormKind(long groups, int axis, boolean center, boolean scale) {
    if (groups == 0 || groups < -1) {
      throw new InvalidConfigException("groups must be positive or -1, got " + groups);
    }
    this.groups = groups;
    this.axis = axis;
    this.center = center;
    this.scale = scale;
  }

  @Override
  protected Shape output(Shape input) {
    Long channels = input.dim(axis);
    long g = groups == -1 && channels != null ? channels : groups;
    if (channels != null && (channels < g || channels % g != 0)) {
      throw new ShapeException(
          g + " groups do not divide the " + channels + " channels of " + input);
    }
    return input;
  }

  @Override
  protected List<WeightSpec> weights(Shape input) {
    output(input);
    long channels = known(input, axis, "channel axis");
    List<WeightSpec> w = new ArrayList<>();
    if (scale) {
      w.add(WeightSpec.trainable("gamma", channels));
    }
    if (center) {
      w.add(WeightSpec.trainable("beta", channels));
    }
    return w;
  }
}
