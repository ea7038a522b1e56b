package io.modelaudit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code -o FORMAT=FILE}: several formats from one run, each as it would be on stdout. */
class ReportFilesTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String SEED = "test-models/keras/seed_cnn.h5";
  private static final String WRONG_KERNEL = "test-models/keras/variants/seed_cnn_wrong_kernel.h5";
  private static final String WEIGHTS_ONLY = "test-models/keras/variants/seed_cnn_weights_only.h5";

  @Test
  void everyFormatAtOnceEachAsOnStdout(@TempDir Path dir) throws Exception {
    String[] models = {SEED, WRONG_KERNEL, WEIGHTS_ONLY};
    Path sarif = dir.resolve("results.sarif");
    Path junit = dir.resolve("junit.xml");
    Path json = dir.resolve("report.json");
    Path text = dir.resolve("report.txt");
    CliRun all =
        CliRun.of(
            "--format",
            "json",
            "-o",
            "sarif=" + sarif,
            "-o",
            "JUNIT=" + junit,
            "-o",
            "json=" + json,
            "-o",
            "text=" + text,
            SEED,
            WRONG_KERNEL,
            WEIGHTS_ONLY);
    CliRun jsonAlone = CliRun.of(args(models, "--format", "json"));
    assertEquals(jsonAlone.exitCode, all.exitCode);
    assertEquals(3, all.exitCode);
    assertEquals(jsonAlone.out, all.out, "stdout is unchanged by -o");
    assertEquals(jsonAlone.err, all.err);
    assertEquals(jsonAlone.out, Files.readString(json));
    assertEquals(CliRun.of(args(models, "--no-color")).out, Files.readString(text));
    assertEquals(CliRun.of(args(models, "--format", "sarif")).out, Files.readString(sarif));
    assertEquals(CliRun.of(args(models, "--format", "junit")).out, Files.readString(junit));
    JsonNode results = JSON.readTree(Files.readString(sarif)).at("/runs/0/results");
    assertTrue(results.size() >= 3);
    assertEquals(
        3,
        JunitReportTest.children(
                JunitReportTest.parse(Files.readString(junit)).getDocumentElement(), "testsuite")
            .size());
  }

  @Test
  void aFileThatCannotBeWrittenIsAUsageErrorBeforeAnyAudit(@TempDir Path dir) throws Exception {
    Path missing = dir.resolve("no-such-folder/results.sarif");
    CliRun run = CliRun.of("-o", "sarif=" + missing, SEED);
    assertEquals(ExitCodes.USAGE, run.exitCode);
    assertEquals("", run.out, "nothing audited");
    assertEquals(
        "model-audit: -o sarif=" + missing + ": cannot write the file (its folder does not exist)",
        run.err.strip());

    run = CliRun.of("-o", "junit=" + dir, SEED);
    assertEquals(ExitCodes.USAGE, run.exitCode);
    assertEquals(1, run.err.lines().count(), run.err);
    assertTrue(run.err.startsWith("model-audit: -o junit=" + dir + ": cannot write the file ("));
  }

  /** A write that fails after the file was opened (a full disk) is reported at the end. */
  @Test
  void aFileThatFailsWhileWrittenIsReportedAtTheEnd() {
    Path full = Path.of("/dev/full");
    Assumptions.assumeTrue(Files.isWritable(full), "no /dev/full here");
    CliRun run = CliRun.of("-o", "json=" + full, SEED);
    assertEquals(ExitCodes.USAGE, run.exitCode, run.err);
    assertEquals(CliRun.of(SEED).out, run.out, "stdout is still the whole report");
    assertEquals(
        "model-audit: -o json=/dev/full: the file could not be written completely",
        run.err.strip());
  }

  @Test
  void wrongSpecificationsAreUsageErrors(@TempDir Path dir) {
    for (String spec : new String[] {"xml=a.xml", "sarif", "sarif=", "=a.sarif"}) {
      CliRun run = CliRun.of("-o", spec, SEED);
      assertEquals(ExitCodes.USAGE, run.exitCode, spec);
      assertTrue(run.err.contains("FORMAT=FILE"), run.err);
      assertTrue(run.err.contains("text, json, sarif, junit") || spec.startsWith("sarif"), run.err);
    }
    Path same = dir.resolve("r.out");
    CliRun run = CliRun.of("-o", "sarif=" + same, "-o", "junit=" + same, SEED);
    assertEquals(ExitCodes.USAGE, run.exitCode);
    assertTrue(run.err.contains("name the same file"), run.err);
    assertFalse(Files.exists(same));
  }

  @Test
  void aBareFileTakesTheFormatReportInsteadOfStdout(@TempDir Path dir) throws Exception {
    Path html = dir.resolve("seed.html");
    Path csv = dir.resolve("seed.csv");
    CliRun run = CliRun.of("--format", "html", "-o", html.toString(), "-o", "csv=" + csv, SEED);
    assertEquals(ExitCodes.CLEAN, run.exitCode, run.err);
    assertEquals("", run.out, "stdout is left empty");
    assertEquals(CliRun.of("--format", "html", SEED).out, Files.readString(html));
    assertEquals(CliRun.of("--format", "csv", SEED).out, Files.readString(csv));
  }

  @Test
  void twoBareFilesOrAFormatNameAloneAreUsageErrors(@TempDir Path dir) {
    CliRun two =
        CliRun.of(
            "-o", dir.resolve("a.txt").toString(), "-o", dir.resolve("b.txt").toString(), SEED);
    assertEquals(ExitCodes.USAGE, two.exitCode);
    assertTrue(two.err.contains("only one file can take the --format report"), two.err);
    CliRun name = CliRun.of("-o", "html", SEED);
    assertEquals(ExitCodes.USAGE, name.exitCode);
    assertTrue(name.err.contains("markdown, csv, html"), name.err);
  }

  /** The options, then the models. */
  private static String[] args(String[] models, String... options) {
    String[] all = new String[options.length + models.length];
    System.arraycopy(options, 0, all, 0, options.length);
    System.arraycopy(models, 0, all, options.length, models.length);
    return all;
  }
}
