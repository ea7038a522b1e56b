package io.modelaudit.dl4j;

import io.modelaudit.dl4j.GenerateDl4jFixtures.Built;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.RNNFormat;
import org.deeplearning4j.nn.conf.graph.AttentionVertex;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ActivationLayer;
import org.deeplearning4j.nn.conf.layers.CapsuleLayer;
import org.deeplearning4j.nn.conf.layers.CapsuleStrengthLayer;
import org.deeplearning4j.nn.conf.layers.Cnn3DLossLayer;
import org.deeplearning4j.nn.conf.layers.Convolution3D;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.LSTM;
import org.deeplearning4j.nn.conf.layers.LearnedSelfAttentionLayer;
import org.deeplearning4j.nn.conf.layers.LocallyConnected1D;
import org.deeplearning4j.nn.conf.layers.LocallyConnected2D;
import org.deeplearning4j.nn.conf.layers.LossLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.PrimaryCapsules;
import org.deeplearning4j.nn.conf.layers.RecurrentAttentionLayer;
import org.deeplearning4j.nn.conf.layers.RnnOutputLayer;
import org.deeplearning4j.nn.conf.layers.SelfAttentionLayer;
import org.deeplearning4j.nn.conf.layers.misc.RepeatVector;
import org.deeplearning4j.nn.conf.ocnn.OCNNOutputLayer;
import org.deeplearning4j.nn.conf.preprocessor.Cnn3DToFeedForwardPreProcessor;
import org.deeplearning4j.nn.conf.preprocessor.ComposableInputPreProcessor;
import org.deeplearning4j.nn.conf.preprocessor.FeedForwardToCnn3DPreProcessor;
import org.deeplearning4j.nn.conf.preprocessor.FeedForwardToRnnPreProcessor;
import org.deeplearning4j.nn.conf.preprocessor.RnnToFeedForwardPreProcessor;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.modelimport.keras.preprocessors.TensorFlowCnnToFeedForwardPreProcessor;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.preprocessors.KerasFlattenRnnPreprocessor;
import org.deeplearning4j.preprocessors.PermutePreprocessor;
import org.deeplearning4j.preprocessors.ReshapePreprocessor;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.activations.impl.ActivationSigmoid;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions.LossFunction;

/**
 * More models of {@code test-models/dl4j/}: the attention, capsule, locally connected and remaining
 * layers and vertices, and the preprocessors DL4J's Keras import writes.
 */
final class Dl4jMoreFixtureModels {
  private static final String IN = "(input)";

  private Dl4jMoreFixtureModels() {}

  static Map<String, Supplier<Built>> all() {
    Map<String, Supplier<Built>> m = new LinkedHashMap<>();
    m.put("attention", Dl4jMoreFixtureModels::attention);
    m.put("learned_attention", Dl4jMoreFixtureModels::learnedAttention);
    m.put("recurrent_attention", Dl4jMoreFixtureModels::recurrentAttention);
    m.put("graph_attention", Dl4jMoreFixtureModels::graphAttention);
    m.put("capsules", Dl4jMoreFixtureModels::capsules);
    m.put("locally_connected", Dl4jMoreFixtureModels::locallyConnected);
    m.put("locally_connected_1d", Dl4jMoreFixtureModels::locallyConnected1d);
    m.put("repeat_ocnn", Dl4jMoreFixtureModels::repeatOcnn);
    m.put("ocnn", Dl4jMoreFixtureModels::ocnn);
    m.put("misc_more", Dl4jMoreFixtureModels::miscMore);
    m.put("pre_reshape", Dl4jMoreFixtureModels::preReshape);
    m.put("pre_permute", Dl4jMoreFixtureModels::prePermute);
    m.put("pre_flatten_rnn", Dl4jMoreFixtureModels::preFlattenRnn);
    m.put("pre_tf_cnn", Dl4jMoreFixtureModels::preTfCnn);
    m.put("pre_ff_cnn3d", Dl4jMoreFixtureModels::preFfCnn3d);
    m.put("pre_composable", Dl4jMoreFixtureModels::preComposable);
    m.put("pre_composable_cnn", Dl4jMoreFixtureModels::preComposableCnn);
    return m;
  }

