package io.modelaudit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Element;

/**
 * {@code check --baseline} in the reports CI servers read: drift, a new model, a gone model, a
 * limit and a retrained model reach SARIF (valid against the official schema) and JUnit (parsed as
 * CI servers do), not only the text and JSON reports. Models written by Keras (test-models/keras).
 */
class CheckCiReportsTest {
  private static final Path DIFF = TestPaths.kerasModels().resolve("diff");
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path tmp;
  private Path models;
  private Path lock;

  @BeforeEach
  void recordThenChange() throws Exception {
    models = Files.createDirectories(tmp.resolve("models"));
    lock = tmp.resolve("model-audit.lock");
    copy(DIFF.resolve("base.h5"), "dense_net.h5");
    copy(TestPaths.kerasModels().resolve("seed_cnn.h5"), "seed_cnn.h5");
    copy(DIFF.resolve("conv_base.h5"), "conv_net.h5");
    copy(DIFF.resolve("base.h5"), "same_again.h5");
    CliRun made = CliRun.of("baseline", models.toString(), "-o", lock.toString());
    assertEquals(0, made.exitCode, made.err);
    copy(DIFF.resolve("one_more_layer.h5"), "dense_net.h5"); // drift: a layer added
    copy(DIFF.resolve("conv_strided.h5"), "conv_net.h5"); // drift: a stride and a rate
    Files.delete(models.resolve("seed_cnn.h5")); // gone
    copy(DIFF.resolve("renamed_hidden.h5"), "renamed.h5"); // new
    copy(DIFF.resolve("base_retrained.h5"), "same_again.h5"); // retrained: passes
  }

  private void copy(Path from, String name) throws Exception {
    Files.copy(from, models.resolve(name), StandardCopyOption.REPLACE_EXISTING);
  }

  private String check(String format) {
    CliRun run =
        CliRun.of(
            "check",
            "--baseline",
            lock.toString(),
            "--max-params",
            "900",
            "--format",
            format,
            models.toString());
    assertEquals(1, run.exitCode, run.err);
    return run.out;
  }

  private String lockPath(String name) {
    return LockPaths.of(models.resolve(name));
  }

  @Test
  void sarifHasAResultPerBaselineFailureUnderRulesOfItsOwn() throws Exception {
    String sarif = check("sarif");
    Schema schema;
    try (InputStream in = getClass().getResourceAsStream("/sarif/sarif-schema-2.1.0.json")) {
      schema =
          SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_4)
              .getSchema(new String(in.readAllBytes(), StandardCharsets.UTF_8), InputFormat.JSON);
    }
    List<Error> errors = schema.validate(sarif, InputFormat.JSON);
    assertTrue(errors.isEmpty(), errors + "\n" + sarif);

    JsonNode run = JSON.readTree(sarif).get("runs").get(0);
    List<String> ruleIds = new ArrayList<>();
    run.get("tool").get("driver").get("rules").forEach(r -> ruleIds.add(r.get("id").asText()));
    Map<String, List<JsonNode>> byRule = new HashMap<>();
    for (JsonNode r : run.get("results")) {
      String id = r.get("ruleId").asText();
      assertEquals(id, ruleIds.get(r.get("ruleIndex").asInt()), "ruleIndex points at its rule");
      byRule.computeIfAbsent(id, k -> new ArrayList<>()).add(r);
    }
    List<JsonNode> drift = byRule.get("BASELINE_DRIFT");
    assertEquals(2, drift.size(), sarif);
    JsonNode conv =
        drift.stream()
            .filter(r -> uri(r).endsWith("conv_net.h5"))
            .findFirst()
            .orElseThrow(() -> new AssertionError(sarif));
    assertEquals("error", conv.get("level").asText());
    String message = conv.get("message").get("text").asText();
    assertTrue(message.contains("conv (Conv2D): config.strides (1, 1) → (2, 2)"), message);
    assertTrue(message.contains("dropout (Dropout): config.rate 0.25 → 0.5"), message);
    assertTrue(conv.get("properties").get("details").size() >= 4, conv.toString());

