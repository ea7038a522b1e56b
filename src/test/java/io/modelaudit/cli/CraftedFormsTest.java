package io.modelaudit.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modelaudit.TestPaths;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Hostile and legacy .keras archives, architecture JSON and TF.js files
 * (test-models/keras/crafted_forms/make_crafted_forms.py): each gives its exit code and one
 * recognisable line, never an internal error, a stack trace or a changed input.
 */
class CraftedFormsTest {
  private static final Path DIR = TestPaths.kerasModels().resolve("crafted_forms");

  private static void assertOutcome(CliRun run, int exitCode, String expected) {
    assertEquals(exitCode, run.exitCode, run.out + run.err);
    assertTrue((run.out + run.err).contains(expected), run.out + run.err);
    assertFalse(run.err.contains("internal error"), run.err);
    assertFalse(run.err.contains("\tat "), "no stack trace: " + run.err);
    assertTrue(run.err.lines().count() <= 1, "at most one error line: " + run.err);
    assertTrue(
        run.err.lines().allMatch(l -> l.length() < 300), "error lines stay short: " + run.err);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        // zip containers
        "config_bomb.keras              | 3 | config.json in the archive is larger than 64 MB",
        "config_bomb_size_lie.keras     | 3 | config.json in the archive inflates to more than 64 MB",
        "config_size_lie.keras          | 3 | config.json is not valid JSON: Unexpected end-of-input",
        "config_declared_huge.keras     | 3 | config.json in the archive is larger than 64 MB",
        "many_entries.keras             | 0 | Total params: 1,966 (7.68 KB)   (stored in the file: 1,966)",
        "truncated.keras                | 3 | truncated or corrupt zip archive",
        "truncated_weights.keras        | 3 | truncated or corrupt model.weights.h5 in the archive",
        "weights_not_hdf5.keras         | 3 | truncated or corrupt model.weights.h5 in the archive (No valid HDF5 signature found)",
        "weights_bomb.keras             | 3 | model.weights.h5 in the archive inflates to more than 100 times its compressed size",
        "group_cycle.keras              | 3 | model.weights.h5 links one group (a) from two places",
        "group_diamonds.keras           | 3 | model.weights.h5 links one group (b) from two places",
        "duplicate_config.keras         | 3 | zip archive holds two entries named config.json",
        "deflated_weights.keras         | 0 | Total params: 1,966 (7.68 KB)   (stored in the file: 1,966)",
        "without_weights.keras          | 0 | conv2d_1 (Conv2D)  (None, 24, 24, 10)    1,510  unverified",
        // config.json that is not a model configuration
        "config_list.keras              | 3 | config.json is not a JSON object",
        "config_string.keras            | 3 | config.json is a JSON string, not a model configuration",
        "config_double_encoded.keras    | 0 | Total params: 1,966 (7.68 KB)   (stored in the file: 1,966)",
        "config_nested_2000.keras       | 3 | config.json is not valid JSON: nested deeper than 1000 levels",
        // storage groups that do not match the configuration
        "extra_group.keras              | 0 | STORED_LAYER_UNKNOWN  layers/dense: the file stores 2 weight tensors (10 parameters)",
        "missing_group.keras            | 1 | WEIGHT_MISSING  conv2d_1: kernel (5, 5, 6, 10) is not stored",
        "renumbered_groups.keras        | 0 | Total params: 1,966 (7.68 KB)   (stored in the file: 1,966)",
        // content decides, not the name
        "hdf5_named.keras               | 0 | keras-h5",
        "archive_named.h5               | 0 | keras-v3",
        "prepended_data.keras           | 0 | keras-v3 · Keras 3.15.1 · model \"sequential\"",
        "hdf5_and_zip.keras             | 3 | the file is both an HDF5 file and a zip archive: Keras reads one or the other",
        // architecture JSON
        "bom.json                       | 0 | Total params: 1,966",
        "empty.json                     | 3 | empty file: not a model file",
        "null.json                      | 3 | JSON that is neither a Keras architecture, a TF.js model nor a Deeplearning4j configuration",
        "nested_2000.json               | 3 | is not valid JSON: nested deeper than 1000 levels",
        "shape_beyond_long.json         | 3 | unreadable architecture JSON: bad dimension 1000000000000000000000000000000 in a shape",
        "shape_exponent.json            | 3 | unreadable architecture JSON: bad dimension \"Infinity\" in a shape",
        "lambda_bytecode.json           | 0 | ? not counted: no rule or an unknown input shape, and nothing stored to count",
        // The input shape was edited, the shapes Keras recorded were not: the recorded reference
        // catches the disagreement.
        "shape_overflowing.json         | 1 | RECORDED_SHAPE_MISMATCH",
        // TF.js
        "tfjs_valid.json                | 0 | Total params: 23 (92.00 B)   (stored in the file: 23)",
        "tfjs_negative_shape.json       | 3 | weightsManifest[0].weights[0] has an impossible shape [4,-3]",
        "tfjs_overflowing_shape.json    | 3 | weightsManifest[0].weights[0] claims an impossible shape [1099511627776,1099511627776]",
        "tfjs_shape_beyond_long.json    | 3 | weightsManifest[0].weights[0] has an impossible shape [4,1000000000000000000000000000000]",
        "tfjs_missing_name.json         | 3 | weightsManifest[0].weights[1] has no name",
        "tfjs_without_topology.json     | 3 | TF.js model.json without a modelTopology",
        "tfjs_graph_model.json          | 3 | TF.js graph model (a TensorFlow graph, not Keras layers): not supported",
      })
  void craftedFile(String file, int exitCode, String expected) throws IOException {
    Path path = DIR.resolve(file);
    byte[] before = Files.readAllBytes(path);
    assertOutcome(CliRun.of(path.toString()), exitCode, expected);
    assertArrayEquals(before, Files.readAllBytes(path), "the input is never modified");
  }

  @Test
  void weightsOnlyFileNamesTheGarbageSiblingArchitecture() {
    Path weights = DIR.resolve("garbage_sibling/seed_cnn_weights.h5");
    CliRun run = CliRun.of(weights.toString());
    assertOutcome(
        run,
        3,
        "model-audit: " + weights + ": architecture JSON seed_cnn_config.json is not valid JSON");
  }

  @Test
  void configOptionRefusesTfjsAndDl4jJson() {
    String weights =
        TestPaths.kerasModels().resolve("variants/seed_cnn_weights_only.h5").toString();
    assertOutcome(
        CliRun.of("--config", DIR.resolve("tfjs_valid.json").toString(), weights),
        3,
        "tfjs_valid.json is a TF.js model.json, not a Keras architecture JSON");
    assertOutcome(
        CliRun.of("--config", DIR.resolve("dl4j_configuration.json").toString(), weights),
        3,
        "dl4j_configuration.json is a Deeplearning4j configuration, not a Keras architecture JSON");
  }
}
