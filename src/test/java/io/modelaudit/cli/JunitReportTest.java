package io.modelaudit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modelaudit.TestPaths;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * {@code --format junit}, read the way CI servers read it: a DOM parse of the whole document, then
 * the suites' counts and the test cases' attributes.
 */
class JunitReportTest {
  private static final String SEED = "test-models/keras/seed_cnn.h5";
  private static final String WRONG_KERNEL = "test-models/keras/variants/seed_cnn_wrong_kernel.h5";
  private static final String WEIGHTS_ONLY = "test-models/keras/variants/seed_cnn_weights_only.h5";

  static Document parse(String xml) throws Exception {
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    return f.newDocumentBuilder()
        .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
  }

  static List<Element> children(Element parent, String name) {
    List<Element> out = new ArrayList<>();
    NodeList nodes = parent.getChildNodes();
    for (int i = 0; i < nodes.getLength(); i++) {
      Node n = nodes.item(i);
      if (n instanceof Element e && e.getTagName().equals(name)) {
        out.add(e);
      }
    }
    return out;
  }

  /** Each suite's counts are those of its test cases. */
  static void assertCountsAdd(Element suite) {
    List<Element> cases = children(suite, "testcase");
    String name = suite.getAttribute("name");
    assertEquals(cases.size(), Integer.parseInt(suite.getAttribute("tests")), name);
    long failures = cases.stream().filter(c -> !children(c, "failure").isEmpty()).count();
    long errors = cases.stream().filter(c -> !children(c, "error").isEmpty()).count();
    long skipped = cases.stream().filter(c -> !children(c, "skipped").isEmpty()).count();
    assertEquals(failures, Long.parseLong(suite.getAttribute("failures")), name);
    assertEquals(errors, Long.parseLong(suite.getAttribute("errors")), name);
    assertEquals(skipped, Long.parseLong(suite.getAttribute("skipped")), name);
    for (Element c : cases) {
      assertEquals(name, c.getAttribute("classname"));
      assertTrue(children(c, "failure").isEmpty() || children(c, "skipped").isEmpty());
    }
  }

  @Test
  void oneSuitePerModelOneCasePerLayerAFailurePerErrorFinding() throws Exception {
    CliRun run = CliRun.of("--format", "junit", SEED, WRONG_KERNEL, WEIGHTS_ONLY);
    assertEquals(3, run.exitCode, run.err);
    Element root = parse(run.out).getDocumentElement();
    assertEquals("testsuites", root.getTagName());
    List<Element> suites = children(root, "testsuite");
    assertEquals(3, suites.size());
    suites.forEach(JunitReportTest::assertCountsAdd);

    Element seed = suites.get(0);
    assertEquals(SEED, seed.getAttribute("name"));
    assertEquals("0", seed.getAttribute("failures"));
    List<Element> seedCases = children(seed, "testcase");
    assertEquals(
        List.of("conv2d", "conv2d_1"),
        seedCases.stream().map(c -> c.getAttribute("name")).toList());

    Element wrong = suites.get(1);
    assertEquals("1", wrong.getAttribute("failures"));
    Element conv = findCase(wrong, "conv2d_1");
    List<Element> failures = children(conv, "failure");
    assertTrue(failures.size() >= 2, "a shape and a count finding");
    Element param =
        failures.stream()
            .filter(f -> f.getAttribute("type").equals("PARAM_MISMATCH"))
            .findFirst()
            .orElseThrow();
    String text = param.getTextContent();
    assertTrue(param.getAttribute("message").contains("1,510"), param.getAttribute("message"));
    assertTrue(text.contains("expected (ours): 1510"), text);
    assertTrue(text.contains("actual (stored): 1360"), text);
    assertTrue(text.contains("formula: 10 × (5·5·6 + 1) = 1,510"), text);
    assertTrue(children(findCase(wrong, "conv2d"), "failure").isEmpty());

    Element unreadable = suites.get(2);
    assertEquals(WEIGHTS_ONLY, unreadable.getAttribute("name"));
    assertEquals("1", unreadable.getAttribute("errors"));
    Element error = children(children(unreadable, "testcase").get(0), "error").get(0);
    assertEquals("weights_only", error.getAttribute("type"));
    assertTrue(error.getAttribute("message").contains("--config ARCH.json"));
  }

