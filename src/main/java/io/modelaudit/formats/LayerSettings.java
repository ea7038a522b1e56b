package io.modelaudit.formats;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The configuration values of a layer that a reader of a diff wants to see change (strides, rates,
 * units, padding...), as the file writes them. Left out: the name and the activation (reported on
 * their own), what only training reads (initializers, regularizers, constraints, updaters), and
 * nested layer configurations (wrapped layers are layers of their own). Values are kept small: a
 * list longer than {@link #MAX_LIST} becomes a count, a text longer than {@link #MAX_TEXT} is cut.
 */
public final class LayerSettings {
  static final int MAX_LIST = 16;
  static final int MAX_TEXT = 120;
  static final int MAX_KEYS = 64;

  /** What {@link #value} returns for a value that is left out. */
  private static final Object LEFT_OUT = new Object();

  private static final Set<String> KERAS_LEFT_OUT =
      Set.of(
          "name",
          "activation",
          "layer",
          "forward_layer",
          "backward_layer",
          "cell",
          "cells",
          "layers",
          "module",
          "registered_name",
          "init",
          "inner_init",
          "forget_bias_init");
  private static final Pattern KERAS_TRAINING_ONLY =
      Pattern.compile(".*_(initializer|regularizer|constraint)");

  private static final Set<String> DL4J_LEFT_OUT =
      Set.of("@class", "layerName", "activationFn", "activationFunction", "activation");
  private static final Pattern DL4J_TRAINING_ONLY =
      Pattern.compile(
          "(?i).*(updater|regulariz|init|gradientnormalization|constraint|learningrate"
              + "|momentum|^l1|^l2).*");

  private LayerSettings() {}

  /** A Keras layer's {@code config} object (Keras 1 to 3, tf.keras, TF.js). */
  public static Map<String, Object> keras(JsonNode config) {
    return settings(config, KERAS_LEFT_OUT, KERAS_TRAINING_ONLY);
  }

  /** A DL4J layer's or vertex's own fields. */
  public static Map<String, Object> dl4j(JsonNode fields) {
    return settings(fields, DL4J_LEFT_OUT, DL4J_TRAINING_ONLY);
  }

  private static Map<String, Object> settings(
      JsonNode config, Set<String> leftOut, Pattern trainingOnly) {
    Map<String, Object> out = new LinkedHashMap<>();
    if (config == null || !config.isObject()) {
      return out;
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = config.fields();
        it.hasNext() && out.size() < MAX_KEYS; ) {
      Map.Entry<String, JsonNode> e = it.next();
      String key = e.getKey();
      if (leftOut.contains(key) || trainingOnly.matcher(key).matches()) {
        continue;
      }
      Object v = value(e.getValue());
      if (v != LEFT_OUT) {
        out.put(key, v);
      }
    }
    return out;
  }

  private static Object value(JsonNode n) {
    if (n.isNull()) {
      return null;
    }
    if (n.isBoolean()) {
      return n.booleanValue();
    }
    if (n.isIntegralNumber() && n.canConvertToLong()) {
      return n.longValue();
    }
    if (n.isNumber()) {
      return n.doubleValue();
    }
    if (n.isTextual()) {
      return text(n.textValue());
    }
    if (n.isArray()) {
      return list(n);
    }
    return typedObject(n);
  }

  private static Object list(JsonNode n) {
    if (n.size() > MAX_LIST) {
      return "(" + n.size() + " values)";
    }
    List<Object> out = new ArrayList<>();
    for (JsonNode item : n) {
      if (item.isContainerNode() && !(item.isArray() && item.size() <= MAX_LIST)) {
        return LEFT_OUT;
      }
      Object v = value(item);
      if (v == LEFT_OUT) {
        return LEFT_OUT;
      }
      out.add(v);
    }
    return out;
  }

  /**
   * A Keras 3 dtype policy by its name ({@code "mixed_float16"}); a serialized object with a class
   * (Keras {@code class_name}, DL4J {@code @class}) as {@code Class(key=value, ...)} from its
   * scalar values, e.g. DL4J's {@code Dropout(p=0.5)}; any other object is left out.
   */
  private static Object typedObject(JsonNode n) {
    String cls = null;
    JsonNode fields = n;
    if (n.path("class_name").isTextual()) {
      cls = n.get("class_name").asText();
      fields = n.path("config");
      if (cls.endsWith("DTypePolicy") && fields.path("name").isTextual()) {
        return fields.get("name").asText();
      }
    } else if (n.path("@class").isTextual()) {
      String q = n.get("@class").asText();
      cls = q.substring(Math.max(q.lastIndexOf('.'), q.lastIndexOf('$')) + 1);
    }
    if (cls == null) {
      return LEFT_OUT;
    }
    StringBuilder b = new StringBuilder(cls).append('(');
    String sep = "";
    for (Iterator<Map.Entry<String, JsonNode>> it = fields.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      JsonNode v = e.getValue();
      if (e.getKey().equals("@class") || v.isContainerNode() || v.isNull()) {
        continue;
      }
      b.append(sep).append(e.getKey()).append('=').append(v.isTextual() ? v.textValue() : v);
      sep = ", ";
    }
    return text(b.append(')').toString());
  }

  private static String text(String s) {
    return s.length() <= MAX_TEXT ? s : s.substring(0, MAX_TEXT - 1) + "…";
  }
}
