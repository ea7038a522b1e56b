package io.modelaudit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.modelaudit.TestPaths;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Folder scans pick every Keras form up by content, whatever the file is named, and audit a
 * weights-only HDF5 file together with its architecture JSON once, not the JSON again alone.
 */
class FolderScanTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Path KERAS = TestPaths.kerasModels();
  private static final Path FORMS = KERAS.resolve("crafted_forms");

  private static List<String> audited(CliRun run, Path dir) throws Exception {
    List<String> out = new ArrayList<>();
    for (JsonNode m : JSON.readTree(run.out).get("models")) {
      out.add(
          dir.relativize(Path.of(m.get("path").asText()))
              + " "
              + m.get("format").asText()
              + (m.has("architecture")
                  ? " with " + Path.of(m.get("architecture").asText()).getFileName()
                  : ""));
    }
    return out;
  }

  @Test
  void everyFormIsFoundByContentAndPairsAreAuditedOnce(@TempDir Path dir) throws Exception {
    Files.copy(KERAS.resolve("variants/seed_cnn_weights_only.h5"), dir.resolve("cnn_weights.h5"));
    Files.copy(KERAS.resolve("seed_cnn.json"), dir.resolve("cnn_config.json"));
    Files.copy(KERAS.resolve("activations.json"), dir.resolve("architecture_alone.json"));
    Files.createDirectories(dir.resolve("sub"));
    Files.copy(KERAS.resolve("seed_cnn.keras"), dir.resolve("sub/saved_model"));
    Files.copy(FORMS.resolve("tfjs_valid.json"), dir.resolve("sub/model.json"));
    Files.writeString(dir.resolve("notes.json"), "{\"epochs\": 3}");
    Files.writeString(dir.resolve("readme.txt"), "not a model");
    // Text that starts with a quote, like a configuration encoded as one JSON string, is not one.
    Files.writeString(dir.resolve("prices.csv"), "\"date\",\"price\"\n\"2026-11-28\",3\n");
    Files.writeString(dir.resolve("train.py"), "\"\"\"Train the model.\"\"\"\nimport keras\n");

    CliRun run = CliRun.of("--format", "json", dir.toString());
    assertEquals(0, run.exitCode, run.err);
    assertEquals(
        List.of(
            "architecture_alone.json keras-json",
            "cnn_weights.h5 keras-h5 with cnn_config.json",
            "sub/model.json tfjs-layers",
            "sub/saved_model keras-v3"),
        audited(run, dir));
  }

  @Test
  void filesNamedOnTheCommandLineAreAlwaysAudited(@TempDir Path dir) throws Exception {
    Path weights =
        Files.copy(
            KERAS.resolve("variants/seed_cnn_weights_only.h5"), dir.resolve("cnn_weights.h5"));
    Path config = Files.copy(KERAS.resolve("seed_cnn.json"), dir.resolve("cnn_config.json"));
    CliRun run = CliRun.of("--format", "json", weights.toString(), config.toString());
    assertEquals(0, run.exitCode, run.err);
    assertEquals(
        List.of("cnn_weights.h5 keras-h5 with cnn_config.json", "cnn_config.json keras-json"),
        audited(run, dir));
  }

  @Test
  void aGarbageSiblingIsReportedOnceWithItsWeights() {
    Path dir = FORMS.resolve("garbage_sibling");
    CliRun run = CliRun.of(dir.toString());
    assertEquals(3, run.exitCode, run.err);
    List<String> lines = run.err.lines().toList();
    assertEquals(1, lines.size(), run.err);
    assertTrue(
        lines
            .get(0)
            .startsWith(
                "model-audit: "
                    + dir.resolve("seed_cnn_weights.h5")
                    + ": architecture JSON seed_cnn_config.json"),
        run.err);
  }
}