    assertEquals(1, byRule.get("BASELINE_NEW").size());
    assertTrue(uri(byRule.get("BASELINE_NEW").get(0)).endsWith("renamed.h5"));
    assertEquals(1, byRule.get("BASELINE_GONE").size());
    assertTrue(uri(byRule.get("BASELINE_GONE").get(0)).endsWith("seed_cnn.h5"));
    // 970 (one_more_layer), 4,154 (conv_strided) and 698 twice: two models over 900
    assertEquals(2, byRule.get("BASELINE_LIMIT").size(), sarif);
    JsonNode retrained = byRule.get("BASELINE_RETRAINED").get(0);
    assertEquals("note", retrained.get("level").asText(), "retrained passes: a note");
    assertTrue(!byRule.containsKey("BASELINE_UNCHANGED"), "passing models have no result");
  }

  private static String uri(JsonNode result) {
    return result
        .get("locations")
        .get(0)
        .get("physicalLocation")
        .get("artifactLocation")
        .get("uri")
        .asText();
  }

  @Test
  void junitHasABaselineCasePerModelAndASuiteOfGoneModels() throws Exception {
    Element root = JunitReportTest.parse(check("junit")).getDocumentElement();
    Map<String, Element> suites = new HashMap<>();
    for (Element suite : JunitReportTest.children(root, "testsuite")) {
      JunitReportTest.assertCountsAdd(suite);
      suites.put(suite.getAttribute("name"), suite);
    }
    Element conv = baselineCase(suites, models.resolve("conv_net.h5").toString());
    List<Element> failures = JunitReportTest.children(conv, "failure");
    assertEquals("BASELINE_DRIFT", failures.get(0).getAttribute("type"));
    String text = failures.get(0).getTextContent();
    assertTrue(text.contains("\n~ conv (Conv2D): config.strides (1, 1) → (2, 2)"), text);
    assertEquals("BASELINE_LIMIT", failures.get(1).getAttribute("type"));

    Element renamed = baselineCase(suites, models.resolve("renamed.h5").toString());
    assertEquals(
        "BASELINE_NEW", JunitReportTest.children(renamed, "failure").get(0).getAttribute("type"));

    Element retrained = baselineCase(suites, models.resolve("same_again.h5").toString());
    assertTrue(JunitReportTest.children(retrained, "failure").isEmpty(), "retrained passes");
    assertTrue(
        JunitReportTest.children(retrained, "system-out")
            .get(0)
            .getTextContent()
            .startsWith("BASELINE_RETRAINED: "));

    Element gone = suites.get("(baseline)");
    List<Element> goneCases = JunitReportTest.children(gone, "testcase");
    assertEquals(1, goneCases.size());
    assertEquals(lockPath("seed_cnn.h5"), goneCases.get(0).getAttribute("name"));
    assertEquals(
        "BASELINE_GONE",
        JunitReportTest.children(goneCases.get(0), "failure").get(0).getAttribute("type"));
  }

  @Test
  void anUnchangedModelIsAPassingBaselineCase() throws Exception {
    Path clean = Files.createDirectories(tmp.resolve("clean"));
    Files.copy(DIFF.resolve("base.h5"), clean.resolve("dense_net.h5"));
    Path cleanLock = tmp.resolve("clean.lock");
    assertEquals(0, CliRun.of("baseline", clean.toString(), "-o", cleanLock.toString()).exitCode);
    CliRun run =
        CliRun.of(
            "check", "--baseline", cleanLock.toString(), "--format", "junit", clean.toString());
    assertEquals(0, run.exitCode, run.out + run.err);
    Element root = JunitReportTest.parse(run.out).getDocumentElement();
    Element suite = JunitReportTest.children(root, "testsuite").get(0);
    JunitReportTest.assertCountsAdd(suite);
    Element c = baselineCase(Map.of(suite.getAttribute("name"), suite), suite.getAttribute("name"));
    assertTrue(c.getChildNodes().getLength() == 0, "a passing test case");
    assertEquals("0", suite.getAttribute("failures"));
  }

  private static Element baselineCase(Map<String, Element> suites, String suiteName) {
    Element suite = suites.get(suiteName);
    assertTrue(suite != null, suiteName + " not among " + suites.keySet());
    for (Element c : JunitReportTest.children(suite, "testcase")) {
      if (c.getAttribute("name").equals("(baseline)")) {
        return c;
      }
    }
    throw new AssertionError("no (baseline) test case in " + suiteName);
  }
}
