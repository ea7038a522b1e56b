package io.modelaudit.dl4j;

import io.modelaudit.dl4j.GenerateDl4jFixtures.Built;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.graph.ScaleVertex;
import org.deeplearning4j.nn.conf.layers.Deconvolution3D;
import org.deeplearning4j.nn.conf.preprocessor.CnnToRnnPreProcessor;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.RNNFormat;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.Convolution3D;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.EmbeddingSequenceLayer;
import org.deeplearning4j.nn.conf.layers.GlobalPoolingLayer;
import org.deeplearning4j.nn.conf.layers.GravesBidirectionalLSTM;
import org.deeplearning4j.nn.conf.layers.LSTM;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.RnnOutputLayer;
import org.deeplearning4j.nn.conf.layers.ZeroPadding1DLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.lossfunctions.LossFunctions.LossFunction;
import org.deeplearning4j.nn.conf.layers.recurrent.TimeDistributed;
import org.deeplearning4j.nn.conf.preprocessor.Cnn3DToFeedForwardPreProcessor;
import org.deeplearning4j.nn.conf.preprocessor.CnnToFeedForwardPreProcessor;
import org.deeplearning4j.nn.conf.preprocessor.ComposableInputPreProcessor;
import org.deeplearning4j.nn.conf.preprocessor.FeedForwardToRnnPreProcessor;
import org.deeplearning4j.nn.conf.preprocessor.RnnToFeedForwardPreProcessor;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.preprocessors.KerasFlattenRnnPreprocessor;
import org.deeplearning4j.preprocessors.PermutePreprocessor;
import org.deeplearning4j.preprocessors.ReshapePreprocessor;
import org.nd4j.linalg.learning.config.Adam;

/**
 * Fixtures for what the DL4J differential run (bench/dl4j-differential) found: network inputs that
 * a preprocessor on their first layer shapes, an index sequence read by an EmbeddingSequenceLayer
 * and an LSTM at once, and TimeDistributed over NWC sequences.
 */
final class Dl4jDifferentialFixtureModels {
  private Dl4jDifferentialFixtureModels() {}

  static Map<String, Supplier<Built>> all() {
    Map<String, Supplier<Built>> m = new LinkedHashMap<>();
    m.put("graph_network_inputs", Dl4jDifferentialFixtureModels::graphNetworkInputs);
    m.put("composable_rnn_fold", Dl4jDifferentialFixtureModels::composableRnnFold);
    m.put("ff_to_rnn_one_step", Dl4jDifferentialFixtureModels::ffToRnnOneStep);
    m.put("pooled_rnn_to_ff", Dl4jDifferentialFixtureModels::pooledRnnToFf);
    m.put("pre_flatten_rnn_input", Dl4jDifferentialFixtureModels::preFlattenRnnInput);
    m.put("index_sequence_vertex", Dl4jDifferentialFixtureModels::indexSequenceVertex);
    m.put("pooled_bidirectional_lstm", Dl4jDifferentialFixtureModels::pooledBidirectionalLstm);
    m.put("deconv3d_flatten", Dl4jDifferentialFixtureModels::deconv3dFlatten);
    m.put("cnn_to_rnn_one_step", Dl4jDifferentialFixtureModels::cnnToRnnOneStep);
    return m;
  }

  /**
   * One input per case: an NDHWC volume through Cnn3DToFeedForwardPreProcessor, an NHWC image
   * through CnnToFeedForwardPreProcessor, a vector reshaped to an NWC sequence for a TimeDistributed
   * dense layer, a sequence whose axes a PermutePreprocessor swaps, and an index sequence read by an
   * EmbeddingSequenceLayer and an LSTM.
   */
  static Built graphNetworkInputs() {
    InputType vol = InputType.convolutional3D(Convolution3D.DataFormat.NDHWC, 3, 2, 2, 2);
    InputType img = InputType.convolutional(3, 4, 2, CNN2DFormat.NHWC);
    InputType vec = InputType.feedForward(7);
    InputType seq = InputType.recurrent(4, 5);
    InputType ids = InputType.recurrent(1, 6);
    ComputationGraphConfiguration conf = new NeuralNetConfiguration.Builder().seed(12345).updater(new Adam(1e-3))
        .graphBuilder()
        .addInputs("vol", "img", "vec", "seq", "ids")
        .addLayer("dense_vol", new DenseLayer.Builder().nIn(24).nOut(3).build(),
            new Cnn3DToFeedForwardPreProcessor(3, 2, 2, 2, false), "vol")
        .addLayer("dense_img", new DenseLayer.Builder().nIn(24).nOut(3).build(),
            new CnnToFeedForwardPreProcessor(3, 4, 2, CNN2DFormat.NHWC), "img")
        .addLayer("td", new TimeDistributed(new DenseLayer.Builder().nIn(1).nOut(2).build(), RNNFormat.NWC),
            new ReshapePreprocessor(new long[] {7}, new long[] {7, 1}, false), "vec")
        .addLayer("lstm_perm", new LSTM.Builder().nIn(5).nOut(2).build(), new PermutePreprocessor(2, 1), "seq")
        .addLayer("emb", new EmbeddingSequenceLayer.Builder().nIn(10).nOut(3).inputLength(6).build(), "ids")
        .addLayer("lstm_ids", new LSTM.Builder().nIn(1).nOut(2).build(), "ids")
        .setOutputs("dense_vol", "dense_img", "td", "lstm_perm", "emb", "lstm_ids")
        .build();
    ComputationGraph net = new ComputationGraph(conf);
    net.init();
    Map<String, InputType> inputs = new LinkedHashMap<>();
    inputs.put("vol", vol);
    inputs.put("img", img);
    inputs.put("vec", vec);
    inputs.put("seq", seq);
    inputs.put("ids", ids);
    return new Built(net, inputs);
  }

