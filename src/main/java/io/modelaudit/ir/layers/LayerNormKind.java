package io.modelaudit.ir.layers;

import io.modelaudit.ir.InvalidConfigException;
import io.modelaudit.ir.Shape;
import io.modelaudit.ir.SingleInputKind;
import io.modelaudit.ir.WeightSpec;
import java.util.ArrayList;
import java.util.List;

/**
 * Layer normalization over the given axes: gamma (scale) and beta (center) have one entry per
 * element of the normalized axes, in the order the axes are listed. With RMS scaling (Keras 3) only
 * gamma exists.
 */
public final class LayerNormKind extends SingleInputKind {
  private final List<Integer> axes;
  private final boolean center;
  private final boolean scale;
  private final boolean rmsScaling;

  public LayerNormKind(List<Integer> axes, boolean center, boolean scale, boolean rmsScaling) {
    if (axes.isEmpty()) {
      throw new InvalidConfigException("no axis to normalize");
    }
    this.axes = List.copyOf(axes);
    this.center = center;
    this.scale = scale;
    this.rmsScaling = rmsScaling;
  }

  @Override
  protected Shape output(Shape input) {
    axes.forEach(input::axis);
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
    if (scale || rmsScaling) {
      w.add(WeightSpec.trainable("gamma", param));
    }
    if (center && !rmsScaling) {
      w.add(WeightSpec.trainable("beta", param));
    }
    return w;
  }
}
