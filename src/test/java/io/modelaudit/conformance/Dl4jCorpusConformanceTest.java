package io.modelaudit.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modelaudit.TestPaths;
import io.modelaudit.audit.ModelAuditor;
import io.modelaudit.compare.Finding;
import io.modelaudit.compare.Severity;
import io.modelaudit.formats.dl4j.NdArrayHeader;
import io.modelaudit.ir.Shape;
import io.modelaudit.report.LayerReport;
import io.modelaudit.report.ModelReport;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Audits every Deeplearning4j file of the corpus: the regression files DL4J 0.5.0 … 1.0.0-beta6
 * wrote (both JSON forms, all three coefficients header variants) and the DL4J archives found on
 * GitHub. The length of {@code coefficients.bin} is DL4J's own {@code numParams()}: our total must
 * equal it in every archive.
 */
class Dl4jCorpusConformanceTest {

  /**
   * DL4J's numParams() per archive, as the coefficients header records it (checked by hand against
   * the readme configurations).
   */
  private static final Map<String, Long> STORED =
      Map.ofEntries(
          Map.entry("050/050_ModelSerializer_Regression_MLP_1.zip", 41L),
          Map.entry("050/050_ModelSerializer_Regression_MLP_2.zip", 41L),
          Map.entry("050/050_ModelSerializer_Regression_CNN_1.zip", 10_184L),
          Map.entry("060/060_ModelSerializer_Regression_MLP_1.zip", 41L),
          Map.entry("060/060_ModelSerializer_Regression_MLP_2.zip", 41L),
          Map.entry("060/060_ModelSerializer_Regression_CNN_1.zip", 10_184L),
          Map.entry("060/060_ModelSerializer_Regression_LSTM_1.zip", 477L),
          Map.entry("060/060_ModelSerializer_Regression_CG_LSTM_1.zip", 477L),
          Map.entry("071/071_ModelSerializer_Regression_MLP_1.zip", 41L),
          Map.entry("071/071_ModelSerializer_Regression_MLP_2.zip", 41L),
          Map.entry("071/071_ModelSerializer_Regression_CNN_1.zip", 10_184L),
          Map.entry("071/071_ModelSerializer_Regression_LSTM_1.zip", 477L),
          Map.entry("071/071_ModelSerializer_Regression_CG_LSTM_1.zip", 477L),
          Map.entry("080/080_ModelSerializer_Regression_MLP_1.zip", 41L),
          Map.entry("080/080_ModelSerializer_Regression_MLP_2.zip", 41L),
          Map.entry("080/080_ModelSerializer_Regression_CNN_1.zip", 10_184L),
          Map.entry("080/080_ModelSerializer_Regression_LSTM_1.zip", 477L),
          Map.entry("080/080_ModelSerializer_Regression_CG_LSTM_1.zip", 477L),
          Map.entry("100a/CustomLayerExample_100a.bin", 149L),
          Map.entry("100a/CustomLayerExample_Graph_100a.bin", 149L),
          Map.entry("100a/upsampling/net.bin", 94_178L),
          Map.entry("100b3/CustomLayerExample_100b3_double.bin", 149L),
          Map.entry("100b3/CustomLayerExample_100b3_float.bin", 149L),
          Map.entry("100b4/CustomLayerExample_100b4_double.bin", 149L),
          Map.entry("100b4/CustomLayerExample_100b4_float.bin", 149L),
          Map.entry("100b4/CustomLayerExample_100b4_half.bin", 149L),
          Map.entry("100b4/SyntheticCNN_100b4.bin", 1_304L),
          Map.entry("100b4/SyntheticBidirectionalRNNGraph_100b4.bin", 4_515L),
          Map.entry("100b6/CustomLayerExample_100b6_double.bin", 149L),
          Map.entry("100b6/CustomLayerExample_100b6_float.bin", 149L),
          Map.entry("100b6/CustomLayerExample_100b6_half.bin", 149L),
          Map.entry("100b6/SyntheticCNN_100b6.bin", 1_304L),
          Map.entry("100b6/SyntheticBidirectionalRNNGraph_100b6.bin", 4_515L));

