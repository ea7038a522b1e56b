package io.modelaudit.formats.keras;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
 * Every model in test-models/keras against the numbers Keras itself reported when it wrote the file
 * ({@code NAME.expected.json}, made by generate.py): output shapes, parameter counts split
 * trainable / non-trainable, and weight shapes, per layer and in total.
 */
class KerasFixtureTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TestFactory
  Stream<DynamicTest> everyFixtureMatchesKerasOwnNumbers() throws IOException {
    // npz/ holds some of the models again as archives with weights_format="npz".
    List<Path> expectations = new ArrayList<>();
    for (Path dir : List.of(TestPaths.kerasModels(), TestPaths.kerasModels().resolve("npz"))) {
      try (Stream<Path> s = Files.list(dir)) {
        s.filter(p -> p.getFileName().toString().endsWith(".expected.json"))
            .sorted()
            .forEach(expectations::add);
      }
    }
    List<DynamicTest> tests = new ArrayList<>();
    for (Path expectation : expectations) {
      JsonNode expected = JSON.readTree(expectation.toFile());
      for (JsonNode file : expected.get("files")) {
        Path model = expectation.resolveSibling(file.asText());
        String label = TestPaths.kerasModels().relativize(model).toString();
        tests.add(DynamicTest.dynamicTest(label, () -> check(model, expected)));
      }
    }
    assertNotNull(
        tests.isEmpty() ? null : tests, "no fixtures found in " + TestPaths.kerasModels());
    return tests.stream();
  }

  /**
   * Each model is checked in every form Keras wrote it in: HDF5, {@code .keras} archive and
   * architecture JSON. The JSON stores no weights, so its layers are computed but unverified.
   */
  private static void check(Path model, JsonNode expected) {
    ModelReport report = new ModelAuditor(Map.of()).audit(model);
    assertNull(report.error(), () -> "could not audit: " + report.error());
    String fileName = model.getFileName().toString();
    JsonNode storedParams = expected.get("stored_params_by_file").get(fileName);
    boolean stores = storedParams != null && !storedParams.isNull();
    // Where Keras' symbolic shapes differ from what its layers compute when run (recorded by
    // generate.py as runtime_differs), exactly those layers get a RUNTIME_SHAPE_MISMATCH warning.
    java.util.Set<String> runtimeDiffers = new java.util.TreeSet<>();
    expected.path("runtime_differs").fieldNames().forEachRemaining(runtimeDiffers::add);
    java.util.Set<String> warned =
        report.findings().stream()
            .filter(f -> f.rule() == Rule.RUNTIME_SHAPE_MISMATCH)
            .map(Finding::layer)
            .collect(Collectors.toCollection(java.util.TreeSet::new));
    assertEquals(
        runtimeDiffers, warned, "layers whose real output differs from Keras' symbolic shape");
    List<String> errors =
        report.findings().stream()
            .filter(f -> f.severity() != Severity.INFO && f.rule() != Rule.RUNTIME_SHAPE_MISMATCH)
            .map(Finding::message)
            .collect(Collectors.toList());
    assertEquals(List.of(), errors, "findings on a model Keras wrote itself");
    for (JsonNode layer : expected.get("layers")) {
      String name = layer.get("name").asText();
      LayerReport row =
          report.layers().stream()
              .filter(l -> l.depth() == 0 && l.name().equals(name))
              .findFirst()
              .orElseThrow(() -> new AssertionError("layer " + name + " missing from the report"));
      String where = model.getFileName() + " " + name + " (" + layer.get("class").asText() + ")";
      // A Lambda runs code the audit does not read: it is not verified, and its output shape is
      // unknown unless the file records it where the output is used (then it is Keras' own). A
      // layer fed by one (or by another opaque operation node, marked after_opaque) resumes from
      // the input shape Keras recorded in the file, and is verified like any other.
      // A user's own class ("custom") has no rule, a layer wrapping other code (JaxLayer, …,
      // "opaque") is not interpreted: both count their variables from the file.
      boolean opaque =
          layer.get("class").asText().equals("Lambda") || layer.path("opaque").asBoolean(false);
      boolean custom = layer.path("custom").asBoolean(false);
      if (opaque || custom) {
        boolean unknown =
            row.outputShapes() == null
                || row.outputShapes().stream().allMatch(java.util.Objects::isNull);
        if (!unknown) {
          assertEquals(
              shapes(layer.get("output_shapes")),
              row.outputShapes(),
              where + " output shapes as the file records them");
        }
        if (opaque || custom || !"inferred".equals(row.paramsSource())) {
          assertEquals(
              custom ? LayerReport.UNSUPPORTED : LayerReport.UNVERIFIED,
              row.status(),
              where + " status: " + row.note());
          // A Lambda owns no weights (0, known); others count theirs from the file.
          boolean weightless = layer.get("class").asText().equals("Lambda");
          assertEquals(
              stores || weightless ? Long.valueOf(layer.get("params").asLong()) : null,
              row.params(),
              where + " params counted from the file");
          continue;
        }
      } else {
        assertEquals(
            shapes(layer.get("output_shapes")), row.outputShapes(), where + " output shapes");
      }
      assertEquals(
          stores ? LayerReport.OK : LayerReport.UNVERIFIED,
          row.status(),
          where + " status: " + row.note());
      if (layer.has("calls")) {
        for (int i = 0; i < layer.get("calls").size(); i++) {
          assertEquals(
              shapes(layer.get("calls").get(i)),
              row.calls().get(i).outputShapes(),
              where + " call " + i);
        }
      }
      assertEquals(layer.get("params").asLong(), row.params(), where + " params");
      assertEquals(layer.get("trainable").asLong(), row.trainable(), where + " trainable");
      assertEquals(
          layer.get("non_trainable").asLong(), row.nonTrainable(), where + " non-trainable");
      // A nested model's weights (also one inside TimeDistributed) are those of the layers
      // inside it: the rows below its path.
      List<LayerReport> inside =
          report.layers().stream()
              .filter(l -> l.path().startsWith(name + "/"))
              .collect(Collectors.toList());
      List<LayerReport> owners = inside.isEmpty() ? List.of(row) : inside;
      List<String> ours = new ArrayList<>();
      owners.forEach(
          o ->
              o.weights()
                  .forEach(
                      w ->
                          ours.add(
                              w.shape()
                                  + (Boolean.TRUE.equals(w.trainable()) ? " trainable" : " frozen")
                                  + " stored "
                                  + (storedElsewhere(fileName, o, report)
                                      ? w.shape()
                                      : w.storedShape()))));
      List<String> theirs = new ArrayList<>();
      layer
          .get("weights")
          .forEach(
              w -> {
                Shape s = shape(w.get("shape"));
                // A .keras archive merges LoRA factors into the kernel instead of storing them.
                boolean folded =
                    fileName.endsWith(".keras") && w.get("path").asText().contains("/lora_");
                theirs.add(
                    s
                        + (w.get("trainable").asBoolean() ? " trainable" : " frozen")
                        + " stored "
                        + (stores && !folded ? s : null));
              });
      ours.sort(null);
      theirs.sort(null);
      assertEquals(theirs, ours, where + " weight shapes, trainable flags and stored shapes");
    }
    JsonNode totals = expected.get("totals");
    ModelReport.Totals ours = report.totals();
    if (ours.complete()) {
      assertEquals(totals.get("params").asLong(), ours.params(), "total params");
      assertEquals(totals.get("trainable").asLong(), ours.trainable(), "trainable params");
      assertEquals(
          totals.get("non_trainable").asLong(), ours.nonTrainable(), "non-trainable params");
    } else if (stores) {
      // Layers behind an opaque node count what the file stores for them, unsplit.
      assertEquals(totals.get("params").asLong(), ours.params(), "total params");
      assertEquals(
          ours.params(),
          ours.trainable() + ours.nonTrainable() + ours.unverified(),
          "params by bucket");
    } else {
      assertTrue(
          ours.params() <= totals.get("params").asLong(),
          "total params without the unknown layers");
    }
    assertEquals(
        stores ? storedParams.asLong() : null,
        report.totals().stored(),
        "params stored in the file (h5py's count)");
  }

  /**
   * A .keras archive stores a layer object once, where saving reaches it first: a layer used both
   * at the top level and inside a nested model has its weights stored with the top-level one.
   */
  private static boolean storedElsewhere(String fileName, LayerReport row, ModelReport report) {
    if (!fileName.endsWith(".keras") || !row.path().contains("/")) {
      return false;
    }
    return report.layers().stream().anyMatch(l -> l.depth() == 0 && l.name().equals(row.name()));
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
