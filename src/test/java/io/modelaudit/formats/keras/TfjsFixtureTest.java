package io.modelaudit.formats.keras;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.modelaudit.TestPaths;
import io.modelaudit.audit.ModelAuditor;
import io.modelaudit.compare.Finding;
import io.modelaudit.compare.Severity;
import io.modelaudit.ir.Shape;
import io.modelaudit.report.LayerReport;
import io.modelaudit.report.ModelReport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every model in test-models/tfjs against the numbers TensorFlow.js reported when it wrote the file
 * ({@code NAME/expected.json}, made by generate.js): no finding, every layer verified against the
 * weights manifest, output shapes as a forward pass gives them, parameter counts.
 */
class TfjsFixtureTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TestFactory
  Stream<DynamicTest> everyTfjsModelMatchesTfjsOwnNumbers() throws IOException {
    Path root = TestPaths.testModels().resolve("tfjs");
    List<Path> expectations;
    try (Stream<Path> s = Files.list(root)) {
      expectations =
          s.map(d -> d.resolve("expected.json")).filter(Files::isRegularFile).sorted().toList();
    }
    assertFalse(expectations.isEmpty(), "no fixtures in " + root);
    return expectations.stream()
        .map(
            e ->
                DynamicTest.dynamicTest(root.relativize(e.getParent()).toString(), () -> check(e)));
  }

  private static void check(Path expectation) throws IOException {
    JsonNode expected = JSON.readTree(expectation.toFile());
    Path model = expectation.resolveSibling(expected.get("files").get(0).asText());
    ModelReport report = new ModelAuditor(Map.of()).audit(model);
    assertNull(report.error(), () -> "could not audit: " + report.error());
    assertEquals(
        List.of(),
        report.findings().stream()
            .filter(f -> f.severity() != Severity.INFO)
            .map(Finding::message)
            .collect(Collectors.toList()),
        "findings on a model TF.js wrote itself");
    for (JsonNode layer : expected.get("layers")) {
      String name = layer.get("name").asText();
      LayerReport row =
          report.layers().stream()
              .filter(l -> l.depth() == 0 && l.name().equals(name))
              .findFirst()
              .orElseThrow(() -> new AssertionError("layer " + name + " missing from the report"));
      assertEquals(LayerReport.OK, row.status(), name + " status: " + row.note());
      assertEquals(shapes(layer.get("runtime_output_shapes")), row.outputShapes(), name);
      assertEquals(layer.get("params").asLong(), row.params(), name + " params");
    }
    assertEquals(expected.get("totals").get("params").asLong(), report.totals().params());
    assertEquals(expected.get("totals").get("params").asLong(), report.totals().stored());
  }

  private static List<Shape> shapes(JsonNode list) {
    List<Shape> out = new ArrayList<>();
    for (JsonNode s : list) {
      List<Long> dims = new ArrayList<>();
      s.forEach(d -> dims.add(d.isNull() ? null : d.asLong()));
      out.add(Shape.of(dims));
    }
    return out;
  }
}