  private static NeuralNetConfiguration.Builder base() {
    return new NeuralNetConfiguration.Builder().seed(12345).updater(new Adam(1e-3));
  }

  private static Built mln(MultiLayerConfiguration conf, InputType in) {
    MultiLayerNetwork net = new MultiLayerNetwork(conf);
    net.init();
    return new Built(net, Map.of(IN, in));
  }

  private static RnnOutputLayer rnnOut(String name, int nOut) {
    return new RnnOutputLayer.Builder(LossFunction.MCXENT).name(name).nOut(nOut).activation(Activation.SOFTMAX).build();
  }

  private static OutputLayer out(String name, int nOut) {
    return new OutputLayer.Builder(LossFunction.MCXENT).name(name).nOut(nOut).activation(Activation.SOFTMAX).build();
  }

  /** SelfAttentionLayer projected (2 heads), then unprojected. */
  static Built attention() {
    InputType in = InputType.recurrent(4, 5);
    return mln(base().list()
        .layer(new SelfAttentionLayer.Builder().name("self_att").nOut(6).nHeads(2).projectInput(true).build())
        .layer(new SelfAttentionLayer.Builder().name("self_att_plain").nIn(6).nOut(6).nHeads(1).projectInput(false).build())
        .layer(rnnOut("out", 2))
        .setInputType(in).build(), in);
  }

  /** LearnedSelfAttentionLayer projected (2 heads, 3 queries), then unprojected (2 queries). */
  static Built learnedAttention() {
    InputType in = InputType.recurrent(4, 5);
    return mln(base().list()
        .layer(new LearnedSelfAttentionLayer.Builder().name("learned_att").nOut(6).nHeads(2).nQueries(3)
            .projectInput(true).build())
        .layer(rnnOut("out", 2))
        .setInputType(in).build(), in);
  }

  /** RecurrentAttentionLayer, projected (2 heads). */
  static Built recurrentAttention() {
    InputType in = InputType.recurrent(4, 5);
    return mln(base().list()
        .layer(new RecurrentAttentionLayer.Builder().name("rec_att").nIn(4).nOut(6).nHeads(2).projectInput(true)
            .activation(Activation.TANH).build())
        .layer(rnnOut("out", 2))
        .setInputType(in).build(), in);
  }

  /** AttentionVertex over queries, keys and values of different sizes (projected), and a plain one. */
  static Built graphAttention() {
    InputType q = InputType.recurrent(3, 4);
    InputType kv = InputType.recurrent(5, 6);
    ComputationGraphConfiguration conf = base().graphBuilder()
        .addInputs("q", "kv")
        .addVertex("att", new AttentionVertex.Builder().nInQueries(3).nInKeys(5).nInValues(5).nOut(8).nHeads(2)
            .headSize(3).projectInput(true).build(), "q", "kv", "kv")
        .addLayer("lstm", new LSTM.Builder().nOut(5).build(), "att")
        .addVertex("self", new AttentionVertex.Builder().nInQueries(5).nInKeys(5).nInValues(5).nOut(5).nHeads(1)
            .projectInput(false).build(), "lstm", "lstm", "lstm")
        .addLayer("out", rnnOut(null, 2), "self")
        .setOutputs("out")
        .setInputTypes(q, kv).build();
    ComputationGraph net = new ComputationGraph(conf);
    net.init();
    return new Built(net, Map.of("q", q, "kv", kv));
  }

  /** DL4J's CapsNet: ConvolutionLayer, PrimaryCapsules, CapsuleLayer, CapsuleStrengthLayer. */
  static Built capsules() {
    InputType in = InputType.convolutional(12, 12, 1);
    return mln(base().list()
        .layer(new ConvolutionLayer.Builder(3, 3).name("conv").nOut(4).build())
        .layer(new PrimaryCapsules.Builder(4, 3).name("primary").kernelSize(3, 3).stride(2, 2).build())
        .layer(new CapsuleLayer.Builder(3, 5, 2).name("caps").build())
        .layer(new CapsuleStrengthLayer.Builder().name("strength").build())
        .layer(new ActivationLayer.Builder().activation(Activation.SOFTMAX).name("softmax").build())
        .layer(new LossLayer.Builder(LossFunction.NEGATIVELOGLIKELIHOOD).name("loss").build())
        .setInputType(in).build(), in);
  }

