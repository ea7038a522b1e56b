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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code -j N}: the same bytes on stdout and stderr for every format whatever N, over folders of
 * real fixtures (including unreadable files and a weights-only file paired with its architecture).
 */
class ParallelOrderTest {
  private static final String[] FOLDERS = {
    "test-models/keras", "test-models/dl4j", "test-models/malformed", "test-models/tfjs"
  };

  private static String[] args(String format, String jobs) {
    List<String> args = new ArrayList<>(List.of("--format", format, "-j", jobs));
    args.addAll(List.of(FOLDERS));
    return args.toArray(String[]::new);
  }

  @ParameterizedTest
  @ValueSource(strings = {"text", "json", "sarif", "junit"})
  void everyFormatIsTheSameWithOneOrFourWorkers(String format) {
    Map<String, String> github = Map.of("GITHUB_ACTIONS", "true");
    String[] one = CliEnvRun.of(github, args(format, "1"));
    String[] four = CliEnvRun.of(github, args(format, "4"));
    assertEquals(one[0], four[0], "exit code");
    assertTrue(one[1].length() > 10_000, one[1]);
    assertEquals(one[1], four[1], "stdout");
    assertTrue(one[2].contains("::error"), "GitHub annotations on stderr: " + one[2]);
    assertEquals(one[2], four[2], "stderr, GitHub annotations included");
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