  @Test
  void warningsAreInTheCasesOutputAndUnverifiedLayersAreSkipped() throws Exception {
    CliRun run =
        CliRun.of(
            "--format",
            "junit",
            "test-models/keras/attention.h5",
            "test-models/keras/seed_cnn.json");
    assertEquals(0, run.exitCode, run.err);
    List<Element> suites = children(parse(run.out).getDocumentElement(), "testsuite");
    suites.forEach(JunitReportTest::assertCountsAdd);
    Element mha = findCase(suites.get(0), "mha_key");
    assertTrue(children(mha, "failure").isEmpty());
    String out = children(mha, "system-out").get(0).getTextContent();
    assertTrue(out.startsWith("warning RUNTIME_SHAPE_MISMATCH: "), out);
    // An architecture JSON alone stores no weights: nothing is verified.
    Element json = suites.get(1);
    assertEquals(json.getAttribute("tests"), json.getAttribute("skipped"));
  }

  @Test
  void everyTestModelGivesAWellFormedDocumentWithCountsThatAddUp() throws Exception {
    CliRun run =
        CliRun.of("--format", "junit", "--fail-on", "never", TestPaths.testModels().toString());
    List<Element> suites = children(parse(run.out).getDocumentElement(), "testsuite");
    assertTrue(suites.size() > 100, "suites: " + suites.size());
    suites.forEach(JunitReportTest::assertCountsAdd);
  }

  /** Names that XML cannot hold (BEL, U+FFFF, a lone surrogate) or that look like markup. */
  @Test
  void hostileNamesDoNotBreakTheDocument(@TempDir Path dir) throws Exception {
    Path names = TestPaths.testModels().resolve("malformed/terminal_names.json");
    String crafted =
        Files.readString(names)
            .replace("custom\\u009b2J", "custom<&\\\"]]>\\uffff\\ud800\\u0001")
            .replace("stray\\u001b]0;owned\\u0007", "stray\\u0007</testsuite>");
    Path file = dir.resolve("a&b<\"c\u0007.json");
    Files.writeString(file, crafted);
    for (Path p : List.of(names, file)) {
      CliRun run = CliRun.of("--format", "junit", "--fail-on", "never", p.toString());
      assertEquals(0, run.exitCode, run.err);
      Document doc = parse(run.out);
      List<Element> suites = children(doc.getDocumentElement(), "testsuite");
      assertEquals(1, suites.size());
      suites.forEach(JunitReportTest::assertCountsAdd);
      assertTrue(suites.get(0).getAttribute("name").endsWith(".json"));
      List<String> caseNames =
          children(suites.get(0), "testcase").stream().map(c -> c.getAttribute("name")).toList();
      assertTrue(caseNames.contains("dense\\r\\nFindings: none\\n"), caseNames.toString());
    }
    CliRun run = CliRun.of("--format", "junit", file.toString());
    Element suite = children(parse(run.out).getDocumentElement(), "testsuite").get(0);
    assertTrue(
        suite.getAttribute("name").endsWith("a&b<\"c\\x07.json"), suite.getAttribute("name"));
    List<String> caseNames =
        children(suite, "testcase").stream().map(c -> c.getAttribute("name")).toList();
    assertTrue(caseNames.contains("custom<&\"]]>\\uffff\\ud800\\x01"), caseNames.toString());
    assertFalse(run.out.contains("\u0007"));
  }

  private static Element findCase(Element suite, String name) {
    return children(suite, "testcase").stream()
        .filter(c -> c.getAttribute("name").equals(name))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no test case " + name));
  }
}
