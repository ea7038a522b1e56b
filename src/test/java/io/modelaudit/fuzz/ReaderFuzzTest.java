package io.modelaudit.fuzz;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.modelaudit.TestPaths;
import io.modelaudit.audit.ModelAuditor;
import io.modelaudit.report.ModelReport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * Coverage-guided fuzzing (Jazzer) of every reader entry point, through the path the CLI takes: the
 * bytes are written to a file and audited by {@link ModelAuditor}, format detection included. A
 * damaged file may give any report, an error report included; what must never happen is an
 * exception escaping the audit, an out-of-memory error, or a file that takes longer than {@link
 * #PER_INPUT_LIMIT}.
 *
 * <p>{@code mvn test} replays the seeds and the committed crash inputs under
 * src/test/resources/io/modelaudit/fuzz/ReaderFuzzTestInputs/&lt;method&gt;/; with JAZZER_FUZZ=1
 * one method fuzzes (see docs/testing.md).
 */
class ReaderFuzzTest {
  /**
   * The CLI's own per-file limit is 60 s; a small fuzzed input that needs 10 s is a hang. (Not
   * JUnit's @Timeout: while fuzzing, that bounds the whole run, not one input.)
   */
  private static final Duration PER_INPUT_LIMIT = Duration.ofSeconds(10);

  /** One committed model per reader, audited before the first input (see {@link #warmUp}). */
  private static final List<String> WARM_UP =
      List.of(
          "keras/seed_cnn.h5",
          "keras/seed_cnn.keras",
          "keras/seed_cnn.json",
          "tfjs/reshape_null/model.json",
          "dl4j/graph_merge.zip");

  private static Path dir;
  private static ModelAuditor auditor;
  private static boolean warm;

  @BeforeAll
  static void setUp() throws IOException {
    dir = Files.createTempDirectory("model-audit-fuzz");
    // The same worker thread (deep stack) and time limit as the CLI; no out-of-process reference.
    auditor = new ModelAuditor(Map.of(), null, List.of(), PER_INPUT_LIMIT);
  }

  @AfterAll
  static void tearDown() throws IOException {
    auditor.close();
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(ReaderFuzzTest::delete);
    }
  }

  @FuzzTest
  void kerasH5(FuzzedDataProvider data) {
    audit("model.h5", data);
  }

  @FuzzTest
  void kerasArchive(FuzzedDataProvider data) {
    audit("model.keras", data);
  }

  /** A .keras archive whose weights are an npz of pickles (formats/numpy). */
  @FuzzTest
  void kerasNpzArchive(FuzzedDataProvider data) {
    audit("npz_model.keras", data);
  }

  @FuzzTest
  void kerasArchitectureJson(FuzzedDataProvider data) {
    audit("architecture.json", data);
  }

  /** model.json beside a real weight shard: the JSON is fuzzed, the shard stays the same. */
  @FuzzTest
  void tfjsModelJson(FuzzedDataProvider data) throws IOException {
    Path tfjs = dir.resolve("tfjs");
    Path shard = tfjs.resolve("group1-shard1of1.bin");
    if (!Files.exists(shard)) {
      Files.createDirectories(tfjs);
      Files.copy(TestPaths.testModels().resolve("tfjs/reshape_null/group1-shard1of1.bin"), shard);
    }
    audit("tfjs/model.json", data);
  }

  @FuzzTest
  void dl4jZip(FuzzedDataProvider data) {
    audit("model.zip", data);
  }

  @FuzzTest
  void dl4jConfigurationJson(FuzzedDataProvider data) {
    audit("configuration.json", data);
  }

  /**
   * The first audit in a JVM loads, and while fuzzing instruments, several hundred classes: on a
   * busy 2-core machine that took 10 s, and the first real input was reported as a hang. So the
   * first input waits until each reader has run once.
   */
  private static void warmUp() {
    if (!warm) {
      warm = true;
      WARM_UP.forEach(m -> auditor.audit(TestPaths.testModels().resolve(m)));
    }
  }

  private static void audit(String name, FuzzedDataProvider data) {
    warmUp();
    Path file = dir.resolve(name);
    try {
      Files.write(file, data.consumeRemainingAsBytes());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    ModelReport report = auditor.audit(file);
    if (report.error() != null && report.error().kind().equals("timeout")) {
      throw new AssertionError("hang: no answer within " + PER_INPUT_LIMIT.toSeconds() + " s");
    }
  }

  private static void delete(Path p) {
    try {
      Files.delete(p);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
