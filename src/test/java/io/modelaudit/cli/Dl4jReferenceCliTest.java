package io.modelaudit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.modelaudit.TestPaths;
import io.modelaudit.UsesDl4jWorker;
import io.modelaudit.reference.dl4j.Dl4jWorker;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --reference dl4j}: DL4J's own numbers beside ours and the file's, through the real worker.
 */
class Dl4jReferenceCliTest {
  private static Path keras(String path) {
    return TestPaths.corpus().resolve("dl4j-test-resources/modelimport/keras").resolve(path);
  }

  private static JsonNode layer(JsonNode model, String name) {
    for (JsonNode l : model.get("layers")) {
      if (l.get("name").asText().equals(name)) {
        return l;
      }
    }
    throw new AssertionError("no layer " + name);
  }

  /**
   * The file stores 49,985 parameters (Keras' count); DL4J's import builds 49,838 because its
   * Reshape reads (7, 7, 10) as 7 channels: the report shows both and says so. DL4J misreading the
   * model is an error (exit 1): the file's weights cannot go into what DL4J builds.
   */
  @Test
  @UsesDl4jWorker
  void dl4jsWrongImportOfBatchToConv2dIsPlain() throws Exception {
    CliRun run =
        CliRun.of(
            "--format",
            "json",
            "--reference",
            "dl4j",
            keras("weights/batch_to_conv2d_tensorflow_1.h5").toString());
    assertEquals(1, run.exitCode, () -> run.err + Dl4jAnswers.in(run.out).get());
    JsonNode model = new ObjectMapper().readTree(run.out).at("/models/0");
    assertEquals(49_985, model.at("/totals/references/stored").asLong());
    assertEquals(49_838, model.at("/totals/references/dl4j").asLong(), Dl4jAnswers.of(model));
    assertEquals("ok", model.at("/references/dl4j/status").asText(), Dl4jAnswers.of(model));
    assertEquals(
        "1.0.0-M2.1", model.at("/references/dl4j/version").asText(), Dl4jAnswers.of(model));
    JsonNode conv = layer(model, "convolution2d_1");
    assertEquals(455, conv.get("params").asLong());
    assertEquals(320, conv.at("/references/dl4j/params").asLong(), Dl4jAnswers.of(model));
    assertEquals(
        "[5,7,3,3]", conv.at("/references/dl4j/param_table/W").toString(), Dl4jAnswers.of(model));
    assertEquals(40, layer(model, "batchnormalization_1").get("params").asLong());
    assertEquals(
        28,
        layer(model, "batchnormalization_1").at("/references/dl4j/params").asLong(),
        Dl4jAnswers.of(model));
    assertEquals(
        "dl4j_reshape_misread",
        conv.at("/references/dl4j/explanation/kind").asText(),
        Dl4jAnswers.of(model));
    JsonNode modelFinding = null;
    int layerFindings = 0;
    for (JsonNode f : model.get("findings")) {
      if (f.get("rule").asText().equals("DL4J_PARAM_MISMATCH")) {
        assertEquals("dl4j", f.get("reference").asText());
        assertEquals("error", f.get("severity").asText());
        assertEquals("dl4j_reshape_misread", f.at("/explanation/kind").asText(), f.toString());
        assertFalse(f.at("/explanation/expected").asBoolean(), f.toString());
        if (f.get("layer").isNull()) {
          modelFinding = f;
        } else {
          layerFindings++;
        }
      }
    }
    assertEquals(2, layerFindings, model.get("findings").toString());
    assertNotNull(modelFinding, model.get("findings").toString());
    assertEquals(49_985, modelFinding.get("expected").asLong());
    assertEquals(49_838, modelFinding.get("actual").asLong());
    assertTrue(
        modelFinding
            .get("message")
            .asText()
            .contains("DL4J does not read this model as it is stored"),
        modelFinding.toString());
  }

