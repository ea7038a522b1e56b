package io.modelaudit.gate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Snapshots as JSON, in a fixed key order, the same keys as the JSON report where the report has
 * them (the lock, check's and diff's JSON share it).
 */
public final class SnapshotJson {
  static final ObjectMapper MAPPER = new ObjectMapper();

  private SnapshotJson() {}

  public static ObjectNode framework(ModelSnapshot.Framework f) {
    ObjectNode n = MAPPER.createObjectNode();
    n.put("name", f.name());
    n.put("version", f.version());
    n.put("backend", f.backend());
    return n;
  }

  public static ObjectNode totals(ModelSnapshot.Totals t) {
    ObjectNode n = MAPPER.createObjectNode();
    n.put("params", t.params());
    n.put("trainable", t.trainable());
    n.put("non_trainable", t.nonTrainable());
    n.put("unverified", t.unverified());
    n.put("stored", t.stored());
    n.put("complete", t.complete());
    return n;
  }

  public static ObjectNode layer(LayerSnapshot l) {
    ObjectNode n = MAPPER.createObjectNode();
    n.put("name", l.name());
    n.put("path", l.path());
    n.put("class", l.className());
    n.set("output_shapes", value(l.outputShapes()));
    n.put("params", l.params());
    n.put("trainable", l.trainable());
    n.put("non_trainable", l.nonTrainable());
    n.put("stored", l.stored());
    if (l.activation() != null) {
      n.put("activation", l.activation());
    }
    ObjectNode weights = n.putObject("weights");
    l.weights().forEach((name, dims) -> weights.set(name, value(dims)));
    if (l.config() != null && !l.config().isEmpty()) {
      n.set("config", value(l.config()));
    }
    return n;
  }

  /** A value of a snapshot or a {@link FieldChange} (strings, numbers, booleans, nested lists). */
  public static JsonNode value(Object v) {
    return MAPPER.valueToTree(v);
  }

  static ModelSnapshot.Framework readFramework(JsonNode n) {
    if (n == null || n.isNull()) {
      return null;
    }
    return new ModelSnapshot.Framework(text(n, "name"), text(n, "version"), text(n, "backend"));
  }

  /** The lock's totals, or the report's ({@code references.stored} there). */
  static ModelSnapshot.Totals readTotals(JsonNode n) throws LockException {
    if (n == null || !n.isObject()) {
      throw new LockException("a model has no totals");
    }
    return new ModelSnapshot.Totals(
        count(n, "params"),
        count(n, "trainable"),
        count(n, "non_trainable"),
        count(n, "unverified"),
        optionalCount(n.has("stored") ? n.get("stored") : n.path("references").path("stored")),
        n.path("complete").asBoolean(true));
  }

  /**
   * A layer as the lock writes it, or as the JSON report does ({@code weights} there is a list of
   * {@code {name, shape}}).
   */
  static LayerSnapshot readLayer(JsonNode n) throws LockException {
    if (!n.isObject() || !n.path("name").isTextual()) {
      throw new LockException("a layer has no name");
    }
    Map<String, List<Long>> weights = new LinkedHashMap<>();
    JsonNode w = n.path("weights");
    if (w.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> it = w.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        weights.put(e.getKey(), dims(e.getValue()));
      }
    } else if (w.isArray()) {
      for (JsonNode one : w) {
        if (one.path("name").isTextual() && one.path("shape").isArray()) {
          weights.putIfAbsent(one.get("name").asText(), dims(one.get("shape")));
        }
      }
    }
    String name = n.get("name").asText();
    return new LayerSnapshot(
        name,
        n.path("path").isTextual() ? n.get("path").asText() : name,
        text(n, "class"),
        shapes(n.path("output_shapes")),
        optionalCount(n.path("params")),
        optionalCount(n.path("trainable")),
        optionalCount(n.path("non_trainable")),
        stored(n),
        text(n, "activation"),
        weights,
        config(n.get("config")));
  }

  /**
   * The configuration values, as {@link io.modelaudit.formats.LayerSettings} gives them (whole
   * numbers as Long); null when the layer has none written (locks and reports of before they were
   * recorded, or a layer without any).
   */
  private static Map<String, Object> config(JsonNode n) throws LockException {
    if (n == null || n.isNull()) {
      return null;
    }
    if (!n.isObject()) {
      throw new LockException("a layer's 'config' is not an object");
    }
    Map<String, Object> out = new LinkedHashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      out.put(e.getKey(), configValue(e.getValue()));
    }
    return out;
  }

  private static Object configValue(JsonNode v) throws LockException {
    if (v.isNull()) {
      return null;
    }
    if (v.isBoolean()) {
      return v.booleanValue();
    }
    if (v.isIntegralNumber() && v.canConvertToLong()) {
      return v.longValue();
    }
    if (v.isNumber()) {
      return v.doubleValue();
    }
    if (v.isTextual()) {
      return v.textValue();
    }
    if (v.isArray()) {
      List<Object> out = new ArrayList<>();
      for (JsonNode item : v) {
        out.add(configValue(item));
      }
      return out;
    }
    throw new LockException("a layer's configuration value is an object: " + v);
  }

  /** The lock's {@code stored}, or the report's {@code references.stored.params}. */
  private static Long stored(JsonNode n) throws LockException {
    if (n.has("stored")) {
      return optionalCount(n.get("stored"));
    }
    return optionalCount(n.path("references").path("stored").path("params"));
  }

  static List<LayerSnapshot> readLayers(JsonNode n) throws LockException {
    if (!n.isArray()) {
      throw new LockException("a model has no layers list");
    }
    List<LayerSnapshot> out = new ArrayList<>();
    for (JsonNode l : n) {
      out.add(readLayer(l));
    }
    return out;
  }

  private static List<List<Long>> shapes(JsonNode n) throws LockException {
    if (!n.isArray()) {
      return null;
    }
    List<List<Long>> out = new ArrayList<>();
    for (JsonNode s : n) {
      out.add(s.isNull() ? null : dims(s));
    }
    return out;
  }

  private static List<Long> dims(JsonNode n) throws LockException {
    if (!n.isArray()) {
      throw new LockException("a shape is not a list of dims");
    }
    List<Long> out = new ArrayList<>();
    for (JsonNode d : n) {
      out.add(optionalCount(d));
    }
    return out;
  }

  static String text(JsonNode n, String key) {
    JsonNode v = n.path(key);
    return v.isTextual() ? v.asText() : null;
  }

  private static long count(JsonNode n, String key) throws LockException {
    Long v = optionalCount(n.path(key));
    if (v == null) {
      throw new LockException("'" + key + "' is not a number");
    }
    return v;
  }

  private static Long optionalCount(JsonNode v) throws LockException {
    if (v.isMissingNode() || v.isNull()) {
      return null;
    }
    if (!v.canConvertToLong() || !v.isIntegralNumber()) {
      throw new LockException("'" + v + "' is not a whole number");
    }
    return v.asLong();
  }
}
