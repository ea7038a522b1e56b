package io.modelaudit.ir;

import java.util.List;

/**
 * A kind whose weights follow from its configuration alone, whatever its input: DL4J layers record
 * nIn and nOut. Their weights are still counted when an input's shape is unknown (e.g. downstream
 * of a custom layer), so that the total can be compared with the stored vector.
 */
public interface ConfiguredWeights {
  /**
   * The weights, or null when they depend on something unknown (a wrapped layer without a rule).
   */
  List<WeightSpec> configuredWeights();

  /** The configured weights of {@code kind}, or null. */
  static List<WeightSpec> of(LayerKind kind) {
    return kind instanceof ConfiguredWeights
        ? ((ConfiguredWeights) kind).configuredWeights()
        : null;
  }
}