  /**
   * Real inconsistencies in the files, not our bugs. 0.7.1 and 0.8.0 CNN_1: the readme sets
   * ConvolutionMode.Same, so the activation stays 28×28×3 = 2,352 (DL4J's own preprocessor records
   * 28×28×3), but the OutputLayer keeps nIn(26*26*3) = 2,028 from the 0.6.0 version: DL4J would
   * fail on the first forward pass. The parameter count still matches.
   */
  private static final Map<String, String> KNOWN_FINDINGS =
      Map.of(
          "071/071_ModelSerializer_Regression_CNN_1.zip",
              "SHAPE_RULE_FAILED 2: nIn is 2028 but the input (None, 2352) has 2352 features",
          "080/080_ModelSerializer_Regression_CNN_1.zip",
              "SHAPE_RULE_FAILED layer2: nIn is 2028 but the input (None, 2352) has 2352 features");

  @Test
  void regressionFilesOfEveryVersion() throws IOException {
    Path root = TestPaths.corpus().resolve("dl4j-test-resources/regression_testing");
    List<Path> files;
    try (Stream<Path> walk = Files.walk(root)) {
      files =
          walk.filter(Files::isRegularFile)
              .filter(p -> !p.toString().endsWith(".md"))
              .sorted()
              .collect(Collectors.toList());
    }
    ModelAuditor auditor = new ModelAuditor(Map.of());
    List<String> problems = new ArrayList<>();
    int models = 0;
    int arrays = 0;
    for (Path file : files) {
      String rel = root.relativize(file).toString();
      ModelReport report = auditor.audit(file);
      String name = file.getFileName().toString();
      boolean array =
          name.contains("_Input")
              || name.contains("_Output")
              || rel.startsWith("100a/upsampling/") && !name.equals("net.bin");
      if (array) {
        arrays++;
        if (report.error() == null
            || !report.error().kind().equals("not_a_model")
            || !report.error().message().startsWith("an ND4J array")) {
          problems.add(rel + ": expected 'not a model (ND4J array)', got " + describe(report));
        }
        continue;
      }
      if (rel.startsWith("eval_100b/")) {
        if (report.error() == null || report.format().startsWith("dl4j")) {
          problems.add(rel + ": an evaluation JSON, not a model; got " + describe(report));
        }
        continue;
      }
      models++;
      problems.addAll(check(rel, report, STORED.get(rel)));
    }
    assertEquals(List.of(), problems);
    assertEquals(
        STORED.size() + 1, models, "model files (archives + legacy_frozen/configuration.json)");
    assertEquals(51, arrays);
  }

  @Test
  void githubArchives() throws IOException {
    Path root = TestPaths.corpus().resolve("github");
    List<String> rows =
        Files.readAllLines(root.resolve("MANIFEST.tsv")).stream()
            .filter(l -> l.split("\t").length > 10 && l.split("\t")[4].equals("dl4j-zip"))
            .collect(Collectors.toList());
    ModelAuditor auditor = new ModelAuditor(Map.of());
    List<String> problems = new ArrayList<>();
    for (String row : rows) {
      String local = row.split("\t")[10].replaceFirst("^files/", "");
      ModelReport report = auditor.audit(root.resolve(local));
      problems.addAll(check(local, report, null));
      if (report.totals() != null && report.totals().stored() == null) {
        problems.add(local + ": no stored parameter vector read");
      }
    }
    assertEquals(3, rows.size());
    assertEquals(List.of(), problems);
  }

  /**
   * legacy_frozen is DL4J's zoo ResNet50 (25,636,712 parameters with 1,000 classes) with its
   * 2048→1000 output layer (2,049,000) replaced by a 2048→2 one (4,098), every other layer frozen.
   */
  @Test
  void legacyFrozenResNet50() {
    Path file =
        TestPaths.corpus()
            .resolve(
                "dl4j-test-resources/regression_testing/misc/legacy_frozen/configuration.json");
    ModelReport report = new ModelAuditor(Map.of()).audit(file);
    assertEquals("dl4j-json", report.format());
    assertEquals(25_636_712L - 2_049_000L + 4_098L, report.totals().params());
    assertEquals(4_098L, report.totals().trainable());
    assertTrue(
        report.layers().stream().filter(l -> l.className().equals("FrozenLayer")).count() > 100);
  }

