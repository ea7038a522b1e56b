package io.modelaudit.formats.dl4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.modelaudit.ir.Formulas;
import io.modelaudit.ir.LayerKind;
import io.modelaudit.ir.Shape;
import io.modelaudit.ir.ShapeException;
import io.modelaudit.ir.WeightSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * One row per DL4J layer class: its configuration as DL4J writes it ({@code @class} form, class
 * prefix left out), an input, and the output shape and parameters DL4J's own rules give. Counts
 * follow DL4J's ParamInitializers (DefaultParamInitializer, ConvolutionParamInitializer,
 * Deconvolution…, DepthwiseConvolution…, SeparableConvolution…, LSTM/GravesLSTM…, SimpleRnn…,
 * BatchNormalization…, PReLU…, CenterLoss…, Pretrain…, VariationalAutoencoder…), output shapes its
 * layers' getOutputType; the models DL4J writes itself (test-models/dl4j) check them again.
 */
class Dl4jLayerBindingsTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static LayerKind kind(String json) throws Exception {
    String full =
        json.replace('\'', '"')
            .replace("\"@class\": \"", "\"@class\": \"org.deeplearning4j.nn.conf.layers.");
    return Dl4jLayerBindings.kindFor(Dl4jTyped.of(JSON.readTree(full), "layer"));
  }

  private static Shape shape(String s) {
    List<Long> dims = new ArrayList<>();
    for (String d : s.trim().split(" ")) {
      dims.add(d.equals("?") ? null : Long.parseLong(d));
    }
    return Shape.of(dims);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "dense with layer norm | {'@class': 'DenseLayer', 'nin': 10, 'nout': 4, 'hasLayerNorm': true} | ? 10 | ? 4 | W 10x4, b 4, g 4",
        "dense without bias | {'@class': 'DenseLayer', 'nin': 10, 'nout': 4, 'hasBias': false} | ? 10 | ? 4 | W 10x4",
        "output | {'@class': 'OutputLayer', 'nin': 4, 'nout': 3} | ? 4 | ? 3 | W 4x3, b 3",
        "rnn output | {'@class': 'RnnOutputLayer', 'nin': 4, 'nout': 3} | ? 4 7 | ? 3 7 | W 4x3, b 3",
        "rnn output NWC | {'@class': 'RnnOutputLayer', 'nin': 4, 'nout': 3, 'rnnDataFormat': 'NWC'} | ? 7 4 | ? 7 3 | W 4x3, b 3",
        "center loss | {'@class': 'CenterLossOutputLayer', 'nin': 4, 'nout': 3} | ? 4 | ? 3 | W 4x3, b 3, cL 3x4",
        "autoencoder | {'@class': 'AutoEncoder', 'nin': 6, 'nout': 2} | ? 6 | ? 2 | W 6x2, b 2, vb 6",
        "elementwise mult | {'@class': 'misc.ElementWiseMultiplicationLayer', 'nin': 5, 'nout': 5} | ? 5 | ? 5 | W 5, b 5",
        "embedding | {'@class': 'EmbeddingLayer', 'nin': 100, 'nout': 8, 'hasBias': true} | ? 1 | ? 8 | W 100x8, b 8",
        "embedding sequence | {'@class': 'EmbeddingSequenceLayer', 'nin': 100, 'nout': 8, 'hasBias': false, 'inputLength': 12} | ? 12 | ? 8 12 | W 100x8",
        "conv truncate | {'@class': 'ConvolutionLayer', 'nin': 3, 'nout': 6, 'kernelSize': [5, 5], 'stride': [2, 2], 'padding': [1, 1], 'dilation': [1, 1], 'convolutionMode': 'Truncate', 'hasBias': true} | ? 3 32 32 | ? 6 15 15 | W 6x3x5x5, b 6",
        "conv same NHWC | {'@class': 'ConvolutionLayer', 'nin': 3, 'nout': 6, 'kernelSize': [3, 3], 'stride': [2, 2], 'padding': [0, 0], 'convolutionMode': 'Same', 'cnn2dDataFormat': 'NHWC'} | ? 31 31 3 | ? 16 16 6 | W 6x3x3x3, b 6",
        "conv dilated | {'@class': 'ConvolutionLayer', 'nin': 2, 'nout': 4, 'kernelSize': [3, 3], 'stride': [1, 1], 'padding': [0, 0], 'dilation': [2, 2], 'convolutionMode': 'Truncate', 'hasBias': false} | ? 2 10 10 | ? 4 6 6 | W 4x2x3x3",
        "conv 1d causal | {'@class': 'Convolution1DLayer', 'nin': 4, 'nout': 8, 'kernelSize': [3, 1], 'stride': [1, 1], 'padding': [0, 0], 'dilation': [2, 1], 'convolutionMode': 'Causal'} | ? 4 20 | ? 8 20 | W 8x4x3x1, b 8",
        "conv 3d | {'@class': 'Convolution3D', 'nin': 2, 'nout': 4, 'kernelSize': [2, 3, 3], 'stride': [1, 1, 1], 'padding': [0, 0, 0], 'dilation': [1, 1, 1], 'convolutionMode': 'Truncate', 'dataFormat': 'NCDHW'} | ? 2 8 10 10 | ? 4 7 8 8 | W 4x2x2x3x3, b 4",
        "deconv 2d | {'@class': 'Deconvolution2D', 'nin': 4, 'nout': 2, 'kernelSize': [3, 3], 'stride': [2, 2], 'padding': [1, 1], 'convolutionMode': 'Truncate'} | ? 4 7 7 | ? 2 13 13 | W 4x2x3x3, b 2",
        "deconv 2d same | {'@class': 'Deconvolution2D', 'nin': 4, 'nout': 2, 'kernelSize': [3, 3], 'stride': [2, 2], 'padding': [0, 0], 'convolutionMode': 'Same'} | ? 4 7 7 | ? 2 14 14 | W 4x2x3x3, b 2",
        "deconv 3d | {'@class': 'convolutional.Deconvolution3D', 'nin': 4, 'nout': 2, 'kernelSize': [2, 2, 2], 'stride': [2, 2, 2], 'padding': [0, 0, 0], 'convolutionMode': 'Same', 'dataFormat': 'NCDHW'} | ? 4 3 5 5 | ? 2 6 10 10 | W 2x2x2x2x4, b 2",
        "depthwise | {'@class': 'DepthwiseConvolution2D', 'nin': 8, 'nout': 16, 'depthMultiplier': 2, 'kernelSize': [3, 3], 'stride': [1, 1], 'padding': [0, 0], 'convolutionMode': 'Truncate'} | ? 8 10 10 | ? 16 8 8 | W 3x3x8x2, b 16",
        "separable | {'@class': 'SeparableConvolution2D', 'nin': 4, 'nout': 8, 'depthMultiplier': 1, 'kernelSize': [3, 3], 'stride': [1, 1], 'padding': [0, 0], 'convolutionMode': 'Same'} | ? 4 9 9 | ? 8 9 9 | W 1x4x3x3, pW 8x4x1x1, b 8",
        "subsampling | {'@class': 'SubsamplingLayer', 'kernelSize': [3, 3], 'stride': [2, 2], 'padding': [0, 0], 'poolingType': 'MAX', 'convolutionMode': 'Truncate'} | ? 8 13 13 | ? 8 6 6 |",
        "subsampling strict | {'@class': 'SubsamplingLayer', 'kernelSize': [2, 2], 'stride': [2, 2], 'padding': [0, 0], 'convolutionMode': 'Strict'} | ? 8 12 12 | ? 8 6 6 |",
        "subsampling 1d | {'@class': 'Subsampling1DLayer', 'kernelSize': [2, 1], 'stride': [2, 1], 'padding': [0, 0], 'convolutionMode': 'Truncate'} | ? 5 11 | ? 5 5 |",
        "subsampling 3d | {'@class': 'Subsampling3DLayer', 'kernelSize': [2, 2, 2], 'stride': [2, 2, 2], 'padding': [0, 0, 0], 'convolutionMode': 'Same', 'dataFormat': 'NCDHW'} | ? 3 5 6 7 | ? 3 3 3 4 |",
        "upsampling 1d | {'@class': 'Upsampling1D', 'size': [3, 3]} | ? 5 4 | ? 5 12 |",
        "upsampling 2d | {'@class': 'Upsampling2D', 'size': [2, 3]} | ? 5 4 4 | ? 5 8 12 |",
        "upsampling 3d | {'@class': 'Upsampling3D', 'size': [2, 2, 2]} | ? 5 1 2 3 | ? 5 2 4 6 |",
        "upsampling 3d NDHWC | {'@class': 'Upsampling3D', 'size': [2, 2, 2], 'ncdhw': false} | ? 1 2 3 5 | ? 2 4 6 5 |",
        "zero padding 1d | {'@class': 'ZeroPadding1DLayer', 'padding': [1, 2]} | ? 5 4 | ? 5 7 |",
        "zero padding 2d | {'@class': 'ZeroPaddingLayer', 'padding': [1, 2, 3, 4]} | ? 5 4 4 | ? 5 7 11 |",
        "zero padding 3d | {'@class': 'ZeroPadding3DLayer', 'padding': [1, 1, 0, 0, 2, 2]} | ? 5 4 4 4 | ? 5 6 4 8 |",
        "cropping 1d | {'@class': 'convolutional.Cropping1D', 'cropping': [1, 2]} | ? 5 10 | ? 5 7 |",
        "cropping 2d | {'@class': 'convolutional.Cropping2D', 'cropping': [3, 3, 2, 2]} | ? 16 10 10 | ? 16 4 6 |",
        "cropping 3d | {'@class': 'convolutional.Cropping3D', 'cropping': [1, 1, 1, 1, 0, 0]} | ? 2 4 4 4 | ? 2 2 2 4 |",
        "space to depth | {'@class': 'SpaceToDepthLayer', 'blockSize': 2, 'dataFormat': 'NCHW'} | ? 3 8 8 | ? 12 4 4 |",
        "space to batch | {'@class': 'SpaceToBatchLayer', 'blocks': [2, 2], 'padding': [[0, 0], [1, 1]]} | 4 3 8 6 | 16 3 4 4 |",
        "batch norm cnn | {'@class': 'BatchNormalization', 'nin': 8, 'nout': 8, 'lockGammaBeta': false, 'useLogStd': true} | ? 8 5 5 | ? 8 5 5 | gamma 8, beta 8, mean 8, log10stdev 8",
        "batch norm locked | {'@class': 'BatchNormalization', 'nin': 8, 'nout': 8, 'lockGammaBeta': true} | ? 8 | ? 8 | mean 8, var 8",
        "lrn | {'@class': 'LocalResponseNormalization', 'k': 2.0, 'n': 5.0} | ? 8 5 5 | ? 8 5 5 |",
        "activation | {'@class': 'ActivationLayer'} | ? 8 5 | ? 8 5 |",
        "dropout | {'@class': 'DropoutLayer'} | ? 8 | ? 8 |",
        "loss | {'@class': 'LossLayer', 'nin': 0, 'nout': 0} | ? 8 | ? 8 |",
        "rnn loss | {'@class': 'RnnLossLayer', 'nin': 0, 'nout': 0} | ? 8 9 | ? 8 9 |",
        "cnn loss | {'@class': 'CnnLossLayer', 'nin': 0, 'nout': 0} | ? 4 9 9 | ? 4 9 9 |",
        "yolo2 | {'@class': 'objdetect.Yolo2OutputLayer', 'boundingBoxes': [[1.0, 1.0]]} | ? 30 13 13 | ? 30 13 13 |",
        "global pooling cnn | {'@class': 'GlobalPoolingLayer', 'poolingType': 'AVG'} | ? 16 7 7 | ? 16 |",
        "global pooling kept | {'@class': 'GlobalPoolingLayer', 'poolingType': 'MAX', 'collapseDimensions': false} | ? 16 9 | ? 16 1 |",
        "prelu | {'@class': 'PReLULayer', 'inputShape': [4, 5, 5], 'sharedAxes': [2, 3]} | ? 4 5 5 | ? 4 5 5 | W 4x1x1",
        "lstm | {'@class': 'LSTM', 'nin': 10, 'nout': 16} | ? 10 20 | ? 16 20 | W 10x64, RW 16x64, b 64",
        "graves lstm | {'@class': 'GravesLSTM', 'nin': 3, 'nout': 4} | ? 3 ? | ? 4 ? | W 3x16, RW 4x19, b 16",
        "graves bidirectional | {'@class': 'GravesBidirectionalLSTM', 'nin': 4, 'nout': 4} | ? 4 ? | ? 4 ? | WF 4x16, RWF 4x19, bF 16, WB 4x16, RWB 4x19, bB 16",
        "simple rnn layer norm | {'@class': 'recurrent.SimpleRnn', 'nin': 10, 'nout': 16, 'hasLayerNorm': true} | ? 10 5 | ? 16 5 | W 10x16, RW 16x16, b 16, g 32",
        "bidirectional add | {'@class': 'recurrent.Bidirectional', 'mode': 'ADD', 'fwd': {'@class': 'LSTM', 'nin': 2, 'nout': 3}, 'bwd': {'@class': 'LSTM', 'nin': 2, 'nout': 3}} | ? 2 5 | ? 3 5 | fW 2x12, fRW 3x12, fb 12, bW 2x12, bRW 3x12, bb 12",
        "last time step | {'@class': 'recurrent.LastTimeStep', 'underlying': {'@class': 'LSTM', 'nin': 2, 'nout': 3}} | ? 2 5 | ? 3 | W 2x12, RW 3x12, b 12",
        "mask zero | {'@class': 'util.MaskZeroLayer', 'maskingValue': 0.0, 'underlying': {'@class': 'recurrent.SimpleRnn', 'nin': 2, 'nout': 3}} | ? 2 5 | ? 3 5 | W 2x3, RW 3x3, b 3",
        "time distributed | {'@class': 'recurrent.TimeDistributed', 'rnnDataFormat': 'NCW', 'underlying': {'@class': 'DenseLayer', 'nin': 3, 'nout': 2}} | ? 3 7 | ? 2 7 | W 3x2, b 2",
        "convolution 2d alias | {'@class': 'Convolution2D', 'nin': 1, 'nout': 2, 'kernelSize': [2, 2], 'convolutionMode': 'Truncate'} | ? 1 5 5 | ? 2 4 4 | W 2x1x2x2, b 2",
        "pooling 2d alias | {'@class': 'Pooling2D', 'kernelSize': [2, 2], 'stride': [2, 2], 'convolutionMode': 'Truncate'} | ? 2 4 4 | ? 2 2 2 |",
        "frozen | {'@class': 'misc.FrozenLayer', 'layer': {'@class': 'DenseLayer', 'nin': 3, 'nout': 2}} | ? 3 | ? 2 | W 3x2, b 2",
        "frozen with backprop | {'@class': 'misc.FrozenLayerWithBackprop', 'underlying': {'@class': 'DenseLayer', 'nin': 3, 'nout': 2}} | ? 3 | ? 2 | W 3x2, b 2",
        "vae | {'@class': 'variational.VariationalAutoencoder', 'nin': 784, 'nout': 32, 'encoderLayerSizes': [256, 256], 'decoderLayerSizes': [256, 256], 'outputDistribution': {'@class': 'org.deeplearning4j.nn.conf.layers.variational.BernoulliReconstructionDistribution'}} | ? 784 | ? 32 | e0W 784x256, e0b 256, e1W 256x256, e1b 256, pZXMeanW 256x32, pZXMeanb 32, pZXLogStd2W 256x32, pZXLogStd2b 32, d0W 32x256, d0b 256, d1W 256x256, d1b 256, pXZW 256x784, pXZb 784",
      })
  void layer(String what, String json, String input, String output, String weights)
      throws Exception {
    LayerKind k = kind(json);
    Shape in = shape(input);
    assertEquals(List.of(shape(output)), k.outputShapes(List.of(in)), what);
    String got =
        k.weights(List.of(in)).stream()
            .map(
                w ->
                    w.name()
                        + " "
                        + w.shape().dims().stream()
                            .map(String::valueOf)
                            .collect(Collectors.joining("x")))
            .collect(Collectors.joining(", "));
    assertEquals(weights == null ? "" : weights, got, what);
  }

  /**
   * VariationalAutoencoder in the MNIST anomaly example: Gaussian reconstruction, 2 values per
   * pixel.
   */
  @Test
  void vaeGaussianReconstruction() throws Exception {
    LayerKind k =
        kind(
            "{'@class': 'variational.VariationalAutoencoder', 'nin': 784, 'nout': 32, 'encoderLayerSizes': [256],"
                + " 'decoderLayerSizes': [256], 'outputDistribution': {'@class': 'org.deeplearning4j.nn.conf.layers.variational.GaussianReconstructionDistribution'}}");
    List<WeightSpec> w = k.weights(List.of(Shape.of(null, 784L)));
    assertEquals(Shape.ofKnown(256, 1568), w.get(w.size() - 2).shape());
    assertEquals(
        784L * 256 + 256 + 2 * (256 * 32 + 32) + 32 * 256 + 256 + 256 * 1568 + 1568,
        Formulas.total(w));
  }

  @Test
  void unknownClassesHaveNoRule() throws Exception {
    assertNull(kind("{'@class': 'CustomLayer', 'nin': 1, 'nout': 2}"));
  }

  @Test
  void channelsThatDoNotMatchNIn() throws Exception {
    LayerKind conv =
        kind(
            "{'@class': 'ConvolutionLayer', 'nin': 3, 'nout': 6, 'kernelSize': [3, 3], 'convolutionMode': 'Same'}");
    ShapeException e =
        assertThrows(
            ShapeException.class, () -> conv.outputShapes(List.of(Shape.of(null, 4L, 8L, 8L))));
    assertEquals("nIn is 3 but the input (None, 4, 8, 8) has 4 channels", e.getMessage());
    LayerKind strict =
        kind(
            "{'@class': 'SubsamplingLayer', 'kernelSize': [2, 2], 'stride': [2, 2], 'convolutionMode': 'Strict'}");
    assertThrows(
        ShapeException.class, () -> strict.outputShapes(List.of(Shape.of(null, 4L, 9L, 9L))));
  }
}
