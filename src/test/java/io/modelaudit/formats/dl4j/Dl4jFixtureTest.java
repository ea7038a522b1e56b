package io.modelaudit.formats.dl4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.modelaudit.TestPaths;
import io.modelaudit.audit.ModelAuditor;
import io.modelaudit.compare.Severity;
import io.modelaudit.ir.Shape;
import io.modelaudit.report.LayerReport;
import io.modelaudit.report.ModelReport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every model in {@code test-models/dl4j/} against the numbers DL4J 1.0.0-M2.1 itself reported when
 * it wrote the file ({@code NAME.expected.json}, made by dl4j-reference's GenerateDl4jFixtures;
 * DL4J is not needed here): per layer the parameter count, every parameter's shape (our weight
 * report against DL4J's param table) and the output shape, and the totals.
 *
 * <p>Shapes: DL4J's {@code InputType.getShape(false)} with the minibatch in front is our shape,
 * because our DL4J rules keep DL4J's array layout: FeedForward(n) is (None, n); Recurrent(size, T)
 * is (None, size, T) (NCW; T unknown: None); Convolutional(h, w, c) is (None, c, h, w) for NCHW and
 * (None, h, w, c) for NHWC; Convolutional3D is (None, c, d, h, w) for NCDHW; ConvolutionalFlat is
 * (None, h·w·c). DL4J's configuration JSON does not keep the input types a model was built for, so
 * they are given to the audit as {@code --input-shape} would give them.
 */
