package io.modelaudit.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.modelaudit.TestPaths;
import io.modelaudit.gate.LockPaths;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The baseline/check cycle on models Keras wrote (test-models/keras/diff, see its README): the
 * numbers expected in the output are Keras' own, from each file's {@code .expected.json}.
 */
class BaselineCheckCliTest {
  private static final Path DIFF = TestPaths.kerasModels().resolve("diff");
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path tmp;
  private Path models;
  private Path lock;

  @BeforeEach
  void copyModels() throws IOException {
    models = Files.createDirectories(tmp.resolve("models"));
    lock = tmp.resolve("model-audit.lock");
    copy(DIFF.resolve("base.h5"), "dense_net.h5");
    copy(TestPaths.kerasModels().resolve("seed_cnn.h5"), "seed_cnn.h5");
  }

  private void copy(Path from, String name) throws IOException {
    Files.copy(from, models.resolve(name), StandardCopyOption.REPLACE_EXISTING);
  }

  private CliRun baseline(String... more) {
    String[] args = new String[more.length + 4];
    args[0] = "baseline";
    args[1] = models.toString();
    args[2] = "-o";
    args[3] = lock.toString();
    System.arraycopy(more, 0, args, 4, more.length);
    return CliRun.of(args);
  }

  private CliRun check(String... more) {
    String[] args = new String[more.length + 4];
    args[0] = "check";
    args[1] = "--baseline";
    args[2] = lock.toString();
    System.arraycopy(more, 0, args, 3, more.length);
    args[args.length - 1] = models.toString();
    return CliRun.of(args);
  }

  private static JsonNode expected(String name) throws IOException {
    return JSON.readTree(DIFF.resolve(name + ".expected.json").toFile());
  }

  private static JsonNode expectedLayer(String model, String layer) throws IOException {
    for (JsonNode l : expected(model).get("layers")) {
      if (l.get("name").asText().equals(layer)) {
        return l;
      }
    }
    throw new AssertionError(layer + " not in " + model);
  }

  private static String count(long n) {
    return String.format(Locale.ROOT, "%,d", n);
  }

  @Test
  void aCleanCheckPasses() {
    CliRun made = baseline();
    assertEquals(0, made.exitCode, made.err);
    assertTrue(made.out.contains("Recorded 2 models in " + lock), made.out);
    CliRun run = check();
    assertEquals(0, run.exitCode, run.out + run.err);
    assertEquals(2, run.out.split("Baseline: unchanged", -1).length - 1, run.out);
    assertTrue(
        run.out.contains(
            "Baseline "
                + lock
                + ": 2 unchanged, 0 retrained, 0 drifted, 0 new, 0 gone, 0 over a limit"),
        run.out);
  }

  @Test
  void theLockHoldsRelativePathsAndIsByteStable() throws IOException {
    assertEquals(0, baseline().exitCode);
    byte[] first = Files.readAllBytes(lock);
    assertEquals(0, baseline().exitCode);
    assertArrayEquals(first, Files.readAllBytes(lock));
    JsonNode root = JSON.readTree(first);
    assertEquals(1, root.get("lock_version").asInt());
    assertEquals(2, root.get("models").size());
    String previous = "";
    for (JsonNode m : root.get("models")) {
      String path = m.get("path").asText();
      assertFalse(Path.of(path).isAbsolute(), path);
      assertFalse(path.contains("\\"), path);
      assertTrue(path.compareTo(previous) > 0, "sorted: " + previous + " before " + path);
      assertEquals(LockPaths.of(models.resolve(Path.of(path).getFileName())), path);
      assertEquals(64, m.get("sha256").asText().length());
      previous = path;
    }
    String text = new String(first, java.nio.charset.StandardCharsets.UTF_8);
    assertFalse(text.contains("\"" + tmp), "an absolute path in the lock:\n" + text);
    assertFalse(text.contains("\r"));
    assertTrue(text.endsWith("}\n"));
    JsonNode dense = root.get("models").get(0);
    assertEquals(
        expected("base").get("totals").get("params").asLong(),
        dense.get("totals").get("params").asLong());
  }

