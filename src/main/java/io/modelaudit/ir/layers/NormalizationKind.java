package io.modelaudit.ir.layers;

import io.modelaudit.ir.Shape;
import io.modelaudit.ir.SingleInputKind;
import io.modelaudit.ir.WeightSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * The Normalization preprocessing layer: statistics over the kept axes. Adapted (no mean and
 * variance in the configuration), it saves mean and variance with one entry per element of the kept
 * axes, in axis order, and a scalar sample count, all non-trainable; given mean and variance are
 * constants, not weights.
 */
public final class NormalizationKind extends SingleInputKind {
  private final List<Integer> axes;
  private final boolean statisticsGiven;

  /**
   * @param axes the kept axes (may be empty: one statistic for the whole tensor)
   */
  public NormalizationKind(List<Integer> axes, boolean statisticsGiven) {
    this.axes = List.copyOf(axes);
    this.statisticsGiven = statisticsGiven;
  }

  @Override
  protected Shape output(Shape input) {
    axes.forEach(input::axis);
    return input;
  }

  @Override
  protected List<WeightSpec> weights(Shape input) {
    TreeSet<Integer> kept = new TreeSet<>();
    axes.forEach(a -> kept.add(input.axis(a)));
    List<Long> dims = new ArrayList<>();
    for (int a : kept) {
      dims.add(known(input, a, "kept axis"));
    }
    if (statisticsGiven) {
      return List.of();
    }
    Shape stats = Shape.of(dims);
    return List.of(
        WeightSpec.nonTrainable("mean", stats),
        WeightSpec.nonTrainable("variance", stats),
        WeightSpec.nonTrainable("count", Shape.of()));
  }
}
