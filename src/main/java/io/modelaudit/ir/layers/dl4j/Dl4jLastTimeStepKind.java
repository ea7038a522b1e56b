package io.modelaudit.ir.layers.dl4j;

import io.modelaudit.ir.ConfiguredWeights;
import io.modelaudit.ir.LayerKind;
import io.modelaudit.ir.Shape;
import io.modelaudit.ir.ShapeException;
import io.modelaudit.ir.WeightSpec;
import java.util.List;

/**
 * Keeps the last time step of a recurrent activation: [mb, n, T] → [mb, n]. Wraps a layer
 * (LastTimeStep, whose weights are the wrapped layer's) or stands alone (LastTimeStepVertex).
 */
public final class Dl4jLastTimeStepKind implements LayerKind, ConfiguredWeights {
  private final LayerKind inner;
  private final boolean channelsLast;

  /**
   * @param inner the wrapped layer, or null for the vertex
   */
  public Dl4jLastTimeStepKind(LayerKind inner, boolean channelsLast) {
    this.inner = inner;
    this.channelsLast = channelsLast;
  }

  /** The wrapped layer, or null for the vertex. */
  public LayerKind inner() {
    return inner;
  }

  @Override
  public List<Shape> outputShapes(List<Shape> inputs) {
    Shape seq = inner == null ? LayerKind.single(inputs) : inner.outputShapes(inputs).get(0);
    if (seq.rank() != 3) {
      throw new ShapeException("expects a recurrent activation [mb, n, T], got " + seq);
    }
    return List.of(Shape.of(seq.dim(0), seq.dim(channelsLast ? 2 : 1)));
  }

  @Override
  public List<WeightSpec> weights(List<Shape> inputs) {
    return inner == null ? List.of() : inner.weights(inputs);
  }

  @Override
  public String formula(List<Shape> inputs, List<WeightSpec> weights) {
    return inner == null
        ? LayerKind.super.formula(inputs, weights)
        : inner.formula(inputs, weights);
  }

  @Override
  public List<WeightSpec> configuredWeights() {
    return inner == null ? List.of() : ConfiguredWeights.of(inner);
  }
}
