package io.modelaudit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.modelaudit.TestPaths;
import io.modelaudit.compare.Rule;
import io.modelaudit.report.ArtifactUri;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code --format sarif} fits the official SARIF 2.1.0 schema (src/test/resources/sarif), names
 * every rule with its help, and gives each finding and each unreadable file a result located at the
 * file and at the layer.
 */
class SarifReportTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String WRONG_KERNEL = "test-models/keras/variants/seed_cnn_wrong_kernel.h5";
  private static final String WEIGHTS_ONLY = "test-models/keras/variants/seed_cnn_weights_only.h5";
  private static Schema schema;

  @BeforeAll
  static void loadSchema() throws Exception {
    try (InputStream in =
        SarifReportTest.class.getResourceAsStream("/sarif/sarif-schema-2.1.0.json")) {
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      schema =
          SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_4)
              .getSchema(text, InputFormat.JSON);
    }
    schema.initializeValidators();
  }

  private static List<Error> validate(String sarif) {
    return schema.validate(sarif, InputFormat.JSON);
  }

  private static String describe(List<Error> errors) {
    return errors.stream()
        .limit(20)
        .map(e -> e.getInstanceLocation() + ": " + e.getMessage())
        .collect(Collectors.joining("\n"));
  }

  @Test
  void everyTestModelsReportFitsTheSchemaWithOneResultPerFindingAndUnreadableFile()
      throws Exception {
    String folder = TestPaths.testModels().toString();
    CliRun sarif = CliRun.of("--format", "sarif", "--fail-on", "never", folder);
    List<Error> errors = validate(sarif.out);
    assertTrue(errors.isEmpty(), describe(errors));

    JsonNode json = JSON.readTree(CliRun.of("--format", "json", "--fail-on", "never", folder).out);
    int expected = 0;
    for (JsonNode m : json.get("models")) {
      expected += m.get("findings").size() + (m.get("error").isNull() ? 0 : 1);
    }
    JsonNode results = JSON.readTree(sarif.out).at("/runs/0/results");
    assertTrue(expected > 50, "the test models give findings and errors: " + expected);
    assertEquals(expected, results.size());
    Set<String> levels = new HashSet<>();
    results.forEach(r -> levels.add(r.get("level").asText()));
    assertEquals(Set.of("error", "warning", "note"), levels);
  }

  @Test
  void everyCorpusReportFitsTheSchema() throws Exception {
    String corpus = TestPaths.corpus().toString();
    CliRun sarif = CliRun.of("--format", "sarif", "--fail-on", "never", corpus);
    List<Error> errors = validate(sarif.out);
    assertTrue(errors.isEmpty(), describe(errors));
    assertTrue(JSON.readTree(sarif.out).at("/runs/0/results").size() > 10);
  }

  @Test
  void theDriverNamesEveryRuleWithHelpFromTheFindingsPage() throws Exception {
    CliRun run =
        CliRun.of("--format", "sarif", TestPaths.kerasModels().resolve("seed_cnn.h5").toString());
    assertEquals(0, run.exitCode, run.err);
    JsonNode driver = JSON.readTree(run.out).at("/runs/0/tool/driver");
    assertEquals("model-audit", driver.get("name").asText());
    assertEquals(AuditCommand.VERSION, driver.get("version").asText());
    JsonNode rules = driver.get("rules");
    assertEquals(Rule.values().length + 1, rules.size());
    for (Rule r : Rule.values()) {
      JsonNode rule = rules.get(r.ordinal());
      assertEquals(r.name(), rule.get("id").asText());
      assertEquals(
          r.severity() == io.modelaudit.compare.Severity.INFO ? "note" : r.severity().id(),
          rule.at("/defaultConfiguration/level").asText());
      String help = rule.at("/help/text").asText();
      assertFalse(help.isBlank(), r.name());
      // The help is the rule's entry in docs/findings.md, longer than the one-line description.
      assertNotEquals(r.description(), help, r.name() + " has no entry in docs/findings.md");
      assertFalse(help.contains("](") || help.contains("`"), help);
      assertNotNull(rule.at("/help/markdown").textValue(), r.name());
      assertTrue(rule.at("/shortDescription/text").asText().length() > 10);
    }
    assertEquals("PARAM_MISMATCH", rules.get(0).get("id").asText());
    assertTrue(rules.get(0).at("/help/text").asText().contains("[ours: 10 × (5·5·6 + 1) = 1,510]"));
    assertEquals("FILE_NOT_AUDITED", rules.get(Rule.values().length).get("id").asText());
  }

  @Test
  void aFindingIsLocatedAtItsFileAndLayer() throws Exception {
    CliRun run = CliRun.of("--format", "sarif", WRONG_KERNEL, WEIGHTS_ONLY);
    assertEquals(3, run.exitCode, run.err);
    assertTrue(validate(run.out).isEmpty(), describe(validate(run.out)));
    JsonNode sarif = JSON.readTree(run.out);
    assertEquals("2.1.0", sarif.get("version").asText());
    JsonNode base = sarif.at("/runs/0/originalUriBaseIds/%SRCROOT%/uri");
    assertEquals(TestPaths.projectRoot().toUri().toString(), base.asText());

    List<JsonNode> results = new ArrayList<>();
    sarif.at("/runs/0/results").forEach(results::add);
    JsonNode param =
        results.stream()
            .filter(r -> r.get("ruleId").asText().equals("PARAM_MISMATCH"))
            .findFirst()
            .orElseThrow();
    assertEquals("error", param.get("level").asText());
    assertEquals(0, param.get("ruleIndex").asInt());
    JsonNode location = param.at("/locations/0");
    assertEquals(WRONG_KERNEL, location.at("/physicalLocation/artifactLocation/uri").asText());
    assertEquals("%SRCROOT%", location.at("/physicalLocation/artifactLocation/uriBaseId").asText());
    assertEquals("conv2d_1", location.at("/logicalLocations/0/name").asText());
    assertEquals(
        "sequential/conv2d_1", location.at("/logicalLocations/0/fullyQualifiedName").asText());
    String message = param.at("/message/text").asText();
    assertTrue(message.startsWith("conv2d_1: "), message);
    assertEquals(1510, param.at("/properties/expected").asLong(), param.toString());
    assertEquals(1360, param.at("/properties/actual").asLong(), param.toString());
    assertFalse(param.at("/partialFingerprints/modelAuditFinding~1v1").asText().isEmpty());

    JsonNode unreadable = results.get(results.size() - 1);
    assertEquals("FILE_NOT_AUDITED", unreadable.get("ruleId").asText());
    assertEquals("error", unreadable.get("level").asText());
    assertEquals("weights_only", unreadable.at("/properties/kind").asText());
    assertEquals(
        WEIGHTS_ONLY, unreadable.at("/locations/0/physicalLocation/artifactLocation/uri").asText());
    assertTrue(unreadable.at("/message/text").asText().contains("--config ARCH.json"));
  }

  @Test
  void theSchemaCatchesABrokenReport() throws Exception {
    CliRun run = CliRun.of("--format", "sarif", WRONG_KERNEL);
    ObjectNode broken = (ObjectNode) JSON.readTree(run.out);
    ((ObjectNode) broken.at("/runs/0/results/0")).remove("message");
    assertFalse(validate(JSON.writeValueAsString(broken)).isEmpty(), "a result without message");
    ObjectNode badLevel = (ObjectNode) JSON.readTree(run.out);
    ((ObjectNode) badLevel.at("/runs/0/results/0")).put("level", "fatal");
    assertFalse(validate(JSON.writeValueAsString(badLevel)).isEmpty(), "level fatal");
  }

  @Test
  void pathsAreRelativeWithSlashesAndPercentEncoded() throws Exception {
    String absolute = TestPaths.projectRoot().resolve(WRONG_KERNEL).toString();
    CliRun run = CliRun.of("--format", "sarif", absolute);
    JsonNode uri =
        JSON.readTree(run.out)
            .at("/runs/0/results/0/locations/0/physicalLocation/artifactLocation/uri");
    assertEquals(WRONG_KERNEL, uri.asText());
    assertEquals("a%20b/c%23d%3Ae/%C3%A9.h5", ArtifactUri.uri("a b/c#d:e/é.h5"));
    Path here = TestPaths.projectRoot();
    assertEquals("../shared/x.h5", ArtifactUri.relativePath("../shared/x.h5", here));
    assertEquals("m/x.h5", ArtifactUri.relativePath("./m/../m/x.h5", here));
  }
}
