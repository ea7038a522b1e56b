package io.modelaudit.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modelaudit.TestPaths;
import io.modelaudit.install.ManifestOnlyJar;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * The benchmark harness's smoke run (bench/compare/harness.py --smoke, one round on the seed model
 * and a DL4J test zip), as CI runs it: the harness works end to end and writes its report, with
 * model-audit's and the floor's rows measured. It times the classes under test through the real
 * launcher (a checkout laid out with a manifest-only jar), so nothing is built; the tools this
 * machine lacks (Keras, DL4J's timing program, h5ls) are left out by the harness itself. No time is
 * asserted: benchmarks are not timed tests.
 */
@DisabledOnOs(value = OS.WINDOWS, disabledReason = "the launcher is a shell script")
class BenchmarkHarnessSmokeTest {
  private static final Pattern MEASURED_ROW =
      Pattern.compile(
          "(?m)^\\| model-audit \\(stored reference\\) \\| [0-9.]+ \\| .* \\| 0 \\| +\\|$");

  @TempDir Path dir;

  @Test
  void theSmokeRunMeasuresModelAuditAndTheFloor() throws Exception {
    Path checkout = dir.resolve("checkout");
    Files.createDirectories(checkout.resolve("target"));
    Path launcher = checkout.resolve("model-audit");
    Files.copy(TestPaths.projectRoot().resolve("model-audit"), launcher);
    Files.setPosixFilePermissions(launcher, PosixFilePermissions.fromString("rwxr-xr-x"));
    ManifestOnlyJar.write(checkout.resolve("target/model-audit.jar"));
    Path out = dir.resolve("BENCHMARKS.md");
    Path log = dir.resolve("harness.log");

    Process harness =
        new ProcessBuilder(
                List.of(
                    "python3",
                    TestPaths.projectRoot().resolve("bench/compare/harness.py").toString(),
                    "--root",
                    TestPaths.projectRoot().toString(),
                    "--cache",
                    dir.resolve("cache").toString(),
                    "--out",
                    out.toString(),
                    "--smoke",
                    "--reps",
                    "1",
                    "--only",
                    "one",
                    "--launcher",
                    launcher.toString()))
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    assertTrue(harness.waitFor(10, TimeUnit.MINUTES), "the smoke run did not end in 10 minutes");
    String said = Files.readString(log, StandardCharsets.UTF_8);
    assertEquals(0, harness.exitValue(), "the harness failed:\n" + said);

    String report = Files.readString(out, StandardCharsets.UTF_8);
    assertTrue(report.contains("### seed model (Keras 3 .h5, 2 Conv2D)"), report);
    assertTrue(report.contains("### DL4J zip (test model)"), report);
    assertEquals(
        2,
        MEASURED_ROW.matcher(report).results().count(),
        "model-audit's row, timed and exit 0, for both models:\n" + report);
    assertTrue(report.contains("| bare JVM `java -Xshare:auto -version` (floor) | "), report);
    assertTrue(report.contains("### Targets"), report);
    assertTrue(
        report.contains("| seed model (Keras 3 .h5, 2 Conv2D): model-audit / floor"), report);
  }
}
