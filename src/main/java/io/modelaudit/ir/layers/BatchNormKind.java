package io.modelaudit.ir.layers;

import io.modelaudit.ir.InvalidConfigException;
import io.modelaudit.ir.Shape;
import io.modelaudit.ir.SingleInputKind;
import io.modelaudit.ir.WeightSpec;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Batch normalization over the given axes: gamma (scale) and beta (center) are trained, the moving
 * mean and variance are saved state. One axis gives parameters of shape (C,); several axes
 * (tf.keras) give the input's rank with 1 on every other axis.
 */
public final class BatchNormKind extends SingleInputKind {
  private final List<Integer> axes;
  private final boolean center;
  private final boolean scale;
  private final String meanName;
  private final String varianceName;
  private final boolean renorm;

  /**
   * @param meanName, varianceName the moving statistics as the file's writer names them ({@code
   *     moving_mean, moving_variance}; Keras 1: {@code running_mean, running_std})
   */
  public BatchNormKind(
      List<Integer> axes, boolean center, boolean scale, String meanName, String varianceName) {
    this(axes, center, scale, meanName, varianceName, false);
  }

  /**
   * @param renorm batch renormalization (tf.keras, Keras 3): three more saved statistics
   */
  public BatchNormKind(
      List<Integer> axes,
      boolean center,
      boolean scale,
      String meanName,
      String varianceName,
      boolean renorm) {
    this.renorm = renorm;
    if (axes.isEmpty()) {
      throw new InvalidConfigException("no axis to normalize");
    }
    this.axes = List.copyOf(axes);
    this.center = center;
    this.scale = scale;
    this.meanName = meanName;
    this.varianceName = varianceName;
  }

  @Override
  protected Shape output(Shape input) {
    return input;
  }

  @Override
  protected List<WeightSpec> weights(Shape input) {
    Set<Integer> normalized = new HashSet<>();
    for (int axis : axes) {
      normalized.add(input.axis(axis));
    }
    List<Long> dims = new ArrayList<>();
    if (normalized.size() == 1) {
      int axis = normalized.iterator().next();
      dims.add(known(input, axis, "normalized axis"));
    } else {
      for (int i = 0; i < input.rank(); i++) {
        dims.add(normalized.contains(i) ? known(input, i, "normalized axis") : 1L);
      }
    }
    Shape param = Shape.of(dims);
    List<WeightSpec> w = new ArrayList<>();
    if (scale) {
      w.add(WeightSpec.trainable("gamma", param));
    }
    if (center) {
      w.add(WeightSpec.trainable("beta", param));
    }
    w.add(WeightSpec.nonTrainable(meanName, param));
    w.add(WeightSpec.nonTrainable(varianceName, param));
    if (renorm) {
      w.add(WeightSpec.nonTrainable("moving_stddev", param));
      w.add(WeightSpec.nonTrainable("renorm_mean", param));
      w.add(WeightSpec.nonTrainable("renorm_stddev", param));
    }
    return w;
  }
}