  /** LocallyConnected2D (Truncate, stride 2; Same without bias). */
  static Built locallyConnected() {
    InputType in = InputType.convolutional(7, 6, 2);
    return mln(base().list()
        .layer(new LocallyConnected2D.Builder().name("lc2d").nOut(3).kernelSize(3, 2).stride(2, 1)
            .activation(Activation.RELU).build())
        .layer(new LocallyConnected2D.Builder().name("lc2d_same").nOut(2).kernelSize(2, 2)
            .convolutionMode(ConvolutionMode.Same).hasBias(false).build())
        .layer(out("out", 2))
        .setInputType(in).build(), in);
  }

  /** LocallyConnected1D (Truncate with stride; Same). */
  static Built locallyConnected1d() {
    InputType in = InputType.recurrent(3, 9);
    return mln(base().list()
        .layer(new LocallyConnected1D.Builder().name("lc1d").nOut(4).kernelSize(3).stride(2)
            .activation(Activation.RELU).build())
        .layer(new LocallyConnected1D.Builder().name("lc1d_same").nOut(2).kernelSize(2)
            .convolutionMode(ConvolutionMode.Same).build())
        .layer(rnnOut("out", 2))
        .setInputType(in).build(), in);
  }

  /** RepeatVector after a dense layer, then an LSTM. */
  static Built repeatOcnn() {
    InputType in = InputType.feedForward(5);
    return mln(base().list()
        .layer(new DenseLayer.Builder().name("dense").nOut(4).build())
        .layer(new RepeatVector.Builder(3).name("repeat").build())
        .layer(new LSTM.Builder().name("lstm").nOut(3).build())
        .layer(rnnOut("out", 2))
        .setInputType(in).build(), in);
  }

  /** OCNNOutputLayer (one-class network) after a dense layer. */
  static Built ocnn() {
    InputType in = InputType.feedForward(6);
    return mln(base().list()
        .layer(new DenseLayer.Builder().name("dense").nOut(5).build())
        .layer(new OCNNOutputLayer.Builder().name("ocnn").nIn(5).hiddenLayerSize(4).nu(0.1).initialRValue(0.1)
            .activation(new ActivationSigmoid()).build())
        .setInputType(in).build(), in);
  }

  /**
   * ReshapePreprocessor as DL4J's Keras import writes it (shapes without the minibatch): a vector to
   * an image (DL4J then reads it as NHWC), the image to an NWC sequence.
   */
  static Built preReshape() {
    InputType in = InputType.feedForward(24);
    return mln(base().list()
        .layer(new DenseLayer.Builder().name("dense").nOut(24).build())
        .layer(new ConvolutionLayer.Builder(2, 2).name("conv").nOut(3).build())
        .layer(new LSTM.Builder().name("lstm").nOut(2).dataFormat(RNNFormat.NWC).build())
        .layer(new RnnOutputLayer.Builder(LossFunction.MCXENT).name("out").nOut(2).activation(Activation.SOFTMAX)
            .dataFormat(RNNFormat.NWC).build())
        .inputPreProcessor(1, new ReshapePreprocessor(new long[] {24}, new long[] {2, 3, 4}, false))
        .inputPreProcessor(2, new ReshapePreprocessor(new long[] {1, 2, 3}, new long[] {2, 3}, false))
        .setInputType(in).build(), in);
  }

  /** PermutePreprocessor, Keras' 1-based dims without the minibatch: a sequence's two axes swapped. */
  static Built prePermute() {
    InputType in = InputType.recurrent(4, 6);
    return mln(base().list()
        .layer(new LSTM.Builder().name("lstm").nOut(3).build())
        .layer(new LSTM.Builder().name("lstm2").nIn(6).nOut(2).build())
        .layer(rnnOut("out", 2))
        .inputPreProcessor(1, new PermutePreprocessor(2, 1))
        .setInputType(in).build(), in);
  }

  /** KerasFlattenRnnPreprocessor: a sequence [mb, size, T] flattened to [mb, size·T]. */
  static Built preFlattenRnn() {
    InputType in = InputType.recurrent(3, 5);
    return mln(base().list()
        .layer(new LSTM.Builder().name("lstm").nOut(4).build())
        .layer(new DenseLayer.Builder().name("dense").nIn(20).nOut(3).build())
        .layer(out("out", 2))
        .inputPreProcessor(1, new KerasFlattenRnnPreprocessor(4, 5))
        .setInputType(in).build(), in);
  }

