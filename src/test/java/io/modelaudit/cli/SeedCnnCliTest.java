package io.modelaudit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.modelaudit.TestPaths;
import org.junit.jupiter.api.Test;

/**
 * The example the tool grew from, end to end through the command line: Keras 3.15.1 reports conv2d
 * (None, 28, 28, 6) with 456 parameters and conv2d_1 (None, 24, 24, 10) with 1,510.
 */
class SeedCnnCliTest {
  private static final String SEED = TestPaths.kerasModels().resolve("seed_cnn.h5").toString();

  @Test
  void textSummaryShowsKerasNumbers() {
    CliRun run = CliRun.of(SEED);
    assertEquals(0, run.exitCode, run.err);
    assertEquals("", run.err);
    assertTrue(
        run.out.matches("(?s).*conv2d \\(Conv2D\\)\\s+\\(None, 28, 28, 6\\)\\s+456\\s+ok.*"),
        run.out);
    assertTrue(
        run.out.matches("(?s).*conv2d_1 \\(Conv2D\\)\\s+\\(None, 24, 24, 10\\)\\s+1,510\\s+ok.*"),
        run.out);
    assertTrue(run.out.contains("Total params: 1,966"), run.out);
    assertTrue(run.out.contains("Trainable params: 1,966"), run.out);
    assertTrue(run.out.contains("Non-trainable params: 0"), run.out);
    assertTrue(run.out.contains("Findings: none"), run.out);
  }

  @Test
  void jsonReportFollowsSchemaVersion1() throws Exception {
    CliRun run = CliRun.of("--format", "json", "--reference", "stored", SEED);
    assertEquals(0, run.exitCode, run.err);
    JsonNode root = new ObjectMapper().readTree(run.out);
    assertEquals(1, root.get("schema_version").asInt());
    assertEquals("model-audit", root.at("/tool/name").asText());
    JsonNode model = root.at("/models/0");
    assertEquals("keras-h5", model.get("format").asText());
    assertEquals("keras", model.at("/framework/name").asText());
    assertEquals("3.15.1", model.at("/framework/version").asText());
    assertEquals("ok", model.get("status").asText());
    assertTrue(model.get("error").isNull());
    JsonNode conv = null;
    for (JsonNode l : model.get("layers")) {
      if (l.get("name").asText().equals("conv2d")) {
        conv = l;
      }
    }
    assertEquals("Conv2D", conv.get("class").asText());
    assertEquals("conv2d", conv.get("path").asText());
    assertEquals("[[null,28,28,6]]", conv.get("output_shapes").toString());
    assertEquals(456, conv.get("params").asLong());
    assertEquals(456, conv.get("trainable").asLong());
    assertEquals(0, conv.get("non_trainable").asLong());
    assertEquals("[5,5,3,6]", conv.at("/weights/0/shape").toString());
    assertEquals("[5,5,3,6]", conv.at("/weights/0/stored_shape").toString());
    assertEquals(456, conv.at("/references/stored/params").asLong());
    assertEquals("ok", conv.get("status").asText());
    assertEquals("6 × (5·5·3 + 1) = 456", conv.get("formula").asText());
    assertEquals(1966, model.at("/totals/params").asLong());
    assertEquals(1966, model.at("/totals/references/stored").asLong());
    assertEquals(0, model.get("findings").size());
    assertEquals(
        "{\"models\":1,\"ok\":1,\"mismatch\":0,\"error\":0}", root.get("summary").toString());
  }

  @Test
  void foldersAreSearchedRecursively() {
    CliRun run = CliRun.of("--format", "json", TestPaths.kerasModels().toString());
    // variants/ and crafted/ hold files that cannot be audited: exit 3, one line each, the rest
    // reported.
    assertEquals(3, run.exitCode, run.err);
    assertTrue(run.out.contains("seed_cnn.h5"), run.out);
    assertTrue(run.out.contains("functional_nested.h5"), run.out);
    assertTrue(run.out.contains("variants/seed_cnn_wrong_kernel.h5"), run.out);
    assertTrue(run.err.contains("seed_cnn_weights_only.h5: weights-only"), run.err);
    assertTrue(
        run.err.lines().allMatch(l -> l.startsWith("model-audit: " + TestPaths.kerasModels())),
        run.err);
  }

  @Test
  void usageErrorsExitWith2() {
    assertEquals(2, CliRun.of().exitCode);
    assertEquals(2, CliRun.of("--format", "xml", SEED).exitCode);
    assertEquals(2, CliRun.of("--reference", "nonsense", SEED).exitCode);
    assertEquals(2, CliRun.of("--fail-on", "sometimes", SEED).exitCode);
    assertEquals(2, CliRun.of("--timeout", "0", SEED).exitCode);
  }

  @Test
  void aTimeoutBeyondWhatADeadlineCanHoldIsAUsageError() {
    CliRun run = CliRun.of("--timeout", "99999999999999999", SEED);
    assertEquals(2, run.exitCode, run.err);
    assertEquals(
        "model-audit: --timeout must be at most 9223372036 seconds (about 292 years)\n",
        run.err.replace("\r\n", "\n").lines().findFirst().orElse("") + "\n",
        run.err);
    // the largest accepted value runs normally
    assertEquals(0, CliRun.of("--timeout", "9223372036", SEED).exitCode);
  }
}
