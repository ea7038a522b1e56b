package io.modelaudit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modelaudit.detect.ModelFormat;
import io.modelaudit.report.ModelReport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code -j N}: the same bytes on stdout and stderr for every format whatever N, over folders of
 * real fixtures (including unreadable files and a weights-only file paired with its architecture).
 */
class ParallelOrderTest {
  /** Models of every form, with mismatches, unreadable files and weights-only pairs. */
  private static final String[] FOLDERS = {
    "test-models/keras/variants",
    "test-models/keras/weights_only",
    "test-models/keras/crafted_forms",
    "test-models/keras/keras2_dl4j",
    "test-models/dl4j",
    "test-models/malformed",
    "test-models/tfjs"
  };

  private static final List<String> FORMATS =
      List.of("text", "json", "sarif", "junit", "markdown", "csv", "html");

  /** One run writing every format: JSON on stdout, each other format to a file in {@code dir}. */
  private static String[] run(Path dir, String jobs) {
    List<String> args = new ArrayList<>(List.of("--format", "json", "-j", jobs));
    for (String format : FORMATS) {
      args.addAll(List.of("-o", format + "=" + dir.resolve("report." + format)));
    }
    args.addAll(List.of(FOLDERS));
    return CliEnvRun.of(Map.of("GITHUB_ACTIONS", "true"), args.toArray(String[]::new));
  }

  @Test
  void everyFormatIsTheSameWithOneOrFourWorkers(@TempDir Path dir) throws Exception {
    Path one = Files.createDirectory(dir.resolve("one"));
    Path four = Files.createDirectory(dir.resolve("four"));
    String[] sequential = run(one, "1");
    String[] parallel = run(four, "4");
    assertEquals(sequential[0], parallel[0], "exit code");
    assertTrue(sequential[1].length() > 10_000, sequential[1]);
    assertEquals(sequential[1], parallel[1], "stdout");
    assertTrue(sequential[2].contains("::error"), "GitHub annotations: " + sequential[2]);
    assertEquals(sequential[2], parallel[2], "stderr, GitHub annotations included");
    for (String format : FORMATS) {
      String expected = Files.readString(one.resolve("report." + format));
      assertTrue(expected.length() > 1_000, format + ": " + expected);
      assertEquals(expected, Files.readString(four.resolve("report." + format)), format);
    }
  }

  @Test
  void filesAreAuditedInParallelAndHandedOnInOrder(@TempDir Path dir) throws Exception {
    List<ModelFiles.Target> targets = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      Path f = Files.createFile(dir.resolve(String.format("m%02d.h5", i)));
      targets.add(new ModelFiles.Target(f, true, ModelFormat.HDF5));
    }
    Set<String> threads = ConcurrentHashMap.newKeySet();
    List<String> emitted = new ArrayList<>();
    new OrderedAudits(
            targets,
            null,
            t -> {
              threads.add(Thread.currentThread().getName());
              String name = t.file().getFileName().toString();
              // later files finish first
              sleep(name.endsWith("0.h5") ? 30 : 1);
              return new OrderedAudits.Audited(report(t.file()), null);
            },
            4)
        .forEach(a -> emitted.add(Path.of(a.report().path()).getFileName().toString()));
    List<String> expected = targets.stream().map(t -> t.file().getFileName().toString()).toList();
    assertEquals(expected, emitted);
    assertTrue(threads.size() > 1, "audited on " + threads);
  }

  @Test
  void aZeroJobCountIsAUsageError() {
    CliRun run = CliRun.of("-j", "0", "test-models/keras/seed_cnn.h5");
    assertEquals(ExitCodes.USAGE, run.exitCode);
    assertTrue(run.err.contains("-j must be at least 1"), run.err);
  }

  /** Any report will do; this factory keeps the test clear of the record's growing field list. */
  private static ModelReport report(Path file) {
    return ModelReport.error(file.toString(), "x", new ModelReport.ErrorInfo("test", "none"));
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