class Dl4jFixtureTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** The totals DL4J's zoo documentation publishes (numClasses 1000; UNet 1). */
  private static final Map<String, Long> PUBLISHED_ZOO_TOTALS =
      Map.of(
          "vgg16", 138_357_544L,
          "resnet50", 25_636_712L,
          "darknet19", 20_856_776L,
          "unet", 31_032_837L,
          "xception", 22_910_480L,
          "squeezenet", 1_235_496L);

  /**
   * Layers whose InputType DL4J's bookkeeping gets wrong: the generator ran each network on zeros
   * and the activation DL4J really produces ({@code runtime_shape}) differs from the type ({@code
   * output_shape}). Our shape is compared with the real one there.
   */
  private static final Map<String, String> DL4J_TYPE_ERRORS =
      Map.ofEntries(
          Map.entry(
              "conv3d/conv3d",
              "Convolution3D's type says NDHWC while the layer is NCDHW and writes [c, d, h, w]"),
          Map.entry(
              "embedding_sequence/gmp",
              "GlobalPoolingLayer after an RNN keeps the recurrent type; it outputs [n]"),
          Map.entry(
              "graph_rnn/repeat",
              "DuplicateToTimeSeriesVertex's type has 1 time step; it repeats to the named input's 5"),
          Map.entry(
              "graph_rnn/decoder", "follows the 1 time step of DuplicateToTimeSeriesVertex's type"),
          Map.entry(
              "graph_rnn/out", "follows the 1 time step of DuplicateToTimeSeriesVertex's type"),
          Map.entry(
              "squeezenet/loss",
              "LossLayer's type is FeedForward(nOut) with nOut 0; it passes its input's 1000 through"),
          Map.entry(
              "misc/loss",
              "LossLayer's type is FeedForward(nOut) with nOut 0; it passes its input's 3 through"),
          Map.entry(
              "conv3d_more/pad3d",
              "ZeroPadding3DLayer's type says NDHWC while the activation stays NCDHW [c, d, h, w]"),
          Map.entry(
              "conv3d_more/crop3d",
              "Cropping3D's type says NDHWC while the activation stays NCDHW [c, d, h, w]"),
          Map.entry(
              "conv3d_more/up3d",
              "Upsampling3D's type says NDHWC while the activation stays NCDHW [c, d, h, w]"),
          Map.entry(
              "conv3d_more/conv3d",
              "Convolution3D's type says NDHWC while the layer is NCDHW and writes [c, d, h, w]"),
          Map.entry(
              "conv3d_more/loss3d",
              "follows the NDHWC of Convolution3D's type; the activation is NCDHW"),
          Map.entry(
              "conv3d_channels_last/deconv3d",
              "Deconvolution3D's NDHWC type says d 6, h 4, w 8; it writes d 3, h 8, w 8"),
          Map.entry("conv3d_channels_last/up3d", "follows Deconvolution3D's wrong NDHWC type"),
          Map.entry("conv3d_channels_last/loss3d", "follows Deconvolution3D's wrong NDHWC type"),
          Map.entry(
              "graph_reshape/pool_helper",
              "PoolHelperVertex's type is its input's 6×6; it drops the first row and column: 5×5"),
          Map.entry(
              "capsules/loss",
              "LossLayer's type is FeedForward(nOut) with nOut 0; it passes its input's 3 through"),
          Map.entry(
              "ocnn/ocnn",
              "OCNNOutputLayer's type is FeedForward(0); it writes one score per example"),
          Map.entry(
              "pre_ff_cnn3d/conv3d",
              "Convolution3D's type says NDHWC while the layer is NCDHW and writes [c, d, h, w]"),
          Map.entry(
              "pre_ff_cnn3d/conv3d_2",
              "Convolution3D's type says NDHWC while the layer is NCDHW and writes [c, d, h, w]"),
          Map.entry(
              "pre_ff_cnn3d/loss3d",
              "follows the NDHWC of Convolution3D's type; the activation is NCDHW"),
          Map.entry(
              "pooled_rnn_to_ff/pool",
              "GlobalPoolingLayer after an RNN keeps the recurrent type; it outputs [n]"),
          Map.entry(
              "composable_rnn_fold/pad",
              "RnnToFeedForward then FeedForwardToRnn: the type has 1 time step; the 5 come back"),
          Map.entry("composable_rnn_fold/out", "follows the 1 time step of the padding's type"),
          Map.entry(
              "index_sequence_vertex/emb",
              "EmbeddingSequenceLayer's type has inputLength's 1 step; it embeds the input's 5"),
          Map.entry(
              "pooled_bidirectional_lstm/pool",
              "GlobalPoolingLayer after an RNN keeps the recurrent type; it outputs [n]"),
          Map.entry(
              "pooled_bidirectional_lstm/bilstm",
              "follows the pooling's recurrent type (5 steps); it runs the 2D input as 1 step"),
          Map.entry(
              "pooled_bidirectional_lstm/out", "follows the 5 steps of the pooling's type; 1 step"),
          Map.entry(
              "deconv3d_flatten/deconv3d",
              "Deconvolution3D's type says d 10, h 6, w 6; it writes d 10, h 3, w 12"),
          Map.entry(
              "darknet19/loss",
              "LossLayer's type is FeedForward(nOut) with nOut 0; it passes its input's 1000 through"));

  /**
   * Fixtures whose total DL4J's {@code numParams()} gets wrong: the stored parameter vector (and
   * our total) is compared there.
   */
  private static final Map<String, String> DL4J_TOTAL_ERRORS =
      Map.of(
          "graph_attention",
          "ComputationGraph.numParams() leaves out the AttentionVertex's 126 parameters it stores");

  /**
   * Networks DL4J 1.0.0-M2.1 builds and saves but cannot run: no real activation shapes, DL4J's
   * types are compared.
   */
  private static final Map<String, String> DL4J_FORWARD_FAILURES =
      Map.of(
          "learned_attention",
          "LearnedSelfAttentionLayer's forward pass fails in ND4J's scatter_update");

  /**
   * Layers whose parameter table a freshly initialised network gives another shape than the same
   * network loaded from its file (what Dl4jReferenceCorpusConformanceTest compares): ours follow
   * the loaded one.
   */
  private static final Map<String, String> DL4J_FRESH_TABLE_DIFFERS =
      Map.of(
          "misc_more/ewm",
          "ElementWiseMultiplicationLayer: W is [1, 4] when initialised, [4] when loaded");

  @TestFactory
  Stream<DynamicTest> everyModelMatchesDl4jOwnNumbers() throws IOException {
    return expectations(TestPaths.testModels().resolve("dl4j")).stream()
        .map(
            e ->
                DynamicTest.dynamicTest(
                    e.getFileName().toString(), () -> assertEquals(List.of(), problems(e))));
  }

  @TestFactory
  Stream<DynamicTest> everyZooArchitectureMatchesDl4jOwnNumbers() throws IOException {
    return expectations(TestPaths.testModels().resolve("dl4j/zoo")).stream()
        .map(
            e ->
                DynamicTest.dynamicTest(
                    e.getFileName().toString(), () -> assertEquals(List.of(), problems(e))));
  }

  @Test
  void zooTotalsAreThePublishedOnes() throws IOException {
    Map<String, Long> dl4j = new TreeMap<>();
    Map<String, Long> ours = new TreeMap<>();
    for (Path e : expectations(TestPaths.testModels().resolve("dl4j/zoo"))) {
      JsonNode expected = JSON.readTree(e.toFile());
      String name = e.getFileName().toString().replace(".expected.json", "");
      dl4j.put(name, expected.get("total_params").asLong());
      ModelReport report = audit(e, expected);
      ours.put(name, report.totals() == null ? null : report.totals().params());
    }
    assertEquals(new TreeMap<>(PUBLISHED_ZOO_TOTALS), dl4j, "DL4J's own totals");
    assertEquals(new TreeMap<>(PUBLISHED_ZOO_TOTALS), ours, "our totals");
  }

  @Test
  void theConfigurationAloneGivesTheArchiveNumbers() throws IOException {
    Path dir = TestPaths.testModels().resolve("dl4j");
    JsonNode expected = JSON.readTree(dir.resolve("mlp.expected.json").toFile());
    ModelReport json = new ModelAuditor(inputShapes(expected)).audit(dir.resolve("mlp.json"));
    assertNull(json.error());
    assertEquals("dl4j-json", json.format());
    assertEquals(expected.get("total_params").asLong(), json.totals().params());
    assertNull(json.totals().stored(), "a configuration stores no parameters");
  }

  private static List<Path> expectations(Path dir) throws IOException {
    List<Path> found;
    try (Stream<Path> s = Files.list(dir)) {
      found =
          s.filter(p -> p.getFileName().toString().endsWith(".expected.json"))
              .sorted()
              .collect(Collectors.toList());
    }
    assertFalse(found.isEmpty(), "no fixtures in " + dir);
    return found;
  }

  private static ModelReport audit(Path expectation, JsonNode expected) {
    return new ModelAuditor(inputShapes(expected))
        .audit(expectation.resolveSibling(expected.get("file").asText()));
  }

  /** DL4J's input types as our shapes, the minibatch in front (see the class comment). */
  private static Map<String, Shape> inputShapes(JsonNode expected) {
    Map<String, Shape> shapes = new LinkedHashMap<>();
    expected
        .get("input_types")
        .fields()
        .forEachRemaining(e -> shapes.put(e.getKey(), withBatch(e.getValue().get("shape"))));
    return shapes;
  }

  private static Shape withBatch(JsonNode dims) {
    List<Long> list = new ArrayList<>();
    list.add(null);
    dims.forEach(d -> list.add(d.isNull() ? null : d.asLong()));
    return Shape.of(list);
  }

  private static List<String> problems(Path expectation) throws IOException {
    JsonNode expected = JSON.readTree(expectation.toFile());
    ModelReport report = audit(expectation, expected);
    boolean inputsOpen = expected.get("input_types").toString().contains("null");
    String fixture = expectation.getFileName().toString().replace(".expected.json", "");
    List<String> problems = new ArrayList<>();
    if (expected.has("forward_failed") != DL4J_FORWARD_FAILURES.containsKey(fixture)) {
      problems.add(
          "DL4J could not run the network: "
              + expected.path("forward_failed").asText("no (it ran)")
              + "; pinned as failing: "
              + DL4J_FORWARD_FAILURES.containsKey(fixture));
    }
    if (report.error() != null) {
      return List.of("could not audit: " + report.error());
    }
    for (JsonNode layer : expected.get("layers")) {
      String name = layer.get("name").asText();
      String where = name + " (" + layer.get("class").asText() + ")";
      LayerReport row =
          report.layers().stream()
              .filter(l -> l.depth() == 0 && l.name().equals(name))
              .findFirst()
              .orElse(null);
      if (row == null) {
        problems.add(where + ": missing from our report");
        continue;
      }
      String status =
          expected.get("file").asText().endsWith(".json") ? LayerReport.UNVERIFIED : LayerReport.OK;
      if (!status.equals(row.status())) {
        problems.add(where + ": status " + row.status() + ": " + row.note());
      }
      long params = layer.get("params").asLong();
      if (row.params() == null || row.params() != params) {
        problems.add(where + ": params ours " + row.params() + ", DL4J " + params);
      }
      Map<String, Shape> dl4jTable = new TreeMap<>();
      layer
          .get("param_table")
          .fields()
          .forEachRemaining(p -> dl4jTable.put(p.getKey(), shapeOf(p.getValue())));
      Map<String, Shape> ourTable = new TreeMap<>();
      for (LayerReport.WeightReport w : row.weights()) {
        if (w.name() == null) {
          problems.add(where + ": a stored slice no parameter of ours matches: " + w);
          continue;
        }
        ourTable.put(w.name(), w.shape());
      }
      // The zoo's largest graphs are counted without building them: no param tables there.
      if ((!dl4jTable.isEmpty() || params == 0)
          && !DL4J_FRESH_TABLE_DIFFERS.containsKey(fixture + "/" + name)) {
        if (!dl4jTable.equals(ourTable)) {
          problems.add(where + ": parameters ours " + ourTable + ", DL4J " + dl4jTable);
        }
      }
      Shape ours =
          row.outputShapes() == null || row.outputShapes().isEmpty()
              ? null
              : row.outputShapes().get(0);
      Shape typed = layer.has("output_shape") ? withBatch(layer.get("output_shape")) : null;
      Shape real = layer.has("runtime_shape") ? shapeOf(layer.get("runtime_shape")) : null;
      String key = fixture + "/" + name;
      if (real != null) {
        if (!sameOrBothUnknown(ours, real, inputsOpen ? typed : null)) {
          problems.add(
              where
                  + ": output ours "
                  + ours
                  + ", DL4J computes "
                  + real
                  + " (its type: "
                  + typed
                  + ")");
        }
        boolean typeWrong = typed != null && !sameOrBothUnknown(typed, real, typed);
        if (typeWrong != DL4J_TYPE_ERRORS.containsKey(key)) {
          problems.add(
              where
                  + ": DL4J's type "
                  + typed
                  + " vs its real output "
                  + real
                  + ": pinned as wrong: "
                  + DL4J_TYPE_ERRORS.containsKey(key));
        }
      } else if (typed != null && !DL4J_TYPE_ERRORS.containsKey(key) && !typed.equals(ours)) {
        problems.add(
            where
                + ": output ours "
                + ours
                + ", DL4J "
                + typed
                + " "
                + layer.get("output_type").asText());
      }
    }
    long total = expected.get("total_params").asLong();
    if (DL4J_TOTAL_ERRORS.containsKey(fixture)) {
      long vector = expected.get("params_vector_length").asLong();
      if (total == vector) {
        problems.add("DL4J's total is pinned as wrong but equals its stored vector " + vector);
      }
      total = vector;
    }
    if (report.totals().params() != total) {
      problems.add("total params ours " + report.totals().params() + ", DL4J " + total);
    }
    Long stored = report.totals().stored();
    if (expected.get("file").asText().endsWith(".zip")
        && (stored == null || stored != expected.get("params_vector_length").asLong())) {
      problems.add(
          "stored parameter vector read as "
              + stored
              + ", DL4J wrote "
              + expected.get("params_vector_length").asLong());
    }
    report.findings().stream()
        .filter(f -> f.severity() != Severity.INFO)
        .forEach(f -> problems.add("finding " + f.rule() + " " + f.layer() + ": " + f.message()));
    return problems;
  }

  /**
   * Equal dimension by dimension, except where the input's time length was unknown: the generator
   * ran 4 steps there, DL4J's type and ours both say unknown ({@code typed} null: no exception, the
   * inputs being fully known).
   */
  private static boolean sameOrBothUnknown(Shape ours, Shape real, Shape typed) {
    if (ours == null || ours.rank() != real.rank()) {
      return false;
    }
    for (int i = 1; i < real.rank(); i++) {
      boolean unknownToBoth =
          ours.dim(i) == null
              && typed != null
              && typed.rank() == real.rank()
              && typed.dim(i) == null;
      if (!unknownToBoth && !real.dim(i).equals(ours.dim(i))) {
        return false;
      }
    }
    return true;
  }

  private static Shape shapeOf(JsonNode dims) {
    List<Long> list = new ArrayList<>();
    dims.forEach(d -> list.add(d.isNull() ? null : d.asLong()));
    return Shape.of(list);
  }
}
