package io.modelaudit.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.function.Supplier;

/**
 * For assertion messages of tests through the DL4J worker: what DL4J answered for a model (its
 * status and, when it has no result, why: a dead worker's message quotes its standard error).
 */
final class Dl4jAnswers {
  private Dl4jAnswers() {}

  static Supplier<String> of(JsonNode model) {
    return () -> describe(model);
  }

  /** Every model of a JSON report; a report that is not JSON is returned as it is. */
  static Supplier<String> in(String report) {
    return () -> {
      try {
        StringBuilder out = new StringBuilder();
        for (JsonNode model : new ObjectMapper().readTree(report).path("models")) {
          out.append(describe(model)).append('\n');
        }
        return out.toString();
      } catch (IOException e) {
        return report;
      }
    };
  }

  private static String describe(JsonNode model) {
    JsonNode dl4j = model.at("/references/dl4j");
    return model.path("path").asText()
        + ": DL4J "
        + dl4j.path("status").asText("(not asked)")
        + (dl4j.has("message") ? ": " + dl4j.get("message").asText() : "")
        + (dl4j.has("failure") ? ": " + dl4j.get("failure") : "");
  }
}
