package io.modelaudit.reference.dl4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modelaudit.compare.Finding;
import io.modelaudit.compare.Severity;
import io.modelaudit.ir.Shape;
import io.modelaudit.reference.LayerTable;
import io.modelaudit.report.Dl4jAnswer;
import io.modelaudit.report.LayerReport;
import io.modelaudit.report.ModelReport;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * How DL4J's answers are classified, on hand-made answers (the worker's real answers are pinned in
 * Dl4jExplanationCliTest and Dl4jKerasCorpusConformanceTest): the evidence each kind needs.
 */
class Dl4jExplainerTest {
  private static LayerReport row(
      String name,
      String cls,
      List<String> inbound,
      Shape in,
      Shape out,
      long params,
      List<LayerReport.WeightReport> weights) {
    return new LayerReport(
        name,
        name,
        cls,
        inbound,
        List.of(out),
        null,
        params,
        params,
        0L,
        "inferred",
        weights,
        params,
        LayerReport.OK,
        null,
        null,
        0,
        "",
        in == null ? null : List.of(in),
        null,
        null,
        java.util.Map.of(),
        null,
        null,
        List.of(),
        null);
  }

  private static LayerReport.WeightReport weight(String name, long... dims) {
    return new LayerReport.WeightReport(
        name, Shape.ofKnown(dims), Shape.ofKnown(dims), name, name, true);
  }

  private static Dl4jAnswer.Layer dl4j(
      String name, String cls, long params, Map<String, List<Long>> table, List<Long> out) {
    return new Dl4jAnswer.Layer(
        name, cls, params, table, null, out == null ? null : "type " + out, out);
  }

  private static LayerTable report(List<LayerReport> rows, long total) {
    return new LayerTable(
        "keras-h5",
        new ModelReport.Framework("keras", "2.2.4", "tensorflow"),
        "m",
        null,
        rows,
        new ModelReport.Totals(total, total, 0, 0, total, true),
        List.of());
  }

  private static Dl4jAnswer answer(long total, Dl4jAnswer.Layer... layers) {
    return new Dl4jAnswer(
        Dl4jAnswer.OK, "1.0.0-M2.1", "ComputationGraph", total, true, List.of(layers), null, null);
  }

  private static Map<String, String> kinds(List<Finding> findings) {
    Map<String, String> out = new LinkedHashMap<>();
    findings.forEach(
        f ->
            out.put(
                f.layer() == null ? "model" : f.layer(),
                f.severity().id() + " " + f.explanation().kind()));
    return out;
  }

  @Test
  void aCountDifferenceWithAgreeingActivationsIsUnexplainedAndAWarning() {
    LayerReport dense =
        row(
            "d",
            "Dense",
            List.of(),
            Shape.of(null, 4L),
            Shape.of(null, 3L),
            15,
            List.of(weight("kernel", 4, 3), weight("bias", 3)));
    Dl4jAnswer dl4j =
        answer(12, dl4j("d", "DenseLayer", 12, Map.of("W", List.of(4L, 3L)), List.of(3L)));
    List<Finding> findings = Dl4jReference.findings(report(List.of(dense), 15), dl4j);
    assertEquals(
        Map.of("d", "warning dl4j_count_differs", "model", "warning dl4j_count_differs"),
        kinds(findings));
    assertTrue(
        findings
            .get(0)
            .explanation()
            .message()
            .contains("DL4J (W [4, 3]), the file's (kernel (4, 3), bias (3,))"),
        findings.get(0).explanation().message());
  }

  @Test
  void aMisreadIsTracedToTheFirstLayerWhoseActivationDiffers() {
    LayerReport a = row("a", "Conv2D", List.of(), null, Shape.of(null, 6L, 6L, 8L), 80, List.of());
    LayerReport b =
        row("b", "ZeroPadding2D", List.of("a"), null, Shape.of(null, 8L, 8L, 8L), 0, List.of());
    LayerReport c =
        row(
            "c",
            "Conv2D",
            List.of("b"),
            null,
            Shape.of(null, 6L, 6L, 2L),
            146,
            List.of(weight("kernel", 3, 3, 8, 2), weight("bias", 2)));
    Dl4jAnswer dl4j =
        answer(
            190,
            dl4j("a", "ConvolutionLayer", 80, Map.of(), List.of(6L, 6L, 8L)),
            dl4j("b", "ZeroPaddingLayer", 0, Map.of(), List.of(8L, 10L, 6L)),
            dl4j(
                "c",
                "ConvolutionLayer",
                110,
                Map.of("W", List.of(2L, 6L, 3L, 3L), "b", List.of(2L)),
                List.of(6L, 8L, 2L)));
    List<Finding> findings = Dl4jReference.findings(report(List.of(a, b, c), 226), dl4j);
    assertEquals(
        Map.of("c", "error dl4j_activation_misread", "model", "error dl4j_activation_misread"),
        kinds(findings));
    assertTrue(
        findings
            .get(0)
            .explanation()
            .message()
            .startsWith(
                "DL4J's activations first differ from Keras' at b (ZeroPadding2D): DL4J type [8, 10, 6], Keras (None, 8, 8, 8)"),
        findings.get(0).explanation().message());
    assertFalse(findings.get(0).explanation().expected());
  }

