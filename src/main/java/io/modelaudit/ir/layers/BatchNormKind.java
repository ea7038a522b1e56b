package io.modelaudit.ir.layers;

import io.modelaudit.ir.Shape;
import io.modelaudit.ir.SingleInputKind;
import io.modelaudit.ir.WeightSpec;
import java.util.ArrayList;
import java.util.List;

/**
 * Batch normalization over the given axes: gamma (scale) and beta (center) are trained, the
 * moving mean and variance are saved state.
 */
public final class BatchNormKind extends SingleInputKind {
  private final List<Integer> axes;
  private final boolean center;
  private final boolean scale;
  private final String[] statNames;

  /**
   * @param statNames names of the two moving statistics as the file's writer calls them
   *     ({@code moving_mean, moving_variance}; Keras 1: {@code running_mean, running_std})
   */
  public BatchNormKind(List<Integer> axes, boolean center, boolean scale, String... statNames) {
    this.axes = List.copyOf(axes);
    this.center = center;
    this.scale = scale;
    this.statNames = statNames.length == 2 ? statNames.clone() : new String[] {"moving_mean", "moving_variance"};
  }

  @Override
  protected Shape output(Shape input) {
    return input;
  }

  @Override
  protected List<WeightSpec> weights(Shape input) {
    List<Long> dims = new ArrayList<>();
    for (int axis : axes) {
      dims.add(known(input, axis, "normalized axis"));
    }
    Shape param = Shape.of(dims);
    List<WeightSpec> w = new ArrayList<>();
    if (scale) {
      w.add(WeightSpec.trainable("gamma", param));
    }
    if (center) {
      w.add(WeightSpec.trainable("beta", param));
    }
    w.add(WeightSpec.nonTrainable(statNames[0], param));
    w.add(WeightSpec.nonTrainable(statNames[1], param));
    return w;
  }
}