  /**
   * A ComposableInputPreProcessor of RnnToFeedForward then FeedForwardToRnn before a
   * ZeroPadding1DLayer: the time steps fold into the minibatch and unfold again, the sequence keeps
   * its 5 steps (DL4J's own type says 1).
   */
  static Built composableRnnFold() {
    InputType in = InputType.recurrent(3, 5);
    MultiLayerNetwork net = new MultiLayerNetwork(new NeuralNetConfiguration.Builder().seed(12345)
        .updater(new Adam(1e-3)).list()
        .layer(new GravesBidirectionalLSTM.Builder().name("lstm").nOut(2).build())
        .layer(new ZeroPadding1DLayer.Builder(1).name("pad").build())
        .layer(new RnnOutputLayer.Builder(LossFunction.MCXENT).name("out").nOut(2).activation(Activation.SOFTMAX).build())
        .inputPreProcessor(1, new ComposableInputPreProcessor(new RnnToFeedForwardPreProcessor(),
            new FeedForwardToRnnPreProcessor()))
        .setInputType(in).build());
    net.init();
    return new Built(net, Map.of("(input)", in));
  }

  /**
   * FeedForwardToRnnPreProcessor on rows that are the examples (nothing folded time steps into
   * them): DL4J divides the rows by the minibatch, one time step (its type leaves it open).
   */
  static Built ffToRnnOneStep() {
    InputType in = InputType.feedForward(3);
    MultiLayerNetwork net = new MultiLayerNetwork(new NeuralNetConfiguration.Builder().seed(12345)
        .updater(new Adam(1e-3)).list()
        .layer(new DenseLayer.Builder().name("dense").nOut(4).build())
        .layer(new LSTM.Builder().name("lstm").nIn(4).nOut(2).build())
        .layer(new RnnOutputLayer.Builder(LossFunction.MCXENT).name("out").nIn(2).nOut(2).activation(Activation.SOFTMAX).build())
        .inputPreProcessor(1, new FeedForwardToRnnPreProcessor())
        .setInputType(in).build());
    net.init();
    return new Built(net, Map.of("(input)", in));
  }

  /**
   * A RnnToFeedForwardPreProcessor right after a GlobalPoolingLayer passes its 2D output through,
   * so a FeedForwardToRnnPreProcessor later still gives one time step.
   */
  static Built pooledRnnToFf() {
    InputType in = InputType.recurrent(2, 6);
    MultiLayerNetwork net = new MultiLayerNetwork(new NeuralNetConfiguration.Builder().seed(12345)
        .updater(new Adam(1e-3)).list()
        .layer(new GlobalPoolingLayer.Builder().name("pool").build())
        .layer(new DenseLayer.Builder().name("dense").nIn(2).nOut(3).build())
        .layer(new LSTM.Builder().name("lstm").nIn(3).nOut(2).build())
        .layer(new RnnOutputLayer.Builder(LossFunction.MCXENT).name("out").nIn(2).nOut(2).activation(Activation.SOFTMAX).build())
        .inputPreProcessor(1, new RnnToFeedForwardPreProcessor())
        .inputPreProcessor(2, new FeedForwardToRnnPreProcessor())
        .setInputType(in).build());
    net.init();
    return new Built(net, Map.of("(input)", in));
  }

