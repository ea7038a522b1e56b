package io.modelaudit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.modelaudit.TestPaths;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Noise control (issue 14, point 5): {@code --exclude}, suppression files, non-models skipped by
 * folder scans, and Git LFS pointers. The models are Keras-written (test-models/keras); the files
 * that are not models are written by h5py and zipfile (test-models/not_models).
 */
class NoiseControlTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Path KERAS = TestPaths.kerasModels();
  private static final Path NOT_MODELS = TestPaths.testModels().resolve("not_models");
  private static final Path WRONG_KERNEL = KERAS.resolve("variants/seed_cnn_wrong_kernel.h5");

  private static List<String> paths(CliRun run, Path dir) throws Exception {
    List<String> out = new ArrayList<>();
    for (JsonNode m : JSON.readTree(run.out).get("models")) {
      out.add(dir.relativize(Path.of(m.get("path").asText())).toString());
    }
    return out;
  }

  /** seed_cnn.h5 (clean) and legacy/wrong.h5 (two errors on conv2d_1). */
  private static void twoModels(Path dir) throws Exception {
    Files.copy(KERAS.resolve("seed_cnn.h5"), dir.resolve("seed_cnn.h5"));
    Files.createDirectories(dir.resolve("legacy"));
    Files.copy(WRONG_KERNEL, dir.resolve("legacy/wrong.h5"));
  }

  // --exclude

  @Test
  void excludeLeavesOutFilesAndFoldersOfAScan(@TempDir Path dir) throws Exception {
    twoModels(dir);
    CliRun all = CliRun.of("--format", "json", dir.toString());
    assertEquals(1, all.exitCode, all.err);
    assertEquals(List.of("legacy/wrong.h5", "seed_cnn.h5"), paths(all, dir));

    for (String glob : List.of("legacy/**", "legacy", "**/wrong.h5", "*/wrong.h5")) {
      CliRun run = CliRun.of("--format", "json", "--exclude", glob, dir.toString());
      assertEquals(0, run.exitCode, glob + ": " + run.err);
      assertEquals(List.of("seed_cnn.h5"), paths(run, dir), glob);
      assertEquals("", run.err, glob);
    }
    // '*' stays within one name: relative to the folder, legacy/wrong.h5 is not '*.h5'... but
    // seed_cnn.h5 is.
    CliRun star = CliRun.of("--format", "json", "--exclude", "*.h5", dir.toString());
    assertEquals(1, star.exitCode, star.err);
    assertEquals(List.of("legacy/wrong.h5"), paths(star, dir));
  }

  @Test
  void excludeAppliesToFilesNamedOnTheCommandLine(@TempDir Path dir) throws Exception {
    twoModels(dir);
    Path wrong = dir.resolve("legacy/wrong.h5");
    CliRun run =
        CliRun.of(
            "--format",
            "json",
            "--verbose",
            "--exclude",
            "**/legacy/**",
            dir.resolve("seed_cnn.h5").toString(),
            wrong.toString());
    assertEquals(0, run.exitCode, run.err);
    assertEquals(List.of("seed_cnn.h5"), paths(run, dir));
    assertEquals("model-audit: note: " + wrong + ": excluded by --exclude **/legacy/**\n", run.err);
  }

  @Test
  void aBadGlobIsAUsageError() {
    CliRun run = CliRun.of("--exclude", "[a-", KERAS.resolve("seed_cnn.h5").toString());
    assertEquals(2, run.exitCode);
    assertTrue(run.err.startsWith("model-audit: --exclude '[a-': not a glob ("), run.err);
  }

  // suppression file

  private static Path suppressions(Path dir, String yaml) throws Exception {
    return Files.writeString(dir.resolve("suppressions.yml"), yaml);
  }

  @Test
  void suppressedFindingsStayVisibleAndDoNotFailTheRun(@TempDir Path dir) throws Exception {
    twoModels(dir);
    Path file =
        suppressions(
            dir,
            """
            suppressions:
              - rule: WEIGHT_SHAPE_MISMATCH
                path: "**/legacy/*.h5"
                layer: conv2d_1
                reason: "kept for the 2019 comparison, see #12"
              - rule: PARAM_MISMATCH
                layer: "conv2d_*"
                reason: the same model
            """);
    CliRun json = CliRun.of("--format", "json", "--suppressions", file.toString(), dir.toString());
    assertEquals(0, json.exitCode, json.err);
    assertEquals("", json.err);
    JsonNode wrong = JSON.readTree(json.out).get("models").get(0);
    assertEquals("mismatch", wrong.get("status").asText());
    JsonNode findings = wrong.get("findings");
    assertEquals(2, findings.size());
    assertEquals("WEIGHT_SHAPE_MISMATCH", findings.get(0).get("rule").asText());
    assertEquals(
        "kept for the 2019 comparison, see #12",
        findings.get(0).get("suppressed").get("reason").asText());
    assertEquals("the same model", findings.get(1).get("suppressed").get("reason").asText());

    CliRun text = CliRun.of("--suppressions", file.toString(), dir.toString());
    assertEquals(0, text.exitCode, text.err);
    assertTrue(
        text.out.contains(
            "Findings: none\nSuppressed (2):\n  error   WEIGHT_SHAPE_MISMATCH  conv2d_1: kernel: expected (5, 5, 6, 10)"),
        text.out);
    assertTrue(
        text.out.contains("          reason: kept for the 2019 comparison, see #12\n"), text.out);

    // --fail-on still counts what is not suppressed
    Path one =
        suppressions(
            dir,
            """
            suppressions:
              - rule: PARAM_MISMATCH
                reason: counted another way
            """);
    CliRun partly = CliRun.of("--suppressions", one.toString(), dir.toString());
    assertEquals(1, partly.exitCode, partly.err);
    assertTrue(partly.out.contains("Findings (1):\n  error   WEIGHT_SHAPE_MISMATCH"), partly.out);
    assertTrue(partly.out.contains("Suppressed (1):\n  error   PARAM_MISMATCH"), partly.out);
  }

  /** Without --suppressions, .model-audit.yml of the current directory is read. */
  @Test
  void theSuppressionFileOfTheCurrentDirectoryIsRead(@TempDir Path dir) throws Exception {
    twoModels(dir);
    Files.writeString(
        dir.resolve(".model-audit.yml"),
        """
        suppressions:
          - rule: WEIGHT_SHAPE_MISMATCH
            path: "legacy/*.h5"
            reason: accepted
          - rule: PARAM_MISMATCH
            path: "legacy/*.h5"
            reason: accepted
        """);
    Process p =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                Main.class.getName(),
                "--format",
                "json",
                ".")
            .directory(dir.toFile())
            .start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(0, p.waitFor(), out + err);
    assertEquals("", err);
    JsonNode findings = JSON.readTree(out).get("models").get(0).get("findings");
    assertEquals("accepted", findings.get(0).get("suppressed").get("reason").asText());
    assertEquals("accepted", findings.get(1).get("suppressed").get("reason").asText());
  }

  @Test
  void anEntryThatMatchesNothingIsNotedAsStale(@TempDir Path dir) throws Exception {
    twoModels(dir);
    Path file =
        suppressions(
            dir,
            """
            suppressions:
              - rule: PARAM_MISMATCH
                reason: known
              - rule: WEIGHT_MISSING
                path: "models/**"
                reason: fixed long ago
              - rule: PARAM_MISMATCH
                layer: dense
                reason: another layer
            """);
    CliRun run = CliRun.of("--fail-on", "never", "--suppressions", file.toString(), dir.toString());
    assertEquals(0, run.exitCode, run.err);
    assertEquals(
        "model-audit: note: "
            + file
            + ": entry 2 (rule WEIGHT_MISSING, path models/**) matched no finding: a stale"
            + " suppression, remove it\n"
            + "model-audit: note: "
            + file
            + ": entry 3 (rule PARAM_MISMATCH, layer dense) matched no finding: a stale"
            + " suppression, remove it\n",
        run.err);
  }

  @Test
  void aMalformedSuppressionFileIsAUsageErrorOfOneLine(@TempDir Path dir) throws Exception {
    String model = KERAS.resolve("seed_cnn.h5").toString();
    String[][] cases = {
      {"suppressions:\n  - rule: PARAM_MISMATCH\n", "entry 1: 'reason' is required"},
      {"suppressions:\n  - reason: x\n", "entry 1: 'rule' is required"},
      {"suppressions:\n  - rule: NO_SUCH_RULE\n    reason: x\n", "entry 1: no rule 'NO_SUCH_RULE'"},
      {
        "suppressions:\n  - rule: PARAM_MISMATCH\n    reason: x\n    layers: d\n",
        "entry 1: unknown key 'layers'"
      },
      {"suppression:\n  - rule: PARAM_MISMATCH\n", "unknown key 'suppression'"},
      {"suppressions: PARAM_MISMATCH\n", "'suppressions' must be a list of entries"},
      {"suppressions:\n  - rule: [PARAM_MISMATCH\n", "not valid YAML ("},
      {
        "suppressions:\n  - rule: PARAM_MISMATCH\n    path: \"[a-\"\n    reason: x\n",
        "entry 1: 'path' is not a glob ("
      },
    };
    for (String[] c : cases) {
      Path file = suppressions(dir, c[0]);
      CliRun run = CliRun.of("--suppressions", file.toString(), model);
      assertEquals(2, run.exitCode, c[0] + run.err);
      assertTrue(
          run.err.startsWith("model-audit: " + file + ": " + c[1]), c[0] + " gave " + run.err);
      assertEquals(1, run.err.lines().count(), run.err);
      assertEquals("", run.out);
    }
    CliRun missing = CliRun.of("--suppressions", dir.resolve("none.yml").toString(), model);
    assertEquals(2, missing.exitCode);
    assertEquals(
        "model-audit: --suppressions " + dir.resolve("none.yml") + ": no such file\n", missing.err);
  }

  // files that are clearly not models

  @Test
  void folderScansSkipFilesThatAreClearlyNotModelsAndCountThem(@TempDir Path dir) throws Exception {
    Files.copy(KERAS.resolve("seed_cnn.h5"), dir.resolve("seed_cnn.h5"));
    Files.createDirectories(dir.resolve("data"));
    for (String name : List.of("arrays.h5", "inputs_and_outputs.h5", "archive.zip")) {
      Files.copy(NOT_MODELS.resolve("data").resolve(name), dir.resolve("data").resolve(name));
    }
    Files.writeString(dir.resolve("notes.txt"), "not a candidate: not counted");

    CliRun json = CliRun.of("--format", "json", dir.toString());
    assertEquals(0, json.exitCode, json.err);
    assertEquals("", json.err);
    JsonNode summary = JSON.readTree(json.out).get("summary");
    assertEquals(1, summary.get("models").asInt());
    assertEquals(3, summary.get("skipped").asInt());

    CliRun text = CliRun.of("--verbose", dir.toString());
    assertEquals(0, text.exitCode, text.err);
    assertTrue(
        text.out.endsWith("\n\n3 files skipped: not models (--verbose lists them)\n"), text.out);
    Path data = dir.resolve("data");
    assertEquals(
        String.join(
            "",
            "model-audit: note: ",
            data.resolve("archive.zip").toString(),
            ": skipped: a zip archive that is neither a Keras 3 .keras archive nor a Deeplearning4j"
                + " model\n",
            "model-audit: note: ",
            data.resolve("arrays.h5").toString(),
            ": skipped: an HDF5 file without any Keras attribute or group (a data file)\n",
            "model-audit: note: ",
            data.resolve("inputs_and_outputs.h5").toString(),
            ": skipped: an HDF5 file without any Keras attribute or group (a data file)\n"),
        text.err);

    // a folder scan without any skipped file keeps its summary as it was
    CliRun clean = CliRun.of("--format", "json", dir.resolve("seed_cnn.h5").toString());
    assertFalse(JSON.readTree(clean.out).get("summary").has("skipped"));
  }

  @Test
  void namedOnTheCommandLineANonModelStillExits3() {
    for (String name : List.of("data/arrays.h5", "data/archive.zip")) {
      CliRun run = CliRun.of(NOT_MODELS.resolve(name).toString());
      assertEquals(3, run.exitCode, name);
      assertTrue(
          run.err.contains(": HDF5 file without a Keras model_config attribute")
              || run.err.contains(": zip archive that is neither"),
          run.err);
    }
  }

  @Test
  void anHdf5FileWithAKerasMarkIsAuditedNotSkipped(@TempDir Path dir) throws Exception {
    Files.copy(KERAS.resolve("seed_cnn.h5"), dir.resolve("seed_cnn.h5"));
    Files.copy(
        NOT_MODELS.resolve("data/keras_version_only.h5"), dir.resolve("keras_version_only.h5"));
    CliRun run = CliRun.of("--format", "json", dir.toString());
    assertEquals(3, run.exitCode, run.err);
    assertEquals(List.of("keras_version_only.h5", "seed_cnn.h5"), paths(run, dir));
    assertFalse(JSON.readTree(run.out).get("summary").has("skipped"));
  }

  // Git LFS pointers

  private static final String LFS_ADVICE =
      ": a Git LFS pointer, not the model itself: the model is in Git LFS storage; run 'git lfs"
          + " pull' (in CI: check out with LFS, e.g. actions/checkout with lfs: true)\n";

  @Test
  void aNamedLfsPointerSaysToRunGitLfsPull() throws Exception {
    for (String name : List.of("lfs/seed_cnn.h5", "lfs/images.tar")) {
      Path pointer = NOT_MODELS.resolve(name);
      CliRun run = CliRun.of("--format", "json", pointer.toString());
      assertEquals(3, run.exitCode, run.err);
      assertEquals("model-audit: " + pointer + LFS_ADVICE, run.err);
      JsonNode m = JSON.readTree(run.out).get("models").get(0);
      assertEquals("git-lfs-pointer", m.get("format").asText());
      assertEquals("lfs_pointer", m.get("error").get("kind").asText());
    }
  }

  @Test
  void aScanReportsPointersNamedLikeModelsAndSkipsTheOthers(@TempDir Path dir) throws Exception {
    Files.copy(KERAS.resolve("seed_cnn.h5"), dir.resolve("seed_cnn.h5"));
    Files.createDirectories(dir.resolve("models"));
    Files.copy(NOT_MODELS.resolve("lfs/seed_cnn.h5"), dir.resolve("models/big.h5"));
    Files.copy(NOT_MODELS.resolve("lfs/images.tar"), dir.resolve("images.tar"));
    CliRun run = CliRun.of("--format", "json", "--verbose", dir.toString());
    assertEquals(3, run.exitCode, run.err);
    assertEquals(List.of("models/big.h5", "seed_cnn.h5"), paths(run, dir));
    assertEquals(1, JSON.readTree(run.out).get("summary").get("skipped").asInt());
    assertTrue(
        run.err.contains("model-audit: " + dir.resolve("models/big.h5") + LFS_ADVICE), run.err);
    assertTrue(
        run.err.contains(
            "model-audit: note: "
                + dir.resolve("images.tar")
                + ": skipped: a Git LFS pointer to a file not named like a model"),
        run.err);
  }
}
