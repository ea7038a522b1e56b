package io.modelaudit.reference.dl4j;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.modelaudit.report.Dl4jAnswer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads the DL4J worker's result lines (one JSON object per line) into {@link Dl4jAnswer}. */
final class Dl4jAnswerParser {
  private static final ObjectMapper JSON = new ObjectMapper();

  private Dl4jAnswerParser() {}

  /**
   * Parses one result line of the worker; a line that is not one is an IllegalArgumentException.
   */
  static Dl4jAnswer parse(String line) {
    JsonNode root;
    try {
      root = JSON.readTree(line);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalArgumentException("not a result line: " + e.getOriginalMessage());
    }
    if (root == null || !root.isObject()) {
      throw new IllegalArgumentException("not a result line");
    }
    String status = text(root, "status");
    if (status == null) {
      throw new IllegalArgumentException("result without status");
    }
    String version = text(root, "dl4j_version");
    switch (status) {
      case Dl4jAnswer.OK:
        List<Dl4jAnswer.Layer> layers = new ArrayList<>();
        for (JsonNode l : root.path("layers")) {
          Map<String, List<Long>> table = new LinkedHashMap<>();
          for (Map.Entry<String, JsonNode> p : l.path("param_table").properties()) {
            table.put(p.getKey(), dims(p.getValue()));
          }
          JsonNode shape = l.get("output_shape");
          layers.add(
              new Dl4jAnswer.Layer(
                  text(l, "name"),
                  text(l, "class"),
                  number(l, "params"),
                  table,
                  text(l, "activation"),
                  text(l, "output_type"),
                  shape == null || !shape.isArray() ? null : dims(shape)));
        }
        return new Dl4jAnswer(
            Dl4jAnswer.OK,
            version,
            text(root, "model_class"),
            number(root, "total_params"),
            root.path("built").asBoolean(true),
            layers,
            null,
            null);
      case Dl4jAnswer.IMPORT_FAILED:
        JsonNode f = root.path("failure");
        return new Dl4jAnswer(
            Dl4jAnswer.IMPORT_FAILED,
            version,
            null,
            null,
            false,
            List.of(),
            new Dl4jAnswer.Failure(text(f, "layer"), text(f, "exception"), text(f, "message")),
            null);
      case Dl4jAnswer.ERROR:
        return new Dl4jAnswer(
            Dl4jAnswer.ERROR,
            version,
            null,
            null,
            false,
            List.of(),
            null,
            text(root.path("error"), "message"));
      default:
        throw new IllegalArgumentException("unknown status " + status);
    }
  }

  static String path(String line) {
    try {
      return text(JSON.readTree(line), "path");
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      return null;
    }
  }

  private static String text(JsonNode n, String key) {
    JsonNode v = n == null ? null : n.get(key);
    return v == null || !v.isTextual() ? null : v.asText();
  }

  private static long number(JsonNode n, String key) {
    JsonNode v = n.get(key);
    if (v == null || !v.canConvertToLong() || !v.isIntegralNumber()) {
      throw new IllegalArgumentException("result without a number for " + key);
    }
    return v.longValue();
  }

  private static List<Long> dims(JsonNode array) {
    List<Long> out = new ArrayList<>();
    for (JsonNode d : array) {
      // DL4J writes -1 for a dimension it does not know (a time series of any length).
      out.add(d.isIntegralNumber() && d.longValue() >= 0 ? d.longValue() : null);
    }
    return out;
  }
}