  /** KerasFlattenRnnPreprocessor on the network input: a [mb, depth, tsLength] sequence. */
  static Built preFlattenRnnInput() {
    InputType in = InputType.recurrent(2, 4);
    MultiLayerNetwork net = new MultiLayerNetwork(new NeuralNetConfiguration.Builder().seed(12345)
        .updater(new Adam(1e-3)).list()
        .layer(new DenseLayer.Builder().name("dense").nIn(8).nOut(3).build())
        .layer(new OutputLayer.Builder(LossFunction.MCXENT).name("out").nIn(3).nOut(2).activation(Activation.SOFTMAX).build())
        .inputPreProcessor(0, new KerasFlattenRnnPreprocessor(2, 4))
        .build());
    net.init();
    return new Built(net, Map.of("(input)", in));
  }

  /**
   * An index sequence read by an EmbeddingSequenceLayer and by a vertex (ScaleVertex): the input is
   * the [mb, 1, T] array of DL4J's recurrent(1, T) type.
   */
  static Built indexSequenceVertex() {
    InputType ids = InputType.recurrent(1, 5);
    ComputationGraphConfiguration conf = new NeuralNetConfiguration.Builder().seed(12345).updater(new Adam(1e-3))
        .graphBuilder()
        .addInputs("ids")
        .addLayer("emb", new EmbeddingSequenceLayer.Builder().nIn(10).nOut(3).build(), "ids")
        .addVertex("scale", new ScaleVertex(2.0), "ids")
        .addLayer("lstm", new LSTM.Builder().nIn(1).nOut(2).build(), "scale")
        .setOutputs("emb", "lstm")
        .build();
    ComputationGraph net = new ComputationGraph(conf);
    net.init();
    return new Built(net, Map.of("ids", ids));
  }

  /**
   * A GravesBidirectionalLSTM on the 2D output of a GlobalPoolingLayer: DL4J runs it as one time
   * step, [mb, nOut, 1].
   */
  static Built pooledBidirectionalLstm() {
    InputType in = InputType.recurrent(3, 5);
    MultiLayerNetwork net = new MultiLayerNetwork(new NeuralNetConfiguration.Builder().seed(12345)
        .updater(new Adam(1e-3)).list()
        .layer(new GlobalPoolingLayer.Builder().name("pool").build())
        .layer(new GravesBidirectionalLSTM.Builder().name("bilstm").nIn(3).nOut(2).build())
        .layer(new RnnOutputLayer.Builder(LossFunction.MCXENT).name("out").nIn(2).nOut(2).activation(Activation.SOFTMAX).build())
        .build());
    net.init();
    return new Built(net, Map.of("(input)", in));
  }

  /**
   * Deconvolution3D (Same mode, stride 2 on d and w) then a DenseLayer: DL4J inserts a
   * Cnn3DToFeedForwardPreProcessor with the sizes of the layer's wrong type (d 10, h 6, w 6 for
   * the d 10, h 3, w 12 it writes) and flattens what comes, checking the channels only.
   */
  static Built deconv3dFlatten() {
    InputType in = InputType.convolutional3D(Convolution3D.DataFormat.NCDHW, 5, 3, 6, 1);
    MultiLayerNetwork net = new MultiLayerNetwork(new NeuralNetConfiguration.Builder().seed(12345)
        .updater(new Adam(1e-3)).list()
        .layer(new Deconvolution3D.Builder().name("deconv3d").nOut(1).kernelSize(2, 1, 2).stride(2, 1, 2)
            .convolutionMode(ConvolutionMode.Same).build())
        .layer(new DenseLayer.Builder().name("dense").nOut(2).build())
        .layer(new OutputLayer.Builder(LossFunction.MCXENT).name("out").nOut(2).activation(Activation.SOFTMAX).build())
        .setInputType(in).build());
    net.init();
    return new Built(net, Map.of("(input)", in));
  }

  /**
   * CnnToRnnPreProcessor on an image input (rows that are the examples): DL4J divides the rows by
   * the minibatch, one time step, which a KerasFlattenRnnPreprocessor later needs to size the
   * dense layer (DL4J's type leaves the length open).
   */
  static Built cnnToRnnOneStep() {
    InputType in = InputType.convolutional(2, 3, 2);
    MultiLayerNetwork net = new MultiLayerNetwork(new NeuralNetConfiguration.Builder().seed(12345)
        .updater(new Adam(1e-3)).list()
        .layer(new LSTM.Builder().name("lstm").nIn(12).nOut(2).build())
        .layer(new DenseLayer.Builder().name("dense").nIn(2).nOut(3).build())
        .layer(new OutputLayer.Builder(LossFunction.MCXENT).name("out").nIn(3).nOut(2).activation(Activation.SOFTMAX).build())
        .inputPreProcessor(0, new CnnToRnnPreProcessor(2, 3, 2))
        .inputPreProcessor(1, new KerasFlattenRnnPreprocessor(2, 1))
        .build());
    net.init();
    return new Built(net, Map.of("(input)", in));
  }
}
