package io.modelaudit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modelaudit.TestPaths;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Hostile sizes (issue 13, points 3, 6 and 7; test-models/malformed/sizes/make_sizes.py): work that
 * was quadratic, sizes that cannot be, a compressed weights entry. How the time grows with the size
 * is measured by bench/scaling/run, not here.
 */
class HostileSizesTest {
  private static final Path DIR = TestPaths.testModels().resolve("malformed/sizes");

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        // 3: linear work (one layer called 2,000 times; 500 DL4J vertices; 300 missing names
        // among 300 other groups, each once looked up through the garbled-name index)
        "keras_calls_2000.json      | 0 | Total params: 72",
        "dl4j_graph_500.json        | 0 | Total params: 36,000",
        "h5_names_300.h5            | 1 | STORED_LAYER_ABSENT",
        // 6: sizes that cannot be are findings, never a negative total
        "dense_negative_units.json  | 1 | CONFIG_INVALID  out: weight 'kernel' would have shape (8, -1): the configuration gives a negative size",
        "mha_zero_heads.json        | 0 | DEGENERATE_SHAPE  out: weight 'query/kernel' would have shape (8, 0, 2): an empty tensor",
        // 7: a deflated weights entry is read (see also the test below)
        "deflated_weights.keras     | 0 | Total params: 1,966 (7.68 KB)   (stored in the file: 1,966)",
      })
  void hostileSize(String file, int exitCode, String expected) {
    CliRun run = CliRun.of("--timeout", "30", DIR.resolve(file).toString());
    assertEquals(exitCode, run.exitCode, run.out + run.err);
    assertTrue(run.out.contains(expected), run.out + run.err);
    assertFalse(run.out.contains("Total params: -"), run.out);
    assertEquals("", run.err);
  }

  @Test
  void aDeflatedWeightsEntryLeavesNoTemporaryFile() throws IOException {
    Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
    List<Path> before = entries(tmp);
    CliRun run = CliRun.of(DIR.resolve("deflated_weights.keras").toString());
    assertEquals(0, run.exitCode, run.out + run.err);
    // The inflated copy is deleted as soon as it is open: none is left, even before exit.
    List<Path> after = entries(tmp);
    after.removeAll(before);
    assertEquals(List.of(), after, "temporary files left behind");
  }

  private static List<Path> entries(Path dir) throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.filter(p -> p.getFileName().toString().startsWith("model-audit-"))
          .filter(p -> p.getFileName().toString().endsWith(".entry"))
          .collect(Collectors.toList());
    }
  }
}