  /** Files DL4J imports correctly: its totals equal what the file stores. */
  @Test
  @UsesDl4jWorker
  void dl4jAgreesWithTheFileWhereItsImportIsRight() throws Exception {
    String[] files = {
      "examples/12net.h5",
      "examples/simple_lstm/simple_lstm_th_keras_1_model.h5",
      "tfkeras/rnn_221.h5",
      "tfkeras/cnn3d_20.h5"
    };
    String[] args = new String[files.length + 4];
    args[0] = "--format";
    args[1] = "json";
    args[2] = "--reference";
    args[3] = "all";
    for (int i = 0; i < files.length; i++) {
      args[4 + i] = keras(files[i]).toString();
    }
    CliRun run = CliRun.of(args);
    assertEquals(0, run.exitCode, () -> run.err + Dl4jAnswers.in(run.out).get());
    JsonNode models = new ObjectMapper().readTree(run.out).get("models");
    assertEquals(files.length, models.size());
    for (JsonNode m : models) {
      assertEquals("ok", m.at("/references/dl4j/status").asText(), Dl4jAnswers.of(m));
      assertEquals(
          m.at("/totals/references/stored").asLong(),
          m.at("/totals/references/dl4j").asLong(),
          Dl4jAnswers.of(m));
      for (JsonNode f : m.get("findings")) {
        assertFalse(f.get("rule").asText().startsWith("DL4J"), f.toString());
      }
    }
  }

  @Test
  @UsesDl4jWorker
  void aModelDl4jCannotImportIsAFindingAboutDl4j() {
    CliRun run =
        CliRun.of("--reference", "dl4j", TestPaths.kerasModels().resolve("seed_cnn.h5").toString());
    assertEquals(0, run.exitCode, () -> run.err + run.out);
    assertTrue(
        run.out.contains(
            "warning DL4J_IMPORT_FAILED  DL4J 1.0.0-M2.1 cannot import the model: UnsupportedKerasConfigurationException: Keras major version"),
        run.out);
  }

  @Test
  void aMissingWorkerIsOneClearLineAndAUsageError(@TempDir Path empty) {
    System.setProperty(Dl4jWorker.HOME_PROPERTY, empty.toString());
    try {
      CliRun run =
          CliRun.of(
              "--reference", "dl4j", TestPaths.kerasModels().resolve("seed_cnn.h5").toString());
      assertEquals(ExitCodes.USAGE, run.exitCode);
      assertEquals("", run.out);
      assertTrue(
          run.err.startsWith(
              "model-audit: --reference dl4j: the DL4J reference worker is not built"),
          run.err);
      assertEquals(1, run.err.lines().count(), run.err);
    } finally {
      System.clearProperty(Dl4jWorker.HOME_PROPERTY);
    }
  }

  @Test
  void theStoredReferenceAloneNeverAsksDl4j() throws Exception {
    CliRun run =
        CliRun.of("--format", "json", keras("weights/batch_to_conv2d_tensorflow_1.h5").toString());
    JsonNode model = new ObjectMapper().readTree(run.out).at("/models/0");
    assertTrue(model.at("/totals/references/dl4j").isMissingNode());
    assertTrue(model.at("/references").isMissingNode());
    assertTrue(layer(model, "convolution2d_1").at("/references/dl4j").isMissingNode());
  }

  /**
   * An architecture written as {@code json.dump(model.to_json(), f)} is one JSON string holding the
   * JSON. DL4J gets it unwrapped, as model-audit reads it, and imports the model: DL4J's parser
   * failing on the string is no DL4J bug to report.
   */
  @Test
  @UsesDl4jWorker
  void aDoubleEncodedArchitectureReachesDl4jUnwrapped(@TempDir Path dir) throws Exception {
    Path example = keras("examples/simple_lstm");
    Path config = dir.resolve("architecture.json");
    java.nio.file.Files.writeString(
        config,
        new ObjectMapper()
            .writeValueAsString(
                java.nio.file.Files.readString(
                    example.resolve("simple_lstm_tf_keras_2_config.json"))));
    CliRun run =
        CliRun.of(
            "--format",
            "json",
            "--reference",
            "dl4j",
            "--config",
            config.toString(),
            example.resolve("simple_lstm_tf_keras_2_weights.h5").toString());
    assertEquals(0, run.exitCode, () -> run.err + run.out);
    JsonNode model = new ObjectMapper().readTree(run.out).at("/models/0");
    assertEquals("ok", model.at("/references/dl4j/status").asText(), Dl4jAnswers.of(model));
    assertEquals(10_451, model.at("/totals/references/dl4j").asLong(), Dl4jAnswers.of(model));
  }
}
