package io.modelaudit.ir.layers;

import io.modelaudit.ir.InvalidConfigException;
import io.modelaudit.ir.LayerKind;
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

  /**
   * Keras multiplies by the scale broadcast against the input's last axes, so a scale that does not
   * match them (an axis list that is not the trailing axes, such as a single axis other than the
   * last) builds but fails when run.
   */
  @Override
  public List<String> caveats(List<Shape> inputs) {
    Shape input = LayerKind.single(inputs);
    List<Long> scale = weights(input).get(0).shape().dims();
    int offset = input.rank() - scale.size();
    for (int i = 0; i < scale.size(); i++) {
      Long s = scale.get(i);
      Long x = offset + i < 0 ? null : input.dim(offset + i);
      if (x != null && !s.equals(x) && s != 1 && x != 1) {
        return List.of(
            "the scale "
                + Shape.of(scale)
                + " is multiplied into the input "
                + input
                + " from its last axis, which does not broadcast: the layer fails when run");
      }
    }
    return List.of();
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
