package io.modelaudit.ir.layers.dl4j;

import io.modelaudit.ir.ConfiguredWeights;
import io.modelaudit.ir.Shape;
import io.modelaudit.ir.ShapeException;
import io.modelaudit.ir.SingleInputKind;
import io.modelaudit.ir.WeightSpec;
import java.util.ArrayList;
import java.util.List;

/**
 * DL4J GlobalPoolingLayer: pools over {@code poolingDimensions} (default: every axis after the
 * feature axis, i.e. time for [mb, n, T], h and w for [mb, c, h, w]). With {@code
 * collapseDimensions} the pooled axes are removed, otherwise kept with size 1.
 */
public final class Dl4jGlobalPoolingKind extends SingleInputKind implements ConfiguredWeights {
  private final int[] dimensions;
  private final boolean collapse;

  /**
   * @param dimensions the pooled axes, or null for DL4J's default
   */
  public Dl4jGlobalPoolingKind(int[] dimensions, boolean collapse) {
    this.dimensions = dimensions == null ? null : dimensions.clone();
    this.collapse = collapse;
  }

  @Override
  protected Shape output(Shape input) {
    if (input.rank() < 3) {
      throw new ShapeException(
          "global pooling expects a recurrent or convolutional input, got " + input);
    }
    List<Integer> pooled = new ArrayList<>();
    if (dimensions == null) {
      for (int i = 2; i < input.rank(); i++) {
        pooled.add(i);
      }
    } else {
      for (int d : dimensions) {
        if (d < 1 || d >= input.rank()) {
          throw new ShapeException("pooling dimension " + d + " is outside the input " + input);
        }
        pooled.add(d);
      }
    }
    List<Long> out = new ArrayList<>();
    for (int i = 0; i < input.rank(); i++) {
      if (!pooled.contains(i)) {
        out.add(input.dim(i));
      } else if (!collapse) {
        out.add(1L);
      }
    }
    return Shape.of(out);
  }

  @Override
  public List<WeightSpec> configuredWeights() {
    return List.of();
  }
}
