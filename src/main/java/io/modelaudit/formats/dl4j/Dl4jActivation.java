package io.modelaudit.formats.dl4j;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * The activation a DL4J layer configuration names, as written: {@code activationFn} by its class
 * ({@code ActivationReLU}, 1.0.0-beta and later) or wrapper key ({@code ReLU}, 0.7 – 1.0.0-alpha),
 * or the 0.5 – 0.6 string {@code activationFunction} ({@code relu}). Wrappers (frozen,
 * bidirectional, last time step, mask zero) name their inner layer's, as DL4J itself reports it.
 */
final class Dl4jActivation {
  /** Where wrapper layers keep the layer they wrap. */
  private static final List<String> INNER = List.of("layer", "underlying", "fwd");

  private Dl4jActivation() {}

  /**
   * The activation's name, or null when the layer has none (subsampling, batch norm in old files
   * ...).
   */
  static String of(Dl4jTyped layer) {
    return of(layer, 0);
  }

  private static String of(Dl4jTyped layer, int depth) {
    if (layer == null || depth > 8) {
      return null;
    }
    JsonNode fields = layer.fields();
    JsonNode fn = fields.get("activationFn");
    if (fn != null && fn.isObject()) {
      JsonNode cls = fn.get("@class");
      if (cls != null && cls.isTextual()) {
        String q = cls.asText();
        return q.substring(q.lastIndexOf('.') + 1);
      }
      if (fn.size() == 1) {
        return fn.fieldNames().next();
      }
    }
    JsonNode legacy = fields.get("activationFunction");
    if (legacy != null && legacy.isTextual()) {
      return legacy.asText();
    }
    for (String key : INNER) {
      JsonNode inner = fields.get(key);
      if (inner != null && inner.isObject()) {
        try {
          return of(Dl4jTyped.of(inner, key), depth + 1);
        } catch (Dl4jConfigException e) {
          return null;
        }
      }
    }
    return null;
  }
}
