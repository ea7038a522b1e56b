package io.modelaudit.formats.dl4j;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;

/**
 * A polymorphic object in a DL4J configuration, in either of its historical forms: the wrapper-key
 * form of 0.5 – 1.0.0-alpha ({@code {"dense": {...}}}, the key being a registered name) or the
 * {@code @class} form of 1.0.0-beta and later ({@code {"@class":
 * "org.deeplearning4j.nn.conf.layers.DenseLayer", ...}}).
 *
 * @param name the simple class name ({@code DenseLayer}); legacy keys are mapped to it
 * @param fields the object's own fields
 */
public record Dl4jTyped(String name, String qualified, JsonNode fields) {
  /**
   * Legacy registered names (JsonSubTypes of Layer and InputPreProcessor) that differ from the
   * class name, as the registries declare them with their classes.
   */
  private static final Map<String, String> LEGACY = legacyNames();

  private static Map<String, String> legacyNames() {
    Map<String, String> all = new HashMap<>(Dl4jLayerBindings.legacyNames());
    all.putAll(Dl4jPreprocessors.legacyNames());
    return Map.copyOf(all);
  }

  /** Reads either form; null for a JSON null. */
  public static Dl4jTyped of(JsonNode node, String what) {
    if (node == null || node.isNull()) {
      return null;
    }
    if (!node.isObject()) {
      throw new Dl4jConfigException(what + " is not a JSON object");
    }
    JsonNode cls = node.get("@class");
    if (cls != null) {
      String q = cls.asText();
      String simple = q.substring(q.lastIndexOf('.') + 1);
      return new Dl4jTyped(simple.substring(simple.lastIndexOf('$') + 1), q, node);
    }
    if (node.size() != 1) {
      throw new Dl4jConfigException(what + " has neither '@class' nor a single type key");
    }
    Iterator<Map.Entry<String, JsonNode>> it = node.fields();
    Map.Entry<String, JsonNode> e = it.next();
    String name = LEGACY.getOrDefault(e.getKey(), e.getKey());
    return new Dl4jTyped(name, e.getKey(), e.getValue());
  }

  /** True for the legacy wrapper-key form. */
  public boolean legacy() {
    return !fields.has("@class");
  }
}