  /**
   * A Dense shared by two inputs of 8 features: Keras' kernel is (8, 4); DL4J merges both inputs
   * into one of 16 and builds W [16, 4].
   */
  @Test
  void aSharedLayerWhoseInputsDl4jMergesIsAMisread() {
    LayerReport a = row("a", "InputLayer", List.of(), null, Shape.of(null, 8L), 0, List.of());
    LayerReport b = row("b", "InputLayer", List.of(), null, Shape.of(null, 8L), 0, List.of());
    LayerReport shared =
        new LayerReport(
            "shared",
            "shared",
            "Dense",
            List.of("a"),
            List.of(Shape.of(null, 4L)),
            List.of(
                new LayerReport.CallReport(List.of("a"), List.of(Shape.of(null, 4L))),
                new LayerReport.CallReport(List.of("b"), List.of(Shape.of(null, 4L)))),
            36L,
            36L,
            0L,
            "inferred",
            List.of(weight("kernel", 8, 4), weight("bias", 4)),
            36L,
            LayerReport.OK,
            null,
            null,
            0,
            "",
            List.of(Shape.of(null, 8L)),
            null,
            null,
            java.util.Map.of(),
            null,
            null,
            List.of(),
            null);
    Dl4jAnswer dl4j =
        answer(
            68,
            dl4j(
                "shared",
                "DenseLayer",
                68,
                Map.of("W", List.of(16L, 4L), "b", List.of(4L)),
                List.of(4L)));
    List<Finding> findings = Dl4jReference.findings(report(List.of(a, b, shared), 36), dl4j);
    assertEquals(
        Map.of(
            "shared", "error dl4j_shared_layer_merged", "model", "error dl4j_shared_layer_merged"),
        kinds(findings));
    String message = findings.get(0).explanation().message();
    assertTrue(message.startsWith("Keras calls shared 2 times, on a, then on b,"), message);
    assertFalse(findings.get(0).explanation().expected());
  }

  /**
   * BatchNormalization(axis=1) on (None, 6, 10): Keras' vectors have 6 values, DL4J takes the 10
   * features.
   */
  @Test
  void aBatchNormAxisDl4jIgnoresIsNamed() {
    LayerReport bn =
        row(
            "bn",
            "BatchNormalization",
            List.of(),
            Shape.of(null, 6L, 10L),
            Shape.of(null, 6L, 10L),
            24,
            List.of(
                weight("gamma", 6),
                weight("beta", 6),
                weight("moving_mean", 6),
                weight("moving_variance", 6)));
    Dl4jAnswer dl4j =
        answer(
            40,
            dl4j(
                "bn",
                "BatchNormalization",
                40,
                Map.of(
                    "gamma",
                    List.of(10L),
                    "beta",
                    List.of(10L),
                    "mean",
                    List.of(10L),
                    "var",
                    List.of(10L)),
                List.of(6L, 10L)));
    List<Finding> findings = Dl4jReference.findings(report(List.of(bn), 24), dl4j);
    assertEquals(
        Map.of(
            "bn",
            "error dl4j_batchnorm_axis_ignored",
            "model",
            "error dl4j_batchnorm_axis_ignored"),
        kinds(findings));
    String message = findings.get(0).explanation().message();
    assertTrue(
        message.startsWith(
            "Keras normalizes bn over axis 1 (-2) of its input (None, 6, 10), 6 values per vector;"
                + " DL4J's import ignores the axis and normalizes over axis 2 (-1), 10 values"),
        message);
  }

  @Test
  void dl4jsOwnExceptionIsItsBugWhileAMissingMappingIsItsLimitation() {
    LayerTable report =
        report(
            List.of(
                row("lc", "LocallyConnected2D", List.of(), null, Shape.of(null, 2L), 0, List.of())),
            0);
    Finding bug =
        Dl4jReference.findings(
                report,
                new Dl4jAnswer(
                    Dl4jAnswer.IMPORT_FAILED,
                    "1.0.0-M2.1",
                    null,
                    null,
                    false,
                    List.of(),
                    new Dl4jAnswer.Failure(
                        null, "IndexOutOfBoundsException", "Index 0 out of bounds for length 0"),
                    null))
            .get(0);
    assertEquals("dl4j_internal_error", bug.explanation().kind());
    assertFalse(bug.explanation().expected());
    assertEquals(Severity.WARNING, bug.severity());
    Finding limit =
        Dl4jReference.findings(
                report,
                new Dl4jAnswer(
                    Dl4jAnswer.IMPORT_FAILED,
                    "1.0.0-M2.1",
                    null,
                    null,
                    false,
                    List.of(),
                    new Dl4jAnswer.Failure(
                        null,
                        "UnsupportedKerasConfigurationException",
                        "Unsupported keras layer type LocallyConnected2D. Please file an issue"),
                    null))
            .get(0);
    assertEquals("layer_not_supported", limit.explanation().kind());
    assertEquals(
        "DL4J's Keras import has no mapping for LocallyConnected2D (layer lc)",
        limit.explanation().message());
  }
}
