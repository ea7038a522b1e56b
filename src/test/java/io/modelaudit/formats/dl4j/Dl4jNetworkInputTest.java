package io.modelaudit.formats.dl4j;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.modelaudit.ir.layers.InputKind;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The shape of a network input whose type the file does not record, from the traits of the layer
 * that consumes it (input rank, nIn field, wrapped field, implied input) and from the preprocessor
 * before that layer.
 */
class Dl4jNetworkInputTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** {@code layers}: the first layer, or several separated by {@code ;}. */
  private static String networkInput(String layers, String preprocessor) throws Exception {
    String pre =
        preprocessor.isEmpty() ? "" : ", 'inputPreProcessors': {'0': " + preprocessor + "}";
    String confs = "{'layer': " + String.join("}, {'layer': ", layers.split(";")) + "}";
    String json =
        ("{'confs': [" + confs + "]" + pre + "}")
            .replace('\'', '"')
            .replace("@class\": \"", "@class\": \"org.deeplearning4j.nn.conf.");
    Dl4jModel model = Dl4jGraphBuilder.build(JSON.readTree(json));
    return String.valueOf(
        ((InputKind) model.graph().layer(Dl4jGraphBuilder.MLN_INPUT).kind()).batchShape());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "dense: feed-forward, nin | {'@class': 'layers.DenseLayer', 'nin': 3, 'nout': 2} | | (None, 3)",
        "lstm: recurrent | {'@class': 'layers.LSTM', 'nin': 3, 'nout': 2} | | (None, 3, None)",
        "conv NHWC: channels last | {'@class': 'layers.ConvolutionLayer', 'nin': 3, 'nout': 2, 'kernelSize': [2, 2], 'cnn2dDataFormat': 'NHWC'} | | (None, None, None, 3)",
        "batch norm: nout, the rank of the layer after it | {'@class': 'layers.BatchNormalization', 'nin': 0, 'nout': 5};"
            + " {'@class': 'layers.DenseLayer', 'nin': 5, 'nout': 2} | | (None, 5)",
        "global pooling changes the rank: the layers after it do not tell | {'@class': 'layers.ActivationLayer'};"
            + " {'@class': 'layers.GlobalPoolingLayer'}; {'@class': 'layers.DenseLayer', 'nin': 5, 'nout': 2} | | null",
        "bidirectional: the wrapped layer's nin | {'@class': 'layers.recurrent.Bidirectional', 'fwd': {'@class': 'layers.LSTM', 'nin': 4, 'nout': 2}} | | (None, 4, None)",
        "frozen: the wrapped layer's rank | {'@class': 'layers.misc.FrozenLayer', 'layer': {'@class': 'layers.DenseLayer', 'nin': 6, 'nout': 2}} | | (None, 6)",
        "embedding: one index | {'@class': 'layers.EmbeddingLayer', 'nin': 100, 'nout': 8} | | (None, 1)",
        "embedding sequence | {'@class': 'layers.EmbeddingSequenceLayer', 'nin': 100, 'nout': 8} | | (None, None)",
        "cnn to dense | {'@class': 'layers.DenseLayer', 'nin': 12, 'nout': 2} | {'@class': 'preprocessor.CnnToFeedForwardPreProcessor', 'inputHeight': 2, 'inputWidth': 2, 'numChannels': 3} | (None, 3, 2, 2)",
        "dense to cnn | {'@class': 'layers.ConvolutionLayer', 'nin': 3, 'nout': 2, 'kernelSize': [2, 2]} | {'@class': 'preprocessor.FeedForwardToCnnPreProcessor', 'inputHeight': 2, 'inputWidth': 2, 'numChannels': 3} | (None, 12)",
        "rnn to dense | {'@class': 'layers.DenseLayer', 'nin': 5, 'nout': 2} | {'@class': 'preprocessor.RnnToFeedForwardPreProcessor'} | (None, 5, None)",
        "identity preprocessor: the layer decides | {'@class': 'layers.DenseLayer', 'nin': 5, 'nout': 2} | {'@class': 'preprocessor.ZeroMeanPrePreProcessor'} | (None, 5)",
      })
  void networkInputFromTheFirstLayer(
      String what, String layer, String preprocessor, String expected) throws Exception {
    assertEquals(expected, networkInput(layer, preprocessor == null ? "" : preprocessor));
  }
}