  /**
   * DL4J ran these networks on the input it saved beside them and saved the output: with that
   * input's shape, our output shape must be the saved output's (DL4J's own shape, read from the
   * array header). SyntheticCNN chains Truncate and Same convolutions, separable and depthwise
   * convolutions, padding, upsampling and cropping: 28×28 → 11×22.
   */
  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "100b4/SyntheticCNN_100b4.bin, (input), 100b4/SyntheticCNN_Input_100b4.bin, 100b4/SyntheticCNN_Output_100b4.bin",
    "100b6/SyntheticCNN_100b6.bin, (input), 100b6/SyntheticCNN_Input_100b6.bin, 100b6/SyntheticCNN_Output_100b6.bin",
    "100b4/SyntheticBidirectionalRNNGraph_100b4.bin, input, 100b4/SyntheticBidirectionalRNNGraph_Input_100b4.bin, 100b4/SyntheticBidirectionalRNNGraph_Output_100b4.bin",
    "100b6/SyntheticBidirectionalRNNGraph_100b6.bin, input, 100b6/SyntheticBidirectionalRNNGraph_Input_100b6.bin, 100b6/SyntheticBidirectionalRNNGraph_Output_100b6.bin",
    "100a/upsampling/net.bin, (input), 100a/upsampling/in.bin, 100a/upsampling/out.bin",
  })
  void outputShapeIsWhatDl4jComputed(String model, String input, String in, String out)
      throws IOException {
    Path root = TestPaths.corpus().resolve("dl4j-test-resources/regression_testing");
    Shape inShape = Shape.of(header(root.resolve(in)).shape());
    ModelReport report = new ModelAuditor(Map.of(input, inShape)).audit(root.resolve(model));
    LayerReport last = report.layers().get(report.layers().size() - 1);
    assertEquals(List.of(Shape.of(header(root.resolve(out)).shape())), last.outputShapes(), model);
    assertEquals(
        List.of(),
        report.findings().stream()
            .filter(f -> f.severity() != Severity.INFO)
            .collect(Collectors.toList()));
  }

  private static NdArrayHeader header(Path file) throws IOException {
    try (InputStream s = Files.newInputStream(file)) {
      return NdArrayHeader.read(s, file.toString());
    }
  }

  private static List<String> check(String rel, ModelReport report, Long expectedStored) {
    List<String> problems = new ArrayList<>();
    if (report.error() != null) {
      problems.add(rel + ": " + describe(report));
      return problems;
    }
    if (!report.format().startsWith("dl4j") || !report.framework().name().equals("dl4j")) {
      problems.add(
          rel + ": format " + report.format() + ", framework " + report.framework().name());
    }
    Long stored = report.totals().stored();
    if (expectedStored != null && !expectedStored.equals(stored)) {
      problems.add(
          rel + ": coefficients header read as " + stored + ", DL4J wrote " + expectedStored);
    }
    if (stored != null && stored != report.totals().params()) {
      problems.add(rel + ": our total " + report.totals().params() + ", stored " + stored);
    }
    List<String> errors =
        report.findings().stream()
            .filter(f -> f.severity() == Severity.ERROR)
            .map(f -> f.rule() + " " + f.layer() + ": " + f.message())
            .collect(Collectors.toList());
    List<String> known =
        KNOWN_FINDINGS.containsKey(rel) ? List.of(KNOWN_FINDINGS.get(rel)) : List.of();
    if (!errors.equals(known)) {
      problems.add(rel + ": findings " + errors + ", expected " + known);
    }
    for (LayerReport l : report.layers()) {
      if (l.status().equals(LayerReport.UNSUPPORTED) && !l.className().equals("CustomLayer")) {
        problems.add(rel + ": " + l.path() + " (" + l.className() + ") unsupported: " + l.note());
      }
    }
    for (Finding f : report.findings()) {
      if (f.severity() == Severity.WARNING) {
        problems.add(rel + ": warning " + f.rule() + " " + f.layer() + ": " + f.message());
      }
    }
    return problems;
  }

  private static String describe(ModelReport r) {
    return r.error() == null
        ? "status " + r.status() + " (" + r.format() + ")"
        : r.error().kind() + ": " + r.error().message();
  }
}
