package io.modelaudit.ir.layers;

import io.modelaudit.ir.InvalidConfigException;
import io.modelaudit.ir.Shape;
import io.modelaudit.ir.SingleInputKind;
import io.modelaudit.ir.WeightSpec;
import java.util.ArrayList;
import java.util.List;

/**
 * Keras 3 RMSNormalization: one {@code scale} weight with the input's dimensions at the normalized
 * axes, taken in the order Keras sorts them (the axis values as written, sorted).
 */
public final class RmsNormKind extends SingleInputKind {
  private final List<Integer> axes;

  public RmsNormKind(List<Integer> axes) {
    if (axes.isEmpty()) {
      throw new InvalidConfigException("no axis to normalize");
    }
    List<Integer> sorted = new ArrayList<>(axes);
    sorted.sort(null);
    this.axes = List.copyOf(sorted);
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
    return List.of(WeightSpec.trainable("scale", Shape.of(dims)));
  }
}
