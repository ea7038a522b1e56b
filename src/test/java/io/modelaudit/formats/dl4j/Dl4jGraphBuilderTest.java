package io.modelaudit.formats.dl4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.modelaudit.infer.GraphInference;
import io.modelaudit.infer.InferredGraph;
import io.modelaudit.infer.LayerInference;
import io.modelaudit.ir.Layer;
import io.modelaudit.ir.Shape;
import io.modelaudit.ir.WeightSpec;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Both historical JSON forms, MultiLayerNetwork and ComputationGraph. The configurations are cut
 * down from files DL4J wrote (regression_testing 050, 080, 100b6): only the fields the reader uses
 * are kept.
 */
class Dl4jGraphBuilderTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static Dl4jModel build(String json) throws Exception {
    return Dl4jGraphBuilder.build(JSON.readTree(json.replace('\'', '"')));
  }

  private static InferredGraph infer(Dl4jModel m) {
    return GraphInference.infer(m.graph(), Map.of());
  }

  /** 0.5.0 – 0.7.x: wrapper keys, activation as a string, no layer names. */
  @Test
  void legacyMultiLayerWithStringActivations() throws Exception {
    Dl4jModel m =
        build(
            "{'confs': ["
                + "{'layer': {'convolution': {'activationFunction': 'tanh', 'kernelSize': [2, 2], 'stride': [1, 1], 'padding': [0, 0], 'nin': 3, 'nout': 3, 'layerName': null}}, 'variables': ['W', 'b']},"
                + "{'layer': {'subsampling': {'kernelSize': [2, 2], 'stride': [1, 1], 'padding': [0, 0], 'poolingType': 'MAX'}}, 'variables': []},"
                + "{'layer': {'output': {'activationFunction': 'sigmoid', 'nin': 2028, 'nout': 5}}, 'variables': ['W', 'b']}],"
                + "'inputPreProcessors': {'2': {'cnnToFeedForward': {'inputHeight': 26, 'inputWidth': 26, 'numChannels': 3}}}}");
    assertEquals("MultiLayerNetwork", m.networkClass());
    assertEquals("legacy", m.jsonForm());
    assertEquals(List.of("0", "1", "2"), m.parameterOrder());
    assertEquals("ConvolutionLayer", m.graph().layer("0").className());
    InferredGraph g = infer(m);
    assertEquals(3 * 3 * 2 * 2 + 3, g.layer("0").params());
    assertEquals(List.of(Shape.of(null, 3L, null, null)), g.layer("0").callOutputs().get(0));
    assertEquals(2028 * 5 + 5, g.layer("2").params());
    assertEquals(List.of(Shape.of(null, 5L)), g.layer("2").callOutputs().get(0));
    assertEquals(List.of("W", "b"), m.variables().get("2"));
  }

  /** 0.8.0 – 1.0.0-alpha: wrapper keys, activation as an object; GravesLSTM peepholes. */
  @Test
  void legacyComputationGraph() throws Exception {
    Dl4jModel m =
        build(
            "{'networkInputs': ['in'], 'networkOutputs': ['2'],"
                + "'vertexInputs': {'0': ['in'], '1': ['0'], '2': ['1']},"
                + "'vertices': {"
                + "'0': {'LayerVertex': {'layerConf': {'layer': {'gravesLSTM': {'activationFn': {'TanH': {}}, 'nin': 3, 'nout': 4, 'layerName': '0'}}, 'variables': ['W', 'RW', 'b']}, 'preProcessor': null}},"
                + "'1': {'LayerVertex': {'layerConf': {'layer': {'gravesBidirectionalLSTM': {'activationFn': {'SoftSign': {}}, 'nin': 4, 'nout': 4}}, 'variables': ['WF', 'RWF', 'bF', 'WB', 'RWB', 'bB']}, 'preProcessor': null}},"
                + "'2': {'LayerVertex': {'layerConf': {'layer': {'rnnoutput': {'activationFn': {'Softmax': {}}, 'nin': 4, 'nout': 5}}, 'variables': ['W', 'b']}, 'preProcessor': null}}}}");
    assertEquals("ComputationGraph", m.networkClass());
    assertEquals("legacy", m.jsonForm());
    InferredGraph g = infer(m);
    // DL4J 1.0.0-M2.1: W [3, 16], RW [4, 19] (16 gates + 3 peepholes), b [16] (0.x kept b [1, 16]:
    // same count)
    assertEquals(
        List.of(
            WeightSpec.trainable("W", 3, 16),
            WeightSpec.trainable("RW", 4, 19),
            WeightSpec.trainable("b", 16)),
        g.layer("0").weights());
    assertEquals(140L, g.layer("0").params());
    assertEquals(312L, g.layer("1").params());
    assertEquals(25L, g.layer("2").params());
    assertEquals(List.of(Shape.of(null, 5L, null)), g.layer("2").callOutputs().get(0));
    assertTrue(m.graph().layer("in").hidden());
  }

  /** 1.0.0-beta+: {@code @class} everywhere, recorded topological order, Bidirectional. */
  @Test
  void classFormComputationGraph() throws Exception {
    String lstm = "{'@class': 'org.deeplearning4j.nn.conf.layers.LSTM', 'nin': 10, 'nout': 16}";
    String rnn =
        "{'@class': 'org.deeplearning4j.nn.conf.layers.recurrent.SimpleRnn', 'nin': 10, 'nout': 16, 'hasLayerNorm': false}";
    Dl4jModel m =
        build(
            "{'networkInputs': ['input'], 'networkOutputs': ['out'],"
                + "'topologicalOrderStr': ['input', 'rnn2', 'rnn1', 'concat', 'pooling', 'out'],"
                + "'vertexInputs': {'rnn1': ['input'], 'rnn2': ['input'], 'concat': ['rnn1', 'rnn2'], 'pooling': ['concat'], 'out': ['pooling']},"
                + "'vertices': {"
                + "'rnn1': {'@class': 'org.deeplearning4j.nn.conf.graph.LayerVertex', 'layerConf': {'layer': {'@class': 'org.deeplearning4j.nn.conf.layers.recurrent.Bidirectional', 'fwd': "
                + lstm
                + ", 'bwd': "
                + lstm
                + ", 'mode': 'CONCAT'}, 'variables': ['fW', 'fRW', 'fb', 'bW', 'bRW', 'bb']}},"
                + "'rnn2': {'@class': 'org.deeplearning4j.nn.conf.graph.LayerVertex', 'layerConf': {'layer': {'@class': 'org.deeplearning4j.nn.conf.layers.recurrent.Bidirectional', 'fwd': "
                + rnn
                + ", 'bwd': "
                + rnn
                + ", 'mode': 'CONCAT'}, 'variables': []}},"
                + "'concat': {'@class': 'org.deeplearning4j.nn.conf.graph.MergeVertex'},"
                + "'pooling': {'@class': 'org.deeplearning4j.nn.conf.graph.LayerVertex', 'layerConf': {'layer': {'@class': 'org.deeplearning4j.nn.conf.layers.GlobalPoolingLayer', 'collapseDimensions': true, 'poolingDimensions': [2], 'poolingType': 'MAX'}}},"
                + "'out': {'@class': 'org.deeplearning4j.nn.conf.graph.LayerVertex', 'layerConf': {'layer': {'@class': 'org.deeplearning4j.nn.conf.layers.OutputLayer', 'nin': 64, 'nout': 3, 'hasBias': true}}}}}");
    assertEquals("@class", m.jsonForm());
    assertEquals(List.of("rnn2", "rnn1", "concat", "pooling", "out"), m.parameterOrder());
    InferredGraph g = infer(m);
    assertEquals(2L * 4 * 16 * (10 + 16 + 1), g.layer("rnn1").params());
    assertEquals("fW", g.layer("rnn1").weights().get(0).name());
    assertEquals(2L * 16 * (10 + 16 + 1), g.layer("rnn2").params());
    assertEquals(List.of(Shape.of(null, 64L, null)), g.layer("concat").callOutputs().get(0));
    assertEquals(List.of(Shape.of(null, 64L)), g.layer("pooling").callOutputs().get(0));
    assertEquals(195L, g.layer("out").params());
  }

  /** A custom class is unsupported, not an error; the layers after it still count their weights. */
  @Test
  void customLayerIsUnsupported() throws Exception {
    Dl4jModel m =
        build(
            "{'confs': ["
                + "{'layer': {'@class': 'org.deeplearning4j.nn.conf.layers.DenseLayer', 'layerName': 'layer0', 'nin': 5, 'nout': 6}},"
                + "{'layer': {'@class': 'org.example.CustomLayer', 'layerName': 'layer1', 'nin': 6, 'nout': 7}},"
                + "{'layer': {'@class': 'org.deeplearning4j.nn.conf.layers.OutputLayer', 'layerName': 'layer2', 'nin': 7, 'nout': 8}}]}");
    Layer custom = m.graph().layer("layer1");
    assertFalse(custom.supported());
    assertTrue(custom.problem().contains("org.example.CustomLayer"));
    InferredGraph g = infer(m);
    assertEquals(LayerInference.Outcome.UNSUPPORTED, g.layer("layer1").outcome());
    assertNull(g.layer("layer1").params());
    assertEquals(64L, g.layer("layer2").params());
  }

  /** A recorded nIn that disagrees with what the previous layer produces is a finding. */
  @Test
  void nInDisagreeingWithThePreviousLayer() throws Exception {
    Dl4jModel m =
        build(
            "{'confs': ["
                + "{'layer': {'dense': {'nin': 5, 'nout': 6}}},"
                + "{'layer': {'output': {'nin': 7, 'nout': 2}}}]}");
    LayerInference out = infer(m).layer("1");
    assertEquals(LayerInference.Outcome.RULE_FAILED, out.outcome());
    assertEquals("nIn is 7 but the input (None, 6) has 6 features", out.problem());
    assertEquals(16L, out.params(), "DL4J's weights follow nIn and nOut: still counted");
  }

  @Test
  void batchNormKeepsFourParametersPerChannel() throws Exception {
    Dl4jModel m =
        build(
            "{'confs': ["
                + "{'layer': {'@class': 'org.deeplearning4j.nn.conf.layers.ConvolutionLayer', 'layerName': 'c', 'nin': 1, 'nout': 8, 'kernelSize': [3, 3], 'stride': [1, 1], 'padding': [1, 1], 'convolutionMode': 'Truncate'}},"
                + "{'layer': {'@class': 'org.deeplearning4j.nn.conf.layers.BatchNormalization', 'layerName': 'bn', 'nin': 8, 'nout': 8, 'lockGammaBeta': false}}],"
                + "'inputType': {'@class': 'org.deeplearning4j.nn.conf.inputs.InputType$InputTypeConvolutional', 'height': 28, 'width': 28, 'channels': 1}}");
    InferredGraph g = infer(m);
    assertEquals(List.of(Shape.of(null, 8L, 28L, 28L)), g.layer("c").callOutputs().get(0));
    assertEquals(32L, g.layer("bn").params());
    assertEquals(
        List.of("gamma", "beta", "mean", "var"),
        g.layer("bn").weights().stream().map(WeightSpec::name).toList());
  }

  @Test
  void recognisesBothNetworkKinds() throws Exception {
    JsonNode mln = JSON.readTree("{\"confs\": []}");
    JsonNode cg = JSON.readTree("{\"vertices\": {}}");
    JsonNode keras = JSON.readTree("{\"class_name\": \"Sequential\", \"config\": {}}");
    assertTrue(Dl4jGraphBuilder.isMultiLayer(mln));
    assertTrue(Dl4jGraphBuilder.isComputationGraph(cg));
    assertFalse(Dl4jGraphBuilder.isMultiLayer(keras) || Dl4jGraphBuilder.isComputationGraph(keras));
  }

  /**
   * Every graph vertex, legacy keys and {@code @class} mixed as DL4J never does (the reader takes
   * both anywhere).
   */
  @Test
  void graphVertices() throws Exception {
    String v = "'@class': 'org.deeplearning4j.nn.conf.graph.";
    Dl4jModel m =
        build(
            "{'networkInputs': ['a', 'b', 'seq'], 'networkOutputs': ['dup'],"
                + "'vertexInputs': {'sum': ['a', 'b'], 'diff': ['a', 'b'], 'sub': ['sum'], 'stack': ['a', 'b'], 'unstack': ['stack'],"
                + " 'l2': ['a', 'b'], 'scale': ['a'], 'shift': ['scale'], 'norm': ['shift'], 'reshape': ['a'], 'last': ['seq'],"
                + " 'dup': ['last'], 'ff': ['reshape'], 'frozen': ['a']},"
                + "'vertices': {"
                + "'sum': {"
                + v
                + "ElementWiseVertex', 'op': 'Add'},"
                + "'diff': {'ElementWiseVertex': {'op': 'Subtract'}},"
                + "'sub': {"
                + v
                + "SubsetVertex', 'from': 2, 'to': 4},"
                + "'stack': {"
                + v
                + "StackVertex'},"
                + "'unstack': {"
                + v
                + "UnstackVertex', 'from': 1, 'stackSize': 2},"
                + "'l2': {"
                + v
                + "L2Vertex', 'eps': 1e-8},"
                + "'scale': {"
                + v
                + "ScaleVertex', 'scaleFactor': 2.0},"
                + "'shift': {"
                + v
                + "ShiftVertex', 'shiftFactor': 1.0},"
                + "'norm': {"
                + v
                + "L2NormalizeVertex', 'dimension': [], 'eps': 1e-8},"
                + "'reshape': {"
                + v
                + "ReshapeVertex', 'newShape': [-1, 2, 3, 1]},"
                + "'last': {"
                + v
                + "rnn.LastTimeStepVertex', 'maskArrayInputName': 'seq'},"
                + "'dup': {"
                + v
                + "rnn.DuplicateToTimeSeriesVertex', 'inputName': 'seq'},"
                + "'ff': {'PreprocessorVertex': {'preProcessor': {'cnnToFeedForward': {'inputHeight': 3, 'inputWidth': 1, 'numChannels': 2}}}},"
                + "'frozen': {"
                + v
                + "FrozenVertex', 'underlying': {"
                + v
                + "ScaleVertex', 'scaleFactor': 2.0}}},"
                + "'networkInputTypes': [{'@class': 'org.deeplearning4j.nn.conf.inputs.InputType$InputTypeFeedForward', 'size': 6},"
                + " {'@class': 'org.deeplearning4j.nn.conf.inputs.InputType$InputTypeFeedForward', 'size': 6},"
                + " {'@class': 'org.deeplearning4j.nn.conf.inputs.InputType$InputTypeRecurrent', 'size': 5, 'timeSeriesLength': 9}]}");
    InferredGraph g = infer(m);
    Map<String, Shape> expected = new java.util.LinkedHashMap<>();
    expected.put("sum", Shape.of(null, 6L));
    expected.put("diff", Shape.of(null, 6L));
    expected.put("sub", Shape.of(null, 3L));
    expected.put("stack", Shape.of(null, 6L));
    expected.put("unstack", Shape.of(null, 6L));
    expected.put("l2", Shape.of(null, 1L));
    expected.put("norm", Shape.of(null, 6L));
    expected.put("reshape", Shape.of(null, 2L, 3L, 1L));
    expected.put("last", Shape.of(null, 5L));
    expected.put("dup", Shape.of(null, 5L, 9L)); // the 9 steps of the input it names, seq
    expected.put("ff", Shape.of(null, 6L));
    expected.put("frozen", Shape.of(null, 6L));
    for (Map.Entry<String, Shape> e : expected.entrySet()) {
      LayerInference l = g.layer(e.getKey());
      assertEquals(LayerInference.Outcome.INFERRED, l.outcome(), e.getKey() + ": " + l.problem());
      assertEquals(List.of(e.getValue()), l.callOutputs().get(0), e.getKey());
      assertEquals(0L, l.params(), e.getKey());
    }
  }

  /** A first layer that takes any rank gets the rank of the first layer after it that fixes one. */
  @Test
  void batchNormFirst() throws Exception {
    Dl4jModel m =
        build(
            "{'confs': ["
                + "{'layer': {'@class': 'org.deeplearning4j.nn.conf.layers.BatchNormalization', 'layerName': 'bn', 'nin': 3, 'nout': 3}},"
                + "{'layer': {'@class': 'org.deeplearning4j.nn.conf.layers.ActivationLayer', 'layerName': 'act'}},"
                + "{'layer': {'@class': 'org.deeplearning4j.nn.conf.layers.ConvolutionLayer', 'layerName': 'c', 'nin': 3, 'nout': 8, 'kernelSize': [3, 3], 'convolutionMode': 'Same'}}]}");
    InferredGraph g = infer(m);
    assertEquals(List.of(Shape.of(null, 3L, null, null)), g.layer("bn").callOutputs().get(0));
    assertEquals(LayerInference.Outcome.INFERRED, g.layer("c").outcome(), g.layer("c").problem());
  }

  /** A malformed wrapped layer is that layer's problem, not the file's. */
  @Test
  void malformedFirstLayer() throws Exception {
    Dl4jModel m =
        build(
            "{'confs': ["
                + "{'layer': {'@class': 'org.deeplearning4j.nn.conf.layers.misc.FrozenLayer', 'layerName': 'f', 'layer': [1, 2]}},"
                + "{'layer': {'@class': 'org.deeplearning4j.nn.conf.layers.DenseLayer', 'layerName': 'd', 'nin': 3, 'nout': 2}}]}");
    assertTrue(m.graph().layer("f").invalidConfig());
    assertEquals(8L, infer(m).layer("d").params());
  }
}
