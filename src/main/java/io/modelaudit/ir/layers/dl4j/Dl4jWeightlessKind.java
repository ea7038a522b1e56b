package io.modelaudit.ir.layers.dl4j;

import io.modelaudit.ir.ConfiguredWeights;
import io.modelaudit.ir.LayerKind;
import io.modelaudit.ir.Shape;
import io.modelaudit.ir.WeightSpec;
import java.util.List;

/**
 * A weightless shape rule used by a DL4J layer or vertex (merge, element-wise, identity): no
 * weights, whatever the input.
 */
public final class Dl4jWeightlessKind implements LayerKind, ConfiguredWeights {
  private final LayerKind rule;

  public Dl4jWeightlessKind(LayerKind rule) {
    this.rule = rule;
  }

  /** The shape rule: what the layer or vertex does to its inputs. */
  public LayerKind rule() {
    return rule;
  }

  @Override
  public List<Shape> outputShapes(List<Shape> inputs) {
    return rule.outputShapes(inputs);
  }

  @Override
  public List<WeightSpec> configuredWeights() {
    return List.of();
  }
}
