package io.modelaudit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modelaudit.TestPaths;
import io.modelaudit.audit.ModelAuditor;
import io.modelaudit.report.LayerReport;
import io.modelaudit.report.ModelReport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Keras 3 archives whose weights are in {@code model.weights.npz}, where every layer's variables
 * are a pickle read as data only. The npz forms in test-models/keras/npz must give exactly what the
 * same models' archives with {@code model.weights.h5} give, and the counts of their {@code .h5}
 * files; the hand-made pickles of npz/crafted/make_crafted_npz.py each give one error line and exit
 * 3, and run nothing.
 */
class NpzArchiveTest {
  private static final Path NPZ = TestPaths.kerasModels().resolve("npz");

  /** Where os_system.keras would make {@code touch} write, were its pickle ever run. */
  private static final Path CANARY = Path.of("/tmp/model-audit-npz-canary");

  /**
   * Written only with npz weights: their .h5 forms hold bfloat16 datasets that jHDF cannot read.
   */
  private static final Set<String> NPZ_ONLY = Set.of("bfloat16_weights");

  @Test
  void npzFormsStoreWhatTheH5FormsStore() throws IOException {
    List<Path> npzForms;
    try (Stream<Path> s = Files.list(NPZ)) {
      npzForms =
          s.filter(p -> p.toString().endsWith(".keras")).sorted().collect(Collectors.toList());
    }
    assertTrue(npzForms.size() >= 14, "npz fixtures: " + npzForms);
    for (Path npz : npzForms) {
      String name =
          npz.getFileName().toString().replace("_numpy_backend", "").replace(".keras", "");
      ModelReport fromNpz = new ModelAuditor(Map.of()).audit(npz);
      assertNull(fromNpz.error(), () -> npz + ": " + fromNpz.error());
      assertTrue(
          fromNpz.layers().stream().allMatch(l -> l.status().equals(LayerReport.OK)),
          npz + " every layer ok");
      if (NPZ_ONLY.contains(name)) {
        continue;
      }
      ModelReport fromArchive =
          new ModelAuditor(Map.of()).audit(TestPaths.kerasModels().resolve(name + ".keras"));
      ModelReport fromH5 =
          new ModelAuditor(Map.of()).audit(TestPaths.kerasModels().resolve(name + ".h5"));
      assertEquals(
          stored(fromArchive), stored(fromNpz), npz + " against the archive with model.weights.h5");
      assertEquals(fromArchive.totals(), fromNpz.totals(), npz + " totals");
      assertEquals(
          List.of(
              fromH5.totals().params(),
              fromH5.totals().trainable(),
              fromH5.totals().nonTrainable()),
          List.of(
              fromNpz.totals().params(),
              fromNpz.totals().trainable(),
              fromNpz.totals().nonTrainable()),
          npz + " against " + name + ".h5");
    }
  }

  /** Per layer: each weight's stored name and shape. */
  private static List<String> stored(ModelReport report) {
    List<String> out = new ArrayList<>();
    for (LayerReport layer : report.layers()) {
      layer
          .weights()
          .forEach(w -> out.add(layer.path() + " " + w.storedName() + " " + w.storedShape()));
    }
    return out;
  }

  /**
   * Random damage inside the pickles of a real npz archive (stored uncompressed, so the bytes reach
   * the pickle reader): every outcome is a report or one error line, never a crash.
   */
  @Test
  void damagedPicklesNeverCrash(@TempDir Path dir) throws IOException {
    byte[] whole = Files.readAllBytes(NPZ.resolve("npz_mix.keras"));
    List<Integer> pickles = new ArrayList<>();
    for (int i = 0; i + 2 < whole.length; i++) {
      if ((whole[i] & 0xff) == 0x80 && whole[i + 1] == 4 && (whole[i + 2] & 0xff) == 0x95) {
        pickles.add(i);
      }
    }
    assertTrue(pickles.size() > 5, "pickles found: " + pickles.size());
    Random random = new Random(7);
    for (int i = 0; i < 60; i++) {
      byte[] damaged = whole.clone();
      int start = pickles.get(random.nextInt(pickles.size()));
      for (int j = 0, n = 1 + random.nextInt(4); j < n; j++) {
        damaged[Math.min(damaged.length - 1, start + random.nextInt(600))] =
            (byte) random.nextInt(256);
      }
      Path file = Files.write(dir.resolve("damaged_" + i + ".keras"), damaged);
      CliRun run = CliRun.of(file.toString());
      assertTrue(
          run.exitCode == 0 || run.exitCode == 1 || run.exitCode == 3,
          "exit " + run.exitCode + ": " + run.err);
      assertTrue(run.err.lines().count() <= 1, run.err);
      assertFalse(run.err.contains("\tat ") || run.err.contains("internal error"), run.err);
    }
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "well_formed.keras             | 0 | Findings: none",
        "os_system.keras               | 3 | layers/conv2d.npy: refused pickle: it names os.system",
        "stack_global_eval.keras       | 3 | refused pickle: it names builtins.eval",
        "reduce_non_global.keras       | 3 | refused pickle: REDUCE applies a str, not a named callable",
        "reduce_dtype_as_array.keras   | 3 | variable '0': refused pickle: a call of numpy.dtype where an array should be",
        "truncated.keras               | 3 | layers/conv2d.npy: the pickle is truncated",
        "deep_nesting.keras            | 3 | refused pickle: values nested more than 32 deep",
        "huge_shape.keras              | 3 | declares shape (100000, 100000) of <f4 but holds 16 bytes",
        "huge_memo.keras               | 3 | refused pickle: memo index 4294967295",
        "persistent_id.keras           | 3 | refused pickle: opcode 0x51 (BINPERSID)",
      })
  void handMadePickle(String file, int exitCode, String expected) {
    CliRun run = CliRun.of(NPZ.resolve("crafted").resolve(file).toString());
    assertEquals(exitCode, run.exitCode, run.out + run.err);
    assertTrue((run.out + run.err).contains(expected), run.out + run.err);
    if (exitCode == 3) {
      assertEquals(1, run.err.lines().count(), "one error line: " + run.err);
    }
    assertFalse(run.err.contains("internal error"), run.err);
    assertFalse(Files.exists(CANARY), "a pickle was run: " + CANARY + " exists");
  }
}
