package io.modelaudit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.modelaudit.TestPaths;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A suppressed finding in every report format: JSON and SARIF still fit their schemas, JUnit does
 * not count it as a failure, and GitHub shows it as a notice, not an error.
 */
class SuppressedReportsTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String WRONG_KERNEL =
      TestPaths.kerasModels().resolve("variants/seed_cnn_wrong_kernel.h5").toString();
  private static final String REASON = "kept for the 2019 comparison";

  private static String accepted(Path dir) throws Exception {
    return Files.writeString(
            dir.resolve("accepted.yml"),
            "suppressions:\n  - rule: PARAM_MISMATCH\n    layer: conv2d_1\n    reason: "
                + REASON
                + "\n")
        .toString();
  }

  private static List<Error> validate(String schemaText, SpecificationVersion version, String doc) {
    var schema = SchemaRegistry.withDefaultDialect(version).getSchema(schemaText, InputFormat.JSON);
    schema.initializeValidators();
    return schema.validate(doc, InputFormat.JSON);
  }

  @Test
  void jsonFitsTheSchemaWithTheReason(@TempDir Path dir) throws Exception {
    CliRun run = CliRun.of("--format", "json", "--suppressions", accepted(dir), WRONG_KERNEL);
    assertEquals(1, run.exitCode, run.err); // WEIGHT_SHAPE_MISMATCH is not suppressed
    String schema = Files.readString(TestPaths.projectRoot().resolve("docs/report.schema.json"));
    assertEquals(List.of(), validate(schema, SpecificationVersion.DRAFT_2020_12, run.out));
    JsonNode findings = JSON.readTree(run.out).get("models").get(0).get("findings");
    assertFalse(findings.get(0).has("suppressed"));
    assertEquals(REASON, findings.get(1).get("suppressed").get("reason").asText());
  }

  @Test
  void sarifCarriesAnAcceptedExternalSuppression(@TempDir Path dir) throws Exception {
    CliRun run = CliRun.of("--format", "sarif", "--suppressions", accepted(dir), WRONG_KERNEL);
    String schema;
    try (InputStream in = getClass().getResourceAsStream("/sarif/sarif-schema-2.1.0.json")) {
      schema = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    assertEquals(List.of(), validate(schema, SpecificationVersion.DRAFT_4, run.out));
    JsonNode results = JSON.readTree(run.out).get("runs").get(0).get("results");
    assertFalse(results.get(0).has("suppressions"));
    JsonNode s = results.get(1).get("suppressions").get(0);
    assertEquals("PARAM_MISMATCH", results.get(1).get("ruleId").asText());
    assertEquals("external", s.get("kind").asText());
    assertEquals("accepted", s.get("status").asText());
    assertEquals(REASON, s.get("justification").asText());
  }

  @Test
  void junitCountsOnlyTheOtherError(@TempDir Path dir) throws Exception {
    String all =
        Files.writeString(
                dir.resolve("all.yml"),
                "suppressions:\n"
                    + "  - rule: PARAM_MISMATCH\n    reason: a\n"
                    + "  - rule: WEIGHT_SHAPE_MISMATCH\n    reason: b\n")
            .toString();
    CliRun run = CliRun.of("--format", "junit", "--suppressions", all, WRONG_KERNEL);
    assertEquals(0, run.exitCode, run.err);
    assertFalse(run.out.contains("<failure"), run.out);
    assertTrue(run.out.contains("failures=\"0\""), run.out);
    assertTrue(run.out.contains("suppressed error PARAM_MISMATCH: "), run.out);
    assertTrue(run.out.contains(" (reason: a)"), run.out);
  }

  @Test
  void githubShowsASuppressedFindingAsANotice(@TempDir Path dir) throws Exception {
    String[] run =
        CliEnvRun.of(
            Map.of("GITHUB_ACTIONS", "true"), "--suppressions", accepted(dir), WRONG_KERNEL);
    assertEquals("1", run[0]);
    // the file property is the path relative to the working directory
    assertTrue(
        run[2].contains(
            "/seed_cnn_wrong_kernel.h5,title=PARAM_MISMATCH::suppressed ("
                + REASON
                + "): conv2d_1: expected 1,510"),
        run[2]);
    assertTrue(run[2].startsWith("::notice file=") || run[2].contains("\n::notice file="), run[2]);
    assertTrue(run[2].contains(".h5,title=WEIGHT_SHAPE_MISMATCH::"), run[2]);
    assertTrue(run[2].contains("::error file="), run[2]);
  }
}
