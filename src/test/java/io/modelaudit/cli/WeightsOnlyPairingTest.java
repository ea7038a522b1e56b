package io.modelaudit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.modelaudit.TestPaths;
import io.modelaudit.UsesDl4jWorker;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Weights-only HDF5 files with their architecture JSON, as Keras 3.15.1 wrote and loaded them
 * (test-models/keras/weights_only/make_weights_only.py): the Keras 3 {@code .weights.h5} layout, a
 * file whose layer names differ from the architecture's (Keras loads it by layer order), and a pair
 * found because it is alone in its folder.
 */
class WeightsOnlyPairingTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Path DIR = TestPaths.kerasModels().resolve("weights_only");

  private static JsonNode audit(String... args) throws Exception {
    List<String> all = new ArrayList<>(List.of("--format", "json"));
    all.addAll(List.of(args));
    CliRun run = CliRun.of(all.toArray(String[]::new));
    assertTrue(run.exitCode == 0 || run.exitCode == 1, run.err);
    return JSON.readTree(run.out).at("/models/0");
  }

  private static void allLayersVerified(JsonNode model, JsonNode expected) {
    List<String> names = new ArrayList<>();
    for (JsonNode layer : model.get("layers")) {
      assertEquals("ok", layer.get("status").asText(), layer.toString());
      names.add(layer.get("name").asText());
    }
    List<String> keras = new ArrayList<>();
    expected.get("layers").forEach(n -> keras.add(n.asText()));
    assertEquals(keras, names);
    assertEquals(expected.get("params").asLong(), model.at("/totals/params").asLong());
    assertEquals(expected.get("params").asLong(), model.at("/totals/references/stored").asLong());
  }

  private static List<String> rules(JsonNode model) {
    List<String> out = new ArrayList<>();
    model
        .get("findings")
        .forEach(f -> out.add(f.get("severity").asText() + " " + f.get("rule").asText()));
    return out;
  }

  @Test
  void keras3WeightsFileIsPairedWithItsArchitecture() throws Exception {
    JsonNode model = audit(DIR.resolve("keras3_layout.weights.h5").toString());
    JsonNode expected = JSON.readTree(DIR.resolve("keras3_layout.expected.json").toFile());
    assertEquals("keras-h5", model.get("format").asText());
    assertTrue(model.get("architecture").asText().endsWith("keras3_layout.json"), model.toString());
    allLayersVerified(model, expected);
    assertEquals(List.of(), rules(model));
  }

  /** DL4J's Keras import reads weights files by layer_names only: it is not asked. */
  @Test
  @UsesDl4jWorker
  void dl4jIsNotAskedAboutAKeras3WeightsFile() throws Exception {
    JsonNode model =
        audit("--reference", "dl4j", DIR.resolve("keras3_layout.weights.h5").toString());
    assertEquals(List.of("info DL4J_NOT_APPLICABLE"), rules(model));
  }

  @Test
  void otherLayerNamesInTheSameOrderAreOneWarning() throws Exception {
    JsonNode model = audit(DIR.resolve("renamed/renamed_weights.h5").toString());
    JsonNode expected =
        JSON.readTree(DIR.resolve("renamed/renamed_weights.expected.json").toFile());
    allLayersVerified(model, expected);
    assertEquals(List.of("warning WEIGHTS_PAIRED_BY_ORDER"), rules(model));
    String message = model.at("/findings/0/message").asText();
    expected
        .get("loaded_by_order")
        .fields()
        .forEachRemaining(
            e -> assertTrue(message.contains(e.getKey() + " → " + e.getValue().asText()), message));
  }

  /** When a shape does not fit the order, Keras' load_weights fails too: the names decide. */
  @Test
  void aShapeThatDoesNotFitKeepsTheNames(@TempDir Path dir) throws Exception {
    Path config = dir.resolve("renamed_config.json");
    Files.writeString(
        config,
        Files.readString(DIR.resolve("renamed/renamed_config.json"))
            .replace("\"units\": 3", "\"units\": 4"));
    JsonNode model =
        audit("--config", config.toString(), DIR.resolve("renamed/renamed_weights.h5").toString());
    assertTrue(rules(model).contains("error WEIGHT_MISSING"), rules(model).toString());
    assertTrue(!rules(model).contains("warning WEIGHTS_PAIRED_BY_ORDER"), rules(model).toString());
  }

  @Test
  void aFolderWithOneWeightsFileAndOneArchitecturePairsThem() throws Exception {
    JsonNode model = audit(DIR.resolve("folder_pair/trained.h5").toString());
    JsonNode expected = JSON.readTree(DIR.resolve("folder_pair/trained.expected.json").toFile());
    assertTrue(model.get("architecture").asText().endsWith("network.json"), model.toString());
    allLayersVerified(model, expected);
    assertEquals(List.of(), rules(model));

    CliRun scan = CliRun.of("--format", "json", DIR.resolve("folder_pair").toString());
    assertEquals(0, scan.exitCode, scan.err);
    assertEquals(1, JSON.readTree(scan.out).get("models").size(), scan.out);
  }

  @Test
  void twoWeightsFilesInTheFolderPairWithNothing(@TempDir Path dir) throws Exception {
    Path weights = Files.copy(DIR.resolve("folder_pair/trained.h5"), dir.resolve("trained.h5"));
    Files.copy(DIR.resolve("folder_pair/trained.h5"), dir.resolve("checkpoint.h5"));
    Files.copy(DIR.resolve("folder_pair/network.json"), dir.resolve("network.json"));
    CliRun run = CliRun.of(weights.toString());
    assertEquals(3, run.exitCode, run.err);
    assertTrue(run.err.contains("--config"), run.err);
  }

  /** An unpacked .keras archive: config.json, metadata.json and model.weights.h5 in one folder. */
  @Test
  void anUnpackedKerasArchiveIsAPair(@TempDir Path dir) throws Exception {
    try (java.util.zip.ZipFile zip =
        new java.util.zip.ZipFile(TestPaths.kerasModels().resolve("seed_cnn.keras").toFile())) {
      for (java.util.zip.ZipEntry e : java.util.Collections.list(zip.entries())) {
        try (java.io.InputStream in = zip.getInputStream(e)) {
          Files.copy(in, dir.resolve(e.getName()));
        }
      }
    }
    JsonNode model = audit(dir.resolve("model.weights.h5").toString());
    assertTrue(model.get("architecture").asText().endsWith("config.json"), model.toString());
    assertEquals(1966, model.at("/totals/params").asLong());
    assertEquals(1966, model.at("/totals/references/stored").asLong());
    assertEquals(List.of(), rules(model));
  }
}