  /** TensorFlowCnnToFeedForwardPreProcessor: an NCHW image flattened in NHWC order. */
  static Built preTfCnn() {
    InputType in = InputType.convolutional(5, 4, 2);
    return mln(base().list()
        .layer(new ConvolutionLayer.Builder(2, 2).name("conv").nOut(3).build())
        .layer(new DenseLayer.Builder().name("dense").nIn(36).nOut(3).build())
        .layer(out("out", 2))
        .inputPreProcessor(1, new TensorFlowCnnToFeedForwardPreProcessor(4, 3, 3))
        .setInputType(in).build(), in);
  }

  /** FeedForwardToCnn3DPreProcessor: a vector to an NCDHW volume, and one whose network input is that vector. */
  static Built preFfCnn3d() {
    InputType in = InputType.feedForward(2 * 3 * 4 * 2);
    return mln(base().list()
        .layer(new Convolution3D.Builder().name("conv3d").kernelSize(1, 2, 2).nIn(2).nOut(3).build())
        .layer(new DenseLayer.Builder().name("dense").nOut(1 * 2 * 3 * 4).build())
        .layer(new Convolution3D.Builder().name("conv3d_2").kernelSize(1, 2, 2).nIn(4).nOut(2).build())
        .layer(new Cnn3DLossLayer.Builder(Convolution3D.DataFormat.NCDHW).name("loss3d").lossFunction(LossFunction.XENT)
            .activation(Activation.SIGMOID).build())
        .inputPreProcessor(0, new FeedForwardToCnn3DPreProcessor(2, 3, 4, 2, true))
        .inputPreProcessor(1, new Cnn3DToFeedForwardPreProcessor(2, 2, 3, 3, true))
        .inputPreProcessor(2, new FeedForwardToCnn3DPreProcessor(1, 2, 3, 4, true))
        .setInputType(in).build(), in);
  }

  /** ComposableInputPreProcessor right after the network input: sequence → vectors → sequence. */
  static Built preComposable() {
    InputType in = InputType.recurrent(4, 5);
    return mln(base().list()
        .layer(new LSTM.Builder().name("lstm").nIn(4).nOut(3).build())
        .layer(rnnOut("out", 2))
        .inputPreProcessor(0, new ComposableInputPreProcessor(new RnnToFeedForwardPreProcessor(),
            new FeedForwardToRnnPreProcessor()))
        .setInputType(in).build(), in);
  }

  /**
   * ComposableInputPreProcessor whose first step takes a vector: the network input is [mb, 12]
   * although the layer after it (an LSTM) takes sequences.
   */
  static Built preComposableCnn() {
    InputType in = InputType.feedForward(12);
    return mln(base().list()
        .layer(new LSTM.Builder().name("lstm").nIn(12).nOut(3).build())
        .layer(rnnOut("out", 2))
        .inputPreProcessor(0, new ComposableInputPreProcessor(
            new org.deeplearning4j.nn.conf.preprocessor.FeedForwardToCnnPreProcessor(2, 3, 2),
            new org.deeplearning4j.nn.conf.preprocessor.CnnToRnnPreProcessor(2, 3, 2)))
        .setInputType(in).build(), in);
  }

  /** ElementWiseMultiplicationLayer, RepeatVector, MaskLayer and TimeDistributed around a DenseLayer. */
  static Built miscMore() {
    InputType in = InputType.feedForward(5);
    return mln(base().list()
        .layer(new DenseLayer.Builder().name("dense").nOut(4).build())
        .layer(new org.deeplearning4j.nn.conf.layers.misc.ElementWiseMultiplicationLayer.Builder().name("ewm")
            .nIn(4).nOut(4).build())
        .layer(new RepeatVector.Builder(3).name("repeat").build())
        .layer(new org.deeplearning4j.nn.conf.layers.util.MaskLayer())
        .layer(new org.deeplearning4j.nn.conf.layers.recurrent.TimeDistributed(
            new DenseLayer.Builder().nOut(2).build()))
        .layer(rnnOut("out", 2))
        .setInputType(in).build(), in);
  }
}
