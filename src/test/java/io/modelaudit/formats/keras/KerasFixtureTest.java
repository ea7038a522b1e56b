package io.modelaudit.formats.keras;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.modelaudit.TestPaths;
import io.modelaudit.audit.ModelAuditor;
import io.modelaudit.compare.Finding;
import io.modelaudit.compare.Rule;
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
 * Every model in test-models/keras against the numbers Keras itself reported when it wrote the
 * file ({@code NAME.expected.json}, made by generate.py): output shapes, parameter counts split
 * trainable / non-trainable, and weight shapes, per layer and in total.
 */
class KerasFixtureTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TestFactory
  Stream<DynamicTest> everyFixtureMatchesKerasOwnNumbers() throws IOException {
    List<Path> expectations;
    try (Stream<Path> s = Files.list(TestPaths.kerasModels())) {
      expectations = s.filter(p -> p.getFileName().toString().endsWith(".expected.json")).sorted().collect(Collectors.toList());
    }
    List<DynamicTest> tests = new ArrayList<>();
    for (Path expectation : expectations) {
      JsonNode expected = JSON.readTree(expectation.toFile());
      for (JsonNode file : expected.get("files")) {
        Path model = expectation.resolveSibling(file.asText());
        if (!model.getFileName().toString().endsWith(".h5")) {
          continue; // other file forms are audited once their importers exist
        }
        tests.add(DynamicTest.dynamicTest(model.getFileName().toString(), () -> check(model, expected)));
      }
    }
    assertNotNull(tests.isEmpty() ? null : tests, "no fixtures found in " + TestPaths.kerasModels());
    return tests.stream();
  }

  private static void check(Path model, JsonNode expected) {
    ModelReport report = new ModelAuditor(Map.of()).audit(model);
    assertNull(report.error(), () -> "could not audit: " + report.error());
    // Where Keras' symbolic shapes differ from what its layers compute when run (recorded by
    // generate.py as runtime_differs), exactly those layers get a RUNTIME_SHAPE_MISMATCH warning.
    java.util.Set<String> runtimeDiffers = new java.util.TreeSet<>();
    expected.path("runtime_differs").fieldNames().forEachRemaining(runtimeDiffers::add);
    java.util.Set<String> warned = report.findings().stream().filter(f -> f.rule() == Rule.RUNTIME_SHAPE_MISMATCH)
        .map(Finding::layer).collect(Collectors.toCollection(java.util.TreeSet::new));
    assertEquals(runtimeDiffers, warned, "layers whose real output differs from Keras' symbolic shape");
    List<String> errors = report.findings().stream()
        .filter(f -> f.severity() != Severity.INFO && f.rule() != Rule.RUNTIME_SHAPE_MISMATCH)
        .map(Finding::message).collect(Collectors.toList());
    assertEquals(List.of(), errors, "findings on a model Keras wrote itself");
    for (JsonNode layer : expected.get("layers")) {
      String name = layer.get("name").asText();
      LayerReport row = report.layers().stream().filter(l -> l.depth() == 0 && l.name().equals(name)).findFirst()
          .orElseThrow(() -> new AssertionError("layer " + name + " missing from the report"));
      String where = model.getFileName() + " " + name + " (" + layer.get("class").asText() + ")";
      assertEquals(LayerReport.OK, row.status(), where + " status: " + row.note());
      assertEquals(shapes(layer.get("output_shapes")), row.outputShapes(), where + " output shapes");
      if (layer.has("calls")) {
        for (int i = 0; i < layer.get("calls").size(); i++) {
          assertEquals(shapes(layer.get("calls").get(i)), row.calls().get(i).outputShapes(), where + " call " + i);
        }
      }
      assertEquals(layer.get("params").asLong(), row.params(), where + " params");
      assertEquals(layer.get("trainable").asLong(), row.trainable(), where + " trainable");
      assertEquals(layer.get("non_trainable").asLong(), row.nonTrainable(), where + " non-trainable");
      // A nested model's weights (also one inside TimeDistributed) are those of the layers
      // inside it: the rows below its path.
      List<LayerReport> inside = report.layers().stream().filter(l -> l.path().startsWith(name + "/")).collect(Collectors.toList());
      List<LayerReport> owners = inside.isEmpty() ? List.of(row) : inside;
      List<String> ours = new ArrayList<>();
      owners.forEach(o -> o.weights().forEach(w -> ours.add(w.shape() + (Boolean.TRUE.equals(w.trainable()) ? " trainable" : " frozen")
          + " stored " + w.storedShape())));
      List<String> theirs = new ArrayList<>();
      layer.get("weights").forEach(w -> {
        Shape s = shape(w.get("shape"));
        theirs.add(s + (w.get("trainable").asBoolean() ? " trainable" : " frozen") + " stored " + s);
      });
      ours.sort(null);
      theirs.sort(null);
      assertEquals(theirs, ours, where + " weight shapes, trainable flags and stored shapes");
    }
    JsonNode totals = expected.get("totals");
    assertEquals(totals.get("params").asLong(), report.totals().params(), "total params");
    assertEquals(totals.get("trainable").asLong(), report.totals().trainable(), "trainable params");
    assertEquals(totals.get("non_trainable").asLong(), report.totals().nonTrainable(), "non-trainable params");
    assertEquals(expected.get("stored_params").asLong(), report.totals().stored(), "params stored in the file (h5py's count)");
  }

  private static List<Shape> shapes(JsonNode list) {
    List<Shape> out = new ArrayList<>();
    list.forEach(s -> out.add(shape(s)));
    return out;
  }

  private static Shape shape(JsonNode dims) {
    List<Long> out = new ArrayList<>();
    dims.forEach(d -> out.add(d.isNull() ? null : d.asLong()));
    return Shape.of(out);
  }
}
