package io.modelaudit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.modelaudit.TestPaths;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Keras file forms through the command line: detection by content, architecture JSON alone or
 * beside a weights-only file (--config or by name), TF.js, and --input-shape.
 */
class FileFormsCliTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Path KERAS = TestPaths.kerasModels();

  private static Path examples() {
    return TestPaths.corpus().resolve("dl4j-test-resources/modelimport/keras/examples");
  }

  private static JsonNode model(CliRun run) throws Exception {
    return JSON.readTree(run.out).at("/models/0");
  }

  @Test
  void seedCnnReadsTheSameInEveryForm() throws Exception {
    for (String[] form :
        new String[][] {
          {"seed_cnn.h5", "keras-h5", "ok"},
          {"seed_cnn.keras", "keras-v3", "ok"},
          {"seed_cnn.json", "keras-json", "unverified"}
        }) {
      CliRun run = CliRun.of("--format", "json", KERAS.resolve(form[0]).toString());
      assertEquals(0, run.exitCode, run.err);
      JsonNode m = model(run);
      assertEquals(form[1], m.get("format").asText());
      assertEquals("[[null,28,28,6]]", m.at("/layers/0/output_shapes").toString());
      assertEquals(456, m.at("/layers/0/params").asLong());
      assertEquals(1510, m.at("/layers/1/params").asLong());
      assertEquals(form[2], m.at("/layers/1/status").asText(), form[0]);
      assertEquals(1966, m.at("/totals/params").asLong());
    }
  }

  @Test
  void architectureJsonStoresNothingSoTotalsAreUnverified() throws Exception {
    JsonNode m = model(CliRun.of("--format", "json", KERAS.resolve("seed_cnn.json").toString()));
    assertTrue(
        m.at("/totals/references/stored").isMissingNode()
            || m.at("/totals/references/stored").isNull(),
        m.toString());
  }

  @Test
  void contentDecidesNotTheExtension(@TempDir Path dir) throws Exception {
    Path disguised = dir.resolve("model.h5");
    Files.copy(KERAS.resolve("seed_cnn.keras"), disguised);
    CliRun run = CliRun.of("--format", "json", disguised.toString());
    assertEquals(0, run.exitCode, run.err);
    assertEquals("keras-v3", model(run).get("format").asText());
  }

  @Test
  void weightsOnlyFileFindsItsArchitectureByName() throws Exception {
    Path weights = examples().resolve("simple_lstm/simple_lstm_tf_keras_2_weights.h5");
    CliRun run = CliRun.of("--format", "json", weights.toString());
    assertEquals(0, run.exitCode, run.err);
    JsonNode m = model(run);
    assertTrue(
        m.get("architecture").asText().endsWith("simple_lstm_tf_keras_2_config.json"),
        m.toString());
    assertEquals("ok", m.get("status").asText());
    assertEquals(10451, m.at("/totals/references/stored").asLong());
    assertEquals(10451, m.at("/totals/params").asLong());
  }

  @Test
  void weightsOnlyFileTakesItsArchitectureFromConfigOption(@TempDir Path dir) throws Exception {
    Path weights = dir.resolve("w.h5");
    Files.copy(examples().resolve("simple_lstm/simple_lstm_tf_keras_2_weights.h5"), weights);
    CliRun alone = CliRun.of(weights.toString());
    assertEquals(3, alone.exitCode);
    assertTrue(alone.err.contains("weights-only") && alone.err.contains("--config"), alone.err);

    Path config = examples().resolve("simple_lstm/simple_lstm_tf_keras_2_config.json");
    CliRun run = CliRun.of("--format", "json", "--config", config.toString(), weights.toString());
    assertEquals(0, run.exitCode, run.err);
    assertEquals(10451, model(run).at("/totals/references/stored").asLong());

    CliRun missing = CliRun.of("--config", dir.resolve("nope.json").toString(), weights.toString());
    assertEquals(2, missing.exitCode);
  }

  @Test
  void tfjsManifestIsTheStoredReference() throws Exception {
    Path tfjs = TestPaths.corpus().resolve("github/AmadeuszFilipek__snake/model/model.json");
    CliRun run = CliRun.of("--format", "json", tfjs.toString());
    assertEquals(0, run.exitCode, run.err);
    JsonNode m = model(run);
    assertEquals("tfjs-layers", m.get("format").asText());
    assertEquals(1046, m.at("/totals/references/stored").asLong());
    assertEquals(1046, m.at("/totals/params").asLong());
    assertEquals("ok", m.at("/layers/0/status").asText());
  }

  @Test
  void inputShapeFixesUnknownDims() throws Exception {
    String seed = KERAS.resolve("seed_cnn.json").toString();
    CliRun run = CliRun.of("--format", "json", "--input-shape", "input_layer=1,32,32,3", seed);
    assertEquals(0, run.exitCode, run.err);
    assertEquals("[[1,24,24,10]]", model(run).at("/layers/1/output_shapes").toString());

    CliRun conflict = CliRun.of("--input-shape", "input_layer=1,31,32,3", seed);
    assertEquals(3, conflict.exitCode);
    assertTrue(
        conflict.err.contains("the file fixes the input to (None, 32, 32, 3)"), conflict.err);

    CliRun unknownName = CliRun.of("--input-shape", "image=1,32,32,3", seed);
    assertEquals(3, unknownName.exitCode);
    assertTrue(unknownName.err.contains("the model's inputs are [input_layer]"), unknownName.err);

    assertEquals(2, CliRun.of("--input-shape", "input_layer=1,x", seed).exitCode);
    assertEquals(2, CliRun.of("--input-shape", "input_layer", seed).exitCode);
  }
}
