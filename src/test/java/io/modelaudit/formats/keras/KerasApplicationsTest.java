package io.modelaudit.formats.keras;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The Keras Applications architectures in test-models/keras/applications (architecture JSON written
 * by generate_applications.py, no weights): every layer's output shapes, counts and weight shapes
 * against the numbers Keras reported, and the totals also against the published ones.
 */
class KerasApplicationsTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * Published totals: params, trainable, non-trainable (null where only the total is published).
   */
  private record Published(long params, Long trainable, Long nonTrainable) {}

  private static final Map<String, Published> PUBLISHED =
      Map.of(
          "resnet50", new Published(25_636_712L, 25_583_592L, 53_120L),
          "mobilenet_v2", new Published(3_538_984L, null, null),
          "efficientnet_b0", new Published(5_330_571L, null, 42_023L),
          "densenet121", new Published(8_062_504L, null, null),
          "inception_v3", new Published(23_851_784L, null, null),
          "xception", new Published(22_910_480L, null, null),
          "vgg16", new Published(138_357_544L, null, null));

  private static Path folder() {
    return TestPaths.kerasModels().resolve("applications");
  }

  @Test
  void everyApplicationInTheFolderHasPublishedTotals() throws IOException {
    Set<String> models;
    try (Stream<Path> s = Files.list(folder())) {
      models =
          s.map(p -> p.getFileName().toString())
              .filter(n -> n.endsWith(".expected.json"))
              .map(n -> n.substring(0, n.length() - ".expected.json".length()))
              .collect(Collectors.toCollection(TreeSet::new));
    }
    assertEquals(new TreeSet<>(PUBLISHED.keySet()), models);
  }

  @TestFactory
  Stream<DynamicTest> everyApplicationMatchesKerasOwnNumbers() {
    return PUBLISHED.keySet().stream()
        .sorted()
        .map(name -> DynamicTest.dynamicTest(name, () -> check(name)));
  }

  private static void check(String name) throws IOException {
    JsonNode expected = JSON.readTree(folder().resolve(name + ".expected.json").toFile());
    Path model = folder().resolve(name + ".json");
    ModelReport report = new ModelAuditor(Map.of()).audit(model);
    assertNull(report.error(), () -> "could not audit: " + report.error());
    assertEquals("keras-json", report.format());
    List<String> findings =
        report.findings().stream()
            .filter(f -> f.severity() != Severity.INFO)
            .map(Finding::message)
            .collect(Collectors.toList());
    assertEquals(List.of(), findings, "findings on an architecture Keras wrote itself");

    List<String> expectedNames = new ArrayList<>();
    expected.get("layers").forEach(l -> expectedNames.add(l.get("name").asText()));
    List<String> ourNames =
        report.layers().stream()
            .filter(l -> l.depth() == 0)
            .map(LayerReport::name)
            .collect(Collectors.toList());
    assertEquals(expectedNames, ourNames, "layers in Keras' order");

    for (JsonNode layer : expected.get("layers")) {
      String layerName = layer.get("name").asText();
      LayerReport row =
          report.layers().stream()
              .filter(l -> l.depth() == 0 && l.name().equals(layerName))
              .findFirst()
              .orElseThrow();
      String where = name + " " + layerName + " (" + layer.get("class").asText() + ")";
      assertEquals(layer.get("class").asText(), row.className(), where + " class");
      // Nothing is stored in architecture JSON, so nothing can be verified.
      assertEquals(LayerReport.UNVERIFIED, row.status(), where + " status: " + row.note());
      assertEquals(
          shapes(layer.get("output_shapes")), row.outputShapes(), where + " output shapes");
      assertEquals(layer.get("params").asLong(), row.params(), where + " params");
      assertEquals(layer.get("trainable").asLong(), row.trainable(), where + " trainable");
      assertEquals(
          layer.get("non_trainable").asLong(), row.nonTrainable(), where + " non-trainable");
      List<String> ours = new ArrayList<>();
      row.weights()
          .forEach(
              w ->
                  ours.add(
                      w.shape()
                          + (Boolean.TRUE.equals(w.trainable()) ? " trainable" : " frozen")
                          + " stored "
                          + w.storedShape()));
      List<String> theirs = new ArrayList<>();
      layer
          .get("weights")
          .forEach(
              w ->
                  theirs.add(
                      shape(w.get("shape"))
                          + (w.get("trainable").asBoolean() ? " trainable" : " frozen")
                          + " stored null"));
      // Keras' weight order, not a sorted one: the legacy .h5 writer would reorder, JSON keeps
      // layer.weights.
      assertEquals(theirs, ours, where + " weight shapes and trainable flags");
    }

    JsonNode totals = expected.get("totals");
    ModelReport.Totals ourTotals = report.totals();
    assertEquals(totals.get("params").asLong(), ourTotals.params(), name + " total params (Keras)");
    assertEquals(
        totals.get("trainable").asLong(),
        ourTotals.trainable(),
        name + " trainable params (Keras)");
    assertEquals(
        totals.get("non_trainable").asLong(),
        ourTotals.nonTrainable(),
        name + " non-trainable params (Keras)");
    assertNull(ourTotals.stored(), name + " stores nothing");

    Published published = PUBLISHED.get(name);
    assertEquals(published.params(), ourTotals.params(), name + " total params (published)");
    if (published.trainable() != null) {
      assertEquals(
          published.trainable(), ourTotals.trainable(), name + " trainable params (published)");
    }
    if (published.nonTrainable() != null) {
      assertEquals(
          published.nonTrainable(),
          ourTotals.nonTrainable(),
          name + " non-trainable params (published)");
    }
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