  @Test
  void aModelThatDriftedFailsWithTheLayersThatChanged() throws IOException {
    assertEquals(0, baseline().exitCode);
    copy(DIFF.resolve("one_more_layer.h5"), "dense_net.h5");
    CliRun run = check();
    assertEquals(1, run.exitCode, run.out + run.err);
    JsonNode added = expectedLayer("one_more_layer", "hidden_2");
    assertTrue(run.out.contains("Baseline: drifted from the lock:"), run.out);
    assertTrue(
        run.out.contains(
            "  + hidden_2 (Dense): added, output (None, 16), "
                + count(added.get("params").asLong())
                + " params"),
        run.out);
    long before = expected("base").get("totals").get("params").asLong();
    long after = expected("one_more_layer").get("totals").get("params").asLong();
    assertTrue(run.out.contains("totals: params " + count(before) + " → " + count(after)), run.out);
    assertTrue(run.out.contains("1 unchanged, 0 retrained, 1 drifted"), run.out);
  }

  @Test
  void aWiderLayerIsShownChanged() throws IOException {
    assertEquals(0, baseline().exitCode);
    copy(DIFF.resolve("wider_hidden.h5"), "dense_net.h5");
    CliRun run = check();
    assertEquals(1, run.exitCode);
    long before = expectedLayer("base", "hidden").get("params").asLong();
    long after = expectedLayer("wider_hidden", "hidden").get("params").asLong();
    assertTrue(
        run.out.contains(
            "  ~ hidden (Dense): config.units 16 → 24; output_shapes (None, 16) → (None, 24); params "
                + count(before)
                + " → "
                + count(after)),
        run.out);
  }

  @Test
  void aNewModelFails() throws IOException {
    assertEquals(0, baseline().exitCode);
    copy(DIFF.resolve("wider_hidden.h5"), "wider.h5");
    CliRun run = check();
    assertEquals(1, run.exitCode);
    assertTrue(run.out.contains("Baseline: new: not in the lock"), run.out);
    assertTrue(run.out.contains("2 unchanged, 0 retrained, 0 drifted, 1 new, 0 gone"), run.out);
  }

  @Test
  void aGoneModelFails() throws IOException {
    assertEquals(0, baseline().exitCode);
    Files.delete(models.resolve("seed_cnn.h5"));
    CliRun run = check();
    assertEquals(1, run.exitCode);
    assertTrue(
        run.out.contains(
            "  gone: " + LockPaths.of(models.resolve("seed_cnn.h5")) + " (in the lock, not found)"),
        run.out);
  }

  @Test
  void aModelOfTheLockOutsideThePathsCheckedIsNotGone() throws IOException {
    assertEquals(0, baseline().exitCode);
    CliRun run =
        CliRun.of(
            "check", "--baseline", lock.toString(), models.resolve("dense_net.h5").toString());
    assertEquals(0, run.exitCode, run.out);
    assertTrue(run.out.contains("1 unchanged, 0 retrained, 0 drifted, 0 new, 0 gone"), run.out);
  }

  @Test
  void limitsFromTheCommandLineAndFromTheLock() throws IOException {
    long params = expected("base").get("totals").get("params").asLong();
    assertEquals(0, baseline().exitCode);
    CliRun over = check("--max-params", Long.toString(params - 1));
    assertEquals(1, over.exitCode, over.out);
    assertTrue(
        over.out.contains(
            "Baseline: over the limit max_params: "
                + count(params)
                + ", more than "
                + count(params - 1)),
        over.out);
    assertEquals(0, check("--max-params", Long.toString(params + 10_000)).exitCode);

    assertEquals(0, baseline("--max-params", Long.toString(params - 1)).exitCode);
    assertTrue(Files.readString(lock).contains("\"max_params\": " + (params - 1)));
    assertEquals(1, check().exitCode, "the lock's limit applies");
    assertEquals(0, check("--max-params", "100000").exitCode, "the command line's wins");
    assertEquals(0, baseline().exitCode);
    assertTrue(
        Files.readString(lock).contains("\"max_params\": " + (params - 1)),
        "baseline again keeps the lock's limits");
    assertEquals(1, check("--max-file-bytes", "1000").exitCode);
  }

  @Test
  void retrainedWeightsPassUnlessAskedOtherwise() throws IOException {
    assertEquals(0, baseline().exitCode);
    copy(DIFF.resolve("base_retrained.h5"), "dense_net.h5");
    CliRun run = check();
    assertEquals(0, run.exitCode, run.out + run.err);
    assertTrue(
        run.out.contains(
            "Baseline: retrained: the file's bytes changed, its audit did not (passes)"),
        run.out);
    assertTrue(run.out.contains("1 unchanged, 1 retrained, 0 drifted"), run.out);
    assertEquals(1, check("--fail-on-retrained").exitCode);
  }

