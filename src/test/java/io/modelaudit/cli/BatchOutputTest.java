package io.modelaudit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a batch run prints: files that could not be audited named in the text report, {@code
 * --quiet}, {@code --only-problems}, and one audit per file however often it is named.
 */
class BatchOutputTest {
  private static final String SEED = "test-models/keras/seed_cnn.h5";
  private static final String WRONG_KERNEL = "test-models/keras/variants/seed_cnn_wrong_kernel.h5";
  private static final String CORRUPT = "test-models/malformed/hdf5/root_header_2gb.h5";
  private static final ObjectMapper JSON = new ObjectMapper();

  private static List<String> paths(String json) throws Exception {
    List<String> out = new ArrayList<>();
    for (JsonNode m : JSON.readTree(json).get("models")) {
      out.add(m.get("path").asText());
    }
    return out;
  }

  @Test
  void aFileThatCouldNotBeAuditedIsNamedInTheTextReport() {
    CliRun run = CliRun.of(SEED, CORRUPT);
    assertEquals(ExitCodes.UNREADABLE, run.exitCode, run.err);
    assertTrue(
        run.out.contains(
            CORRUPT
                + "  keras-h5\nNot audited (corrupt): truncated or corrupt HDF5 file (Failed to load"
                + " attributes for '//' at address '96')\n"),
        run.out);
    assertTrue(run.out.endsWith("2 models: 1 ok, 0 with mismatches, 1 could not be read\n"));
    assertTrue(run.err.startsWith("model-audit: " + CORRUPT + ": truncated"), run.err);
  }

  @Test
  void quietPrintsOnlyFindingsAndFilesNotAudited(@TempDir Path dir) throws Exception {
    Path copy = Files.copy(Path.of(SEED), dir.resolve("copy.h5"));
    Path link = Files.createSymbolicLink(dir.resolve("link.h5"), copy);
    CliRun run =
        CliRun.of("--quiet", SEED, WRONG_KERNEL, CORRUPT, copy.toString(), link.toString());
    assertEquals(ExitCodes.UNREADABLE, run.exitCode);
    assertEquals(
        List.of(
            WRONG_KERNEL
                + ": error WEIGHT_SHAPE_MISMATCH conv2d_1: kernel: expected (5, 5, 6, 10), stored"
                + " 'sequential/conv2d_1/kernel' is (5, 5, 6, 9)",
            WRONG_KERNEL
                + ": error PARAM_MISMATCH conv2d_1: expected 1,510 parameters, the file stores"
                + " 1,360",
            CORRUPT
                + ": not audited (corrupt): truncated or corrupt HDF5 file (Failed to load"
                + " attributes for '//' at address '96')"),
        run.out.lines().toList());
    // the error line stays; the note on the link audited once does not
    assertEquals(1, run.err.lines().count(), run.err);
    assertTrue(run.err.startsWith("model-audit: " + CORRUPT + ": "), run.err);

    CliRun clean = CliRun.of("-q", SEED);
    assertEquals(0, clean.exitCode);
    assertEquals("", clean.out + clean.err);
  }

  @Test
  void quietAndVerboseTogetherAreAUsageError() {
    CliRun run = CliRun.of("--quiet", "--verbose", SEED);
    assertEquals(ExitCodes.USAGE, run.exitCode);
    assertTrue(run.err.contains("--quiet and --verbose cannot be used together"), run.err);
  }

  @Test
  void onlyProblemsLeavesOutCleanModelsAndCleanLayers() throws Exception {
    CliRun text = CliRun.of("--only-problems", SEED, WRONG_KERNEL, CORRUPT);
    assertEquals(ExitCodes.UNREADABLE, text.exitCode);
    assertFalse(text.out.contains(SEED + "  "), text.out);
    assertTrue(text.out.contains("conv2d_1 (Conv2D)  (None, 24, 24, 10)    1,510  mismatch"));
    assertFalse(text.out.contains("conv2d (Conv2D)"), "a layer without problem: " + text.out);
    assertTrue(text.out.contains(CORRUPT + "  keras-h5\nNot audited"), text.out);
    assertTrue(text.out.contains("3 models: 1 ok, 1 with mismatches, 1 could not be read"));

    CliRun json = CliRun.of("--only-problems", "--format", "json", SEED, WRONG_KERNEL, CORRUPT);
    assertEquals(List.of(WRONG_KERNEL, CORRUPT), paths(json.out));
    JsonNode report = JSON.readTree(json.out);
    List<String> layers = new ArrayList<>();
    report.get("models").get(0).get("layers").forEach(l -> layers.add(l.get("name").asText()));
    assertEquals(List.of("conv2d_1"), layers);
    assertEquals(3, report.get("summary").get("models").asInt(), "every file counted");
  }

  @Test
  void theSameFileNamedSeveralWaysIsAuditedOnce(@TempDir Path dir) throws Exception {
    Path folder = Files.createDirectory(dir.resolve("models"));
    Path model = Files.copy(Path.of(SEED), folder.resolve("seed.h5"));
    Path link = Files.createSymbolicLink(dir.resolve("link.h5"), model);
    String dotted = folder.resolve(".").resolve("seed.h5").toString();
    CliRun run =
        CliRun.of(
            "--format",
            "json",
            model.toString(),
            dotted,
            link.toString(),
            folder.toString(),
            model.toString());
    assertEquals(0, run.exitCode, run.err);
    assertEquals(List.of(model.toString()), paths(run.out));
    assertEquals(
        List.of(
            "model-audit: note: " + dotted + ": audited once: the same file as " + model,
            "model-audit: note: " + link + ": audited once: the same file as " + model,
            "model-audit: note: " + model + ": named more than once: audited once",
            "model-audit: note: " + model + ": named more than once: audited once"),
        run.err.lines().toList());
  }
}
