package io.modelaudit.formats.dl4j;

import io.modelaudit.ir.Shape;
import java.util.List;

/**
 * What the graph builder knows about a layer class beyond its rule.
 *
 * @param inputRank the rank of the activation the layer takes ({@link Dl4jLayerBindings#FF} …), or
 *     {@link Dl4jLayerBindings#ANY}
 * @param nInField the field that holds the layer's nIn, or null for a wrapper (its layer's)
 * @param wrappedField the field that holds the wrapped layer, or null
 * @param networkInput the shape of a network input that feeds the layer directly, or null when its
 *     rank and nIn give it
 * @param changesRank the layer takes any rank but gives another one (so the layers after it do not
 *     tell the rank it takes)
 * @param legacyNames the keys that name the class in 0.5 – 1.0.0-alpha files ({@code {"dense":
 *     {...}}})
 */
public record Dl4jLayerTraits(
    int inputRank,
    String nInField,
    String wrappedField,
    Shape networkInput,
    boolean changesRank,
    List<String> legacyNames) {
  static Dl4jLayerTraits takes(int inputRank) {
    return new Dl4jLayerTraits(inputRank, "nin", null, null, false, List.of());
  }

  static Dl4jLayerTraits wraps(int inputRank, String wrappedField) {
    return new Dl4jLayerTraits(inputRank, null, wrappedField, null, false, List.of());
  }

  Dl4jLayerTraits nIn(String field) {
    return new Dl4jLayerTraits(
        inputRank, field, wrappedField, networkInput, changesRank, legacyNames);
  }

  Dl4jLayerTraits networkInput(Shape shape) {
    return new Dl4jLayerTraits(inputRank, nInField, wrappedField, shape, changesRank, legacyNames);
  }

  Dl4jLayerTraits changingRank() {
    return new Dl4jLayerTraits(inputRank, nInField, wrappedField, networkInput, true, legacyNames);
  }

  Dl4jLayerTraits legacy(String... keys) {
    return new Dl4jLayerTraits(
        inputRank, nInField, wrappedField, networkInput, changesRank, List.of(keys));
  }
}
