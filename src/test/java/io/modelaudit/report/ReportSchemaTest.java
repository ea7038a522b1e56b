package io.modelaudit.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
import io.modelaudit.cli.Main;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * docs/report.schema.json describes what the JSON renderer really writes: the report of every test
 * model and of every model of the shared corpus validates against it, and a report whose keys were
 * renamed or dropped does not.
 */
class ReportSchemaTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static Schema schema;

  @BeforeAll
  static void loadSchema() throws Exception {
    String text = Files.readString(TestPaths.projectRoot().resolve("docs/report.schema.json"));
    schema =
        SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
            .getSchema(text, InputFormat.JSON);
    schema.initializeValidators();
  }

  private static String report(Path... paths) {
    String[] args = new String[paths.length + 6];
    args[0] = "--format";
    args[1] = "json";
    args[2] = "--reference";
    args[3] = "stored";
    args[4] = "--fail-on";
    args[5] = "never";
    for (int i = 0; i < paths.length; i++) {
      args[6 + i] = paths[i].toString();
    }
    StringWriter out = new StringWriter();
    Main.run(new PrintWriter(out), new PrintWriter(new StringWriter()), false, args);
    return out.toString();
  }

  private static List<Error> validate(String report) {
    return schema.validate(report, InputFormat.JSON);
  }

  private static String describe(List<Error> errors) {
    return errors.stream()
        .limit(20)
        .map(e -> e.getInstanceLocation() + ": " + e.getMessage())
        .collect(Collectors.joining("\n"));
  }

  private static void assertValid(Path folder) throws Exception {
    String report = report(folder);
    JsonNode root = JSON.readTree(report);
    assertTrue(
        root.get("models").size() > 10, folder + " gave " + root.get("models").size() + " models");
    List<Error> errors = validate(report);
    assertTrue(
        errors.isEmpty(),
        folder + ": the report does not fit docs/report.schema.json:\n" + describe(errors));
  }

  @Test
  void everyTestModelsReportFitsTheSchema() throws Exception {
    assertValid(TestPaths.testModels());
  }

  @Test
  void everyCorpusReportFitsTheSchema() throws Exception {
    assertValid(TestPaths.corpus());
  }

  @Test
  void theSchemaRejectsARenamedKey() throws Exception {
    Path seed = TestPaths.kerasModels().resolve("seed_cnn.h5");
    Path wrong = TestPaths.kerasModels().resolve("variants/seed_cnn_wrong_kernel.h5");
    String report = report(seed, wrong);
    assertEquals(List.of(), validate(report), "the unchanged report is valid");

    ObjectNode layerRenamed = (ObjectNode) JSON.readTree(report);
    ObjectNode layer = (ObjectNode) layerRenamed.at("/models/0/layers/0");
    layer.set("param_count", layer.remove("params"));
    List<Error> errors = validate(JSON.writeValueAsString(layerRenamed));
    assertFalse(errors.isEmpty(), "a layer's params renamed to param_count");
    assertTrue(describe(errors).contains("param_count"), describe(errors));

    ObjectNode findingRenamed = (ObjectNode) JSON.readTree(report);
    ObjectNode finding = (ObjectNode) findingRenamed.at("/models/1/findings/0");
    finding.set("rule_id", finding.remove("rule"));
    assertFalse(
        validate(JSON.writeValueAsString(findingRenamed)).isEmpty(),
        "a finding's rule renamed to rule_id");

    ObjectNode optionalRenamed = (ObjectNode) JSON.readTree(report);
    ObjectNode conv = (ObjectNode) optionalRenamed.at("/models/0/layers/0");
    conv.set("activation_fn", conv.remove("activation"));
    assertFalse(
        validate(JSON.writeValueAsString(optionalRenamed)).isEmpty(), "an optional key renamed");
  }

  @Test
  void theSchemaRejectsAMissingKeyAndAWrongType() throws Exception {
    String report = report(TestPaths.kerasModels().resolve("seed_cnn.h5"));

    ObjectNode missing = (ObjectNode) JSON.readTree(report);
    ((ObjectNode) missing.at("/models/0")).remove("totals");
    assertFalse(validate(JSON.writeValueAsString(missing)).isEmpty(), "a model without totals");

    ObjectNode wrongType = (ObjectNode) JSON.readTree(report);
    ((ObjectNode) wrongType.at("/models/0/layers/0")).put("params", "456");
    assertFalse(validate(JSON.writeValueAsString(wrongType)).isEmpty(), "params as a string");

    ObjectNode wrongVersion = (ObjectNode) JSON.readTree(report);
    wrongVersion.put("schema_version", 2);
    assertFalse(
        validate(JSON.writeValueAsString(wrongVersion)).isEmpty(), "another schema_version");
  }
}