  @Test
  void aModelThatMismatchesItsWeightsFailsAsAlways() throws IOException {
    copy(TestPaths.kerasModels().resolve("variants/seed_cnn_wrong_kernel.h5"), "seed_cnn.h5");
    assertEquals(1, baseline().exitCode, "baseline reports the findings");
    assertTrue(Files.exists(lock), "and records the models all the same");
    assertEquals(1, check().exitCode);
    assertEquals(0, check("--fail-on", "never").exitCode, "--fail-on applies");
  }

  @Test
  void theJsonReportGetsABaselineSection() throws IOException {
    assertEquals(0, baseline().exitCode);
    copy(DIFF.resolve("one_more_layer.h5"), "dense_net.h5");
    Files.delete(models.resolve("seed_cnn.h5"));
    CliRun run = check("--format", "json");
    assertEquals(1, run.exitCode);
    JsonNode root = JSON.readTree(run.out);
    assertEquals(1, root.get("schema_version").asInt());
    JsonNode b = root.get("models").get(0).get("baseline");
    assertEquals("drifted", b.get("status").asText());
    JsonNode change = b.get("changes").get("layers").get(0);
    assertEquals("added", change.get("change").asText());
    assertEquals("hidden_2", change.get("name").asText());
    assertEquals(
        expectedLayer("one_more_layer", "hidden_2").get("params").asLong(),
        change.get("after").get("params").asLong());
    JsonNode summary = root.get("baseline");
    assertEquals(1, summary.get("summary").get("drifted").asInt());
    assertEquals(1, summary.get("summary").get("gone").asInt());
    assertTrue(summary.get("fails").asBoolean());
  }

  @Test
  void theJsonReportOfCheckFitsTheSchema() throws IOException {
    assertEquals(0, baseline().exitCode);
    copy(DIFF.resolve("one_more_layer.h5"), "dense_net.h5");
    copy(DIFF.resolve("renamed_hidden.h5"), "renamed.h5");
    Files.delete(models.resolve("seed_cnn.h5"));
    CliRun run = check("--format", "json", "--max-params", "100");
    assertEquals(1, run.exitCode);
    Schema schema =
        SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
            .getSchema(
                Files.readString(TestPaths.projectRoot().resolve("docs/report.schema.json")),
                InputFormat.JSON);
    List<Error> errors = schema.validate(run.out, InputFormat.JSON);
    assertTrue(errors.isEmpty(), errors + "\n" + run.out);
  }

  @Test
  void underGithubActionsWhatFailsIsAnnotated() throws IOException {
    assertEquals(0, baseline().exitCode);
    copy(DIFF.resolve("one_more_layer.h5"), "dense_net.h5");
    Files.delete(models.resolve("seed_cnn.h5"));
    java.io.StringWriter out = new java.io.StringWriter();
    java.io.StringWriter err = new java.io.StringWriter();
    int code =
        Main.run(
            new java.io.PrintWriter(out),
            new java.io.PrintWriter(err),
            false,
            java.util.Map.of("GITHUB_ACTIONS", "true"),
            "check",
            "--baseline",
            lock.toString(),
            models.toString());
    assertEquals(1, code);
    String dense = LockPaths.of(models.resolve("dense_net.h5"));
    assertTrue(
        err.toString()
            .contains(
                "::error file="
                    + dense
                    + ",title=BASELINE_DRIFT::drifted from "
                    + lock
                    + ": + hidden_2 (Dense): added"),
        err.toString());
    assertTrue(
        err.toString()
            .contains(
                "::error file="
                    + LockPaths.of(models.resolve("seed_cnn.h5"))
                    + ",title=BASELINE_GONE::in "),
        err.toString());
  }

  @Test
  void aMissingOrBrokenLockIsRefused() throws IOException {
    CliRun missing = check();
    assertEquals(2, missing.exitCode);
    assertTrue(missing.err.contains("no such file"), missing.err);
    Files.writeString(lock, "{\"models\": []}");
    CliRun broken = check();
    assertEquals(3, broken.exitCode);
    assertTrue(broken.err.contains("not a model-audit lock file"), broken.err);
  }

  @Test
  void baselineWritesNoLockWhenAFileCannotBeAudited() throws IOException {
    Files.writeString(models.resolve("broken.h5"), "not a model");
    CliRun run =
        CliRun.of("baseline", models.resolve("broken.h5").toString(), "-o", lock.toString());
    assertEquals(3, run.exitCode);
    assertFalse(Files.exists(lock));
  }

  @Test
  void onlyTheFirstArgumentNamesACommand() {
    assertTrue(GateCommands.handles(new String[] {"check", "x"}));
    assertFalse(GateCommands.handles(new String[] {"./check"}));
    assertFalse(GateCommands.handles(new String[] {"--format", "json", "check"}));
  }
}
