package io.modelaudit.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.modelaudit.TestPaths;
import io.modelaudit.cli.Main;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The JSON report's schema_version-1 keys (docs/json-report.md) are present for every file form the
 * tool reads, on models, layers, weights and findings, and on a file that fails.
 */
class JsonContractTest {
  private static final List<String> ROOT = List.of("schema_version", "tool", "models", "summary");
  private static final List<String> MODEL =
      List.of("path", "format", "framework", "status", "error", "layers", "totals", "findings");
  private static final List<String> LAYER =
      List.of(
          "name",
          "path",
          "class",
          "inbound",
          "output_shapes",
          "calls",
          "params",
          "trainable",
          "non_trainable",
          "weights",
          "references",
          "status",
          "formula");
  private static final List<String> WEIGHT = List.of("name", "shape", "stored_shape");
  private static final List<String> TOTALS =
      List.of("params", "trainable", "non_trainable", "references");
  private static final List<String> FINDING =
      List.of("rule", "severity", "layer", "reference", "expected", "actual", "message");

  private static JsonNode report(List<Path> files) throws Exception {
    List<String> args = new ArrayList<>(List.of("--format", "json"));
    files.forEach(f -> args.add(f.toString()));
    StringWriter out = new StringWriter();
    Main.run(
        new PrintWriter(out),
        new PrintWriter(new StringWriter()),
        false,
        args.toArray(new String[0]));
    return new ObjectMapper().readTree(out.toString());
  }

  private static void hasKeys(JsonNode node, List<String> keys, String where) {
    for (String k : keys) {
      assertTrue(node.has(k), where + " lacks '" + k + "': " + node);
    }
  }

  @Test
  void everyFormCarriesTheContractKeys() throws Exception {
    Path keras = TestPaths.kerasModels();
    Path dl4j = TestPaths.testModels().resolve("dl4j");
    JsonNode root =
        report(
            List.of(
                keras.resolve("seed_cnn.h5"),
                keras.resolve("seed_cnn.keras"),
                keras.resolve("seed_cnn.json"),
                keras.resolve("variants/seed_cnn_wrong_kernel.h5"),
                keras.resolve("crafted_forms/tfjs_valid.json"),
                dl4j.resolve("mlp.zip"),
                dl4j.resolve("mlp.json"),
                keras.resolve("generate.py")));
    hasKeys(root, ROOT, "report");
    assertEquals(1, root.get("schema_version").asInt());
    List<String> formats = new ArrayList<>();
    int findings = 0;
    for (JsonNode m : root.get("models")) {
      String where = m.get("path").asText();
      hasKeys(m, MODEL, where);
      formats.add(m.get("format").asText() + " " + m.get("status").asText());
      if (m.get("status").asText().equals("error")) {
        hasKeys(m.get("error"), List.of("kind", "message"), where);
        continue;
      }
      hasKeys(m.get("totals"), TOTALS, where + " totals");
      for (JsonNode l : m.get("layers")) {
        hasKeys(l, LAYER, where + " layer " + l.get("name"));
        for (JsonNode w : l.get("weights")) {
          hasKeys(w, WEIGHT, where + " weight");
        }
      }
      for (JsonNode f : m.get("findings")) {
        hasKeys(f, FINDING, where + " finding");
        findings++;
      }
    }
    assertEquals(
        List.of(
            "keras-h5 ok",
            "keras-v3 ok",
            "keras-json ok",
            "keras-h5 mismatch",
            "tfjs-layers ok",
            "dl4j-zip ok",
            "dl4j-json ok",
            "unknown error"),
        formats);
    assertTrue(findings > 0, "the damaged file's findings were checked");
    hasKeys(root.get("summary"), List.of("models", "ok", "mismatch", "error"), "summary");
  }
}
