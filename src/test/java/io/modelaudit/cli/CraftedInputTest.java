package io.modelaudit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modelaudit.TestPaths;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Hand-written configurations (test-models/keras/crafted/make_crafted.py): Keras 1/2 forms that
 * Keras 3 cannot write, malformed layers, and hostile files. Each gives its exit code and a
 * recognisable line, never an internal error.
 */
class CraftedInputTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "keras2_nested_node_index.h5          | 0 | out (Dense)",
        "nested_sequential_without_input.h5   | 0 | Total params: 10",
        "keras1_padding_dict.h5               | 0 | (None, 8, 2)",
        "tfkeras_batchnorm_two_axes.h5        | 0 | Non-trainable params: 60",
        "dot_axes_single.h5                   | 0 | (None, 1)",
        "embedding_input_length.h5            | 0 | (None, 5, 3)",
        "nested_models_called_twice_40_deep.h5 | 0 | Findings: none",
        "invalid_reshape.h5                   | 1 | CONFIG_INVALID  r: cannot read its configuration: 'target_shape' holds a null",
        "invalid_permute.h5                   | 1 | CONFIG_INVALID  p:",
        "invalid_padding.h5                   | 1 | CONFIG_INVALID  z:",
        "overflowing_embedding.h5             | 1 | SHAPE_RULE_FAILED  e: a dimension or count overflows",
        "overflowing_dense.h5                 | 1 | SHAPE_RULE_FAILED  d: a dimension or count overflows",
        "negative_node_index.h5               | 3 | bad index -1",
        "duplicate_layer_names.h5             | 3 | two layers are named 'a'",
        "impossible_dataset_shape.h5          | 3 | claims an impossible shape",
        "dangling_reference.h5                | 3 | names layer 'nowhere'",
        "deeply_nested_reference.h5           | 3 | unreadable tensor reference",
      })
  void craftedFile(String file, int exitCode, String expected) {
    String path = TestPaths.kerasModels().resolve("crafted").resolve(file).toString();
    CliRun run = CliRun.of(path);
    assertEquals(exitCode, run.exitCode, run.out + run.err);
    assertTrue((run.out + run.err).contains(expected), run.out + run.err);
    assertFalse(run.err.contains("internal error"), run.err);
    assertTrue(
        run.err.lines().allMatch(l -> l.length() < 400), "error lines stay short: " + run.err);
  }
}
