package io.modelaudit.dl4j;

import io.modelaudit.dl4j.GenerateDl4jFixtures.Built;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.graph.rnn.ReverseTimeSeriesVertex;
import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.graph.ElementWiseVertex;
import org.deeplearning4j.nn.conf.graph.L2NormalizeVertex;
import org.deeplearning4j.nn.conf.graph.L2Vertex;
import org.deeplearning4j.nn.conf.graph.MergeVertex;
import org.deeplearning4j.nn.conf.graph.ScaleVertex;
import org.deeplearning4j.nn.conf.graph.ShiftVertex;
import org.deeplearning4j.nn.conf.graph.StackVertex;
import org.deeplearning4j.nn.conf.graph.SubsetVertex;
import org.deeplearning4j.nn.conf.graph.UnstackVertex;
import org.deeplearning4j.nn.conf.graph.rnn.DuplicateToTimeSeriesVertex;
import org.deeplearning4j.nn.conf.graph.rnn.LastTimeStepVertex;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ActivationLayer;
import org.deeplearning4j.nn.conf.layers.AutoEncoder;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.CenterLossOutputLayer;
import org.deeplearning4j.nn.conf.layers.Convolution1DLayer;
import org.deeplearning4j.nn.conf.layers.Convolution3D;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.Deconvolution2D;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.DepthwiseConvolution2D;
import org.deeplearning4j.nn.conf.layers.DropoutLayer;
import org.deeplearning4j.nn.conf.layers.EmbeddingLayer;
import org.deeplearning4j.nn.conf.layers.EmbeddingSequenceLayer;
import org.deeplearning4j.nn.conf.layers.GlobalPoolingLayer;
import org.deeplearning4j.nn.conf.layers.GravesBidirectionalLSTM;
import org.deeplearning4j.nn.conf.layers.GravesLSTM;
import org.deeplearning4j.nn.conf.layers.LSTM;
import org.deeplearning4j.nn.conf.layers.LocalResponseNormalization;
import org.deeplearning4j.nn.conf.layers.LossLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.PReLULayer;
import org.deeplearning4j.nn.conf.layers.PoolingType;
import org.deeplearning4j.nn.conf.layers.RnnOutputLayer;
import org.deeplearning4j.nn.conf.layers.SeparableConvolution2D;
import org.deeplearning4j.nn.conf.layers.Subsampling1DLayer;
import org.deeplearning4j.nn.conf.layers.Subsampling3DLayer;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.conf.layers.Upsampling1D;
import org.deeplearning4j.nn.conf.layers.Upsampling2D;
import org.deeplearning4j.nn.conf.layers.ZeroPadding1DLayer;
import org.deeplearning4j.nn.conf.layers.ZeroPaddingLayer;
import org.deeplearning4j.nn.conf.layers.convolutional.Cropping1D;
import org.deeplearning4j.nn.conf.layers.convolutional.Cropping2D;
import org.deeplearning4j.nn.conf.layers.misc.FrozenLayerWithBackprop;
import org.deeplearning4j.nn.conf.layers.recurrent.Bidirectional;
import org.deeplearning4j.nn.conf.layers.recurrent.LastTimeStep;
import org.deeplearning4j.nn.conf.layers.recurrent.SimpleRnn;
import org.deeplearning4j.nn.conf.layers.variational.GaussianReconstructionDistribution;
import org.deeplearning4j.nn.conf.layers.variational.VariationalAutoencoder;
import org.deeplearning4j.nn.conf.graph.PoolHelperVertex;
import org.deeplearning4j.nn.conf.graph.PreprocessorVertex;
import org.deeplearning4j.nn.conf.graph.ReshapeVertex;
import org.deeplearning4j.nn.conf.layers.Cnn3DLossLayer;
import org.deeplearning4j.nn.conf.layers.CnnLossLayer;
import org.deeplearning4j.nn.conf.layers.Deconvolution3D;
import org.deeplearning4j.nn.conf.layers.RnnLossLayer;
import org.deeplearning4j.nn.conf.layers.SpaceToBatchLayer;
import org.deeplearning4j.nn.conf.layers.SpaceToDepthLayer;
import org.deeplearning4j.nn.conf.layers.Upsampling3D;
import org.deeplearning4j.nn.conf.layers.ZeroPadding3DLayer;
import org.deeplearning4j.nn.conf.layers.convolutional.Cropping3D;
import org.deeplearning4j.nn.conf.layers.objdetect.Yolo2OutputLayer;
import org.deeplearning4j.nn.conf.layers.util.MaskZeroLayer;
import org.deeplearning4j.nn.conf.preprocessor.CnnToFeedForwardPreProcessor;
import org.nd4j.linalg.factory.Nd4j;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.transferlearning.FineTuneConfiguration;
import org.deeplearning4j.nn.transferlearning.TransferLearning;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions.LossFunction;

/** The small models of {@code test-models/dl4j/}, each with the input types it was built for. */
final class Dl4jFixtureModels {
  private static final String IN = "(input)";

  private Dl4jFixtureModels() {}

  static Map<String, Supplier<Built>> all() {
    Map<String, Supplier<Built>> m = new LinkedHashMap<>();
    m.put("mlp", Dl4jFixtureModels::mlp);
    m.put("cnn", Dl4jFixtureModels::cnn);
    m.put("cnn_more", Dl4jFixtureModels::cnnMore);
    m.put("conv1d", Dl4jFixtureModels::conv1d);
    m.put("conv3d", Dl4jFixtureModels::conv3d);
    m.put("lstm", Dl4jFixtureModels::lstm);
    m.put("graves_lstm", Dl4jFixtureModels::gravesLstm);
    m.put("bidirectional", Dl4jFixtureModels::bidirectional);
    m.put("embedding", Dl4jFixtureModels::embedding);
    m.put("embedding_sequence", Dl4jFixtureModels::embeddingSequence);
    m.put("misc", Dl4jFixtureModels::misc);
    m.put("vae", Dl4jFixtureModels::vae);
    m.put("frozen", Dl4jFixtureModels::frozen);
    m.put("graph_merge", Dl4jFixtureModels::graphMerge);
    m.put("graph_vertices", Dl4jFixtureModels::graphVertices);
    m.put("graph_rnn", Dl4jFixtureModels::graphRnn);
    m.put("cnn_spatial", Dl4jFixtureModels::cnnSpatial);
    m.put("yolo2", Dl4jFixtureModels::yolo2);
    m.put("conv3d_more", Dl4jFixtureModels::conv3dMore);
    m.put("rnn_more", Dl4jFixtureModels::rnnMore);
    m.put("graph_reshape", Dl4jFixtureModels::graphReshape);
    m.put("channels_last", Dl4jFixtureModels::channelsLast);
    m.put("conv3d_channels_last", Dl4jFixtureModels::conv3dChannelsLast);
    m.put("causal_1d", Dl4jFixtureModels::causal1d);
    m.put("graph_reshape_rnn", Dl4jFixtureModels::graphReshapeRnn);
    m.put("graph_reverse", Dl4jFixtureModels::graphReverse);
    m.putAll(Dl4jMoreFixtureModels.all());
    m.putAll(Dl4jDifferentialFixtureModels.all());
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

  private static Built graph(ComputationGraphConfiguration conf, Map<String, InputType> inputs) {
    ComputationGraph net = new ComputationGraph(conf);
    net.init();
    return new Built(net, inputs);
  }

  static Built mlp() {
    InputType in = InputType.feedForward(4);
    return mln(base().list()
        .layer(new DenseLayer.Builder().name("dense1").nOut(8).activation(Activation.RELU).build())
        .layer(new DenseLayer.Builder().name("dense2").nOut(6).activation(Activation.TANH).hasBias(false).build())
        .layer(new OutputLayer.Builder(LossFunction.MCXENT).name("out").nOut(3).activation(Activation.SOFTMAX).build())
        .setInputType(in).build(), in);
  }

  /** Convolution, subsampling, batch norm and dense: the flattening preprocessor sits before the dense layer. */
  static Built cnn() {
    InputType in = InputType.convolutional(12, 10, 2);
    return mln(base().list()
        .layer(new ConvolutionLayer.Builder(3, 3).name("conv1").nOut(4).activation(Activation.RELU).build())
        .layer(new SubsamplingLayer.Builder(PoolingType.MAX).name("pool1").kernelSize(2, 2).stride(2, 2).build())
        .layer(new BatchNormalization.Builder().name("bn1").build())
        .layer(new ConvolutionLayer.Builder(3, 3).name("conv2").nOut(6).stride(2, 2)
            .convolutionMode(ConvolutionMode.Same).activation(Activation.RELU).build())
        .layer(new DenseLayer.Builder().name("dense").nOut(10).activation(Activation.RELU).build())
        .layer(new OutputLayer.Builder(LossFunction.MCXENT).name("out").nOut(3).activation(Activation.SOFTMAX).build())
        .setInputType(in).build(), in);
  }

  static Built cnnMore() {
    InputType in = InputType.convolutional(10, 10, 2);
    return mln(base().list()
        .layer(new ZeroPaddingLayer.Builder(1, 1).name("pad").build())
        .layer(new Deconvolution2D.Builder().name("deconv").kernelSize(3, 3).stride(2, 2).nOut(3).build())
        .layer(new SeparableConvolution2D.Builder(3, 3).name("sepconv").depthMultiplier(2).nOut(5).build())
        .layer(new DepthwiseConvolution2D.Builder(3, 3).name("dwconv").depthMultiplier(2).stride(2, 2)
            .convolutionMode(ConvolutionMode.Same).build())
        .layer(new Upsampling2D.Builder(2).name("up").build())
        .layer(new Cropping2D.Builder(1, 2).name("crop").build())
        .layer(new LocalResponseNormalization.Builder().name("lrn").build())
        .layer(new SubsamplingLayer.Builder(PoolingType.AVG).name("avgpool").kernelSize(3, 3).stride(1, 1).build())
        .layer(new GlobalPoolingLayer.Builder(PoolingType.AVG).name("gap").build())
        .layer(new OutputLayer.Builder(LossFunction.MCXENT).name("out").nOut(4).activation(Activation.SOFTMAX).build())
        .setInputType(in).build(), in);
  }

  static Built conv1d() {
    InputType in = InputType.recurrent(3, 20);
    return mln(base().list()
        .layer(new Convolution1DLayer.Builder().name("conv1d").kernelSize(3).nOut(4).build())
        .layer(new Subsampling1DLayer.Builder(PoolingType.MAX).name("pool1d").kernelSize(2).stride(2).build())
        .layer(new ZeroPadding1DLayer.Builder(1, 2).name("pad1d").build())
        .layer(new Upsampling1D.Builder(2).name("up1d").build())
        .layer(new Cropping1D.Builder(1, 1).name("crop1d").build())
        .layer(new Convolution1DLayer.Builder().name("conv1d_same").kernelSize(2).dilation(2).nOut(5)
            .convolutionMode(ConvolutionMode.Same).build())
        .layer(new RnnOutputLayer.Builder(LossFunction.MCXENT).name("out").nOut(2).activation(Activation.SOFTMAX).build())
        .setInputType(in).build(), in);
  }

  static Built conv3d() {
    InputType in = InputType.convolutional3D(Convolution3D.DataFormat.NCDHW, 6, 6, 6, 2);
    return mln(base().list()
        .layer(new Convolution3D.Builder().name("conv3d").kernelSize(2, 2, 2).nOut(3).build())
        .layer(new Subsampling3DLayer.Builder(PoolingType.MAX).name("pool3d").kernelSize(2, 2, 2).stride(2, 2, 2).build())
        .layer(new DenseLayer.Builder().name("dense").nOut(4).build())
        .layer(new OutputLayer.Builder(LossFunction.MCXENT).name("out").nOut(2).activation(Activation.SOFTMAX).build())
        .setInputType(in).build(), in);
  }

  static Built lstm() {
    InputType in = InputType.recurrent(3, 7);
    return mln(base().list()
        .layer(new LSTM.Builder().name("lstm").nOut(5).activation(Activation.TANH).build())
        .layer(new RnnOutputLayer.Builder(LossFunction.MCXENT).name("out").nOut(2).activation(Activation.SOFTMAX).build())
        .setInputType(in).build(), in);
  }

  /** GravesLSTM keeps three peephole weights per unit in its recurrent matrix: RW [n, 4n + 3]. */
  static Built gravesLstm() {
    InputType in = InputType.recurrent(3);
    return mln(base().list()
        .layer(new GravesLSTM.Builder().name("graves").nOut(4).build())
        .layer(new GravesBidirectionalLSTM.Builder().name("graves_bi").nOut(3).build())
        .layer(new RnnOutputLayer.Builder(LossFunction.MCXENT).name("out").nOut(2).activation(Activation.SOFTMAX).build())
        .setInputType(in).build(), in);
  }

  static Built bidirectional() {
    InputType in = InputType.recurrent(3, 6);
    return mln(base().list()
        .layer(new Bidirectional(Bidirectional.Mode.CONCAT, new LSTM.Builder().name("bi_lstm").nOut(4).build()))
        .layer(new Bidirectional(Bidirectional.Mode.ADD, new SimpleRnn.Builder().name("bi_rnn").nOut(5).build()))
        .layer(new LastTimeStep(new SimpleRnn.Builder().name("last").nOut(3).build()))
        .layer(new OutputLayer.Builder(LossFunction.MCXENT).name("out").nOut(2).activation(Activation.SOFTMAX).build())
        .setInputType(in).build(), in);
  }

  /** nIn kept as configured: setInputType would otherwise set an embedding's vocabulary size to the input's width. */
  static Built embedding() {
    InputType in = InputType.feedForward(1);
    return mln(base().list()
        .layer(new EmbeddingLayer.Builder().name("embed").nIn(20).nOut(6).hasBias(true).build())
        .layer(new DenseLayer.Builder().name("dense").nIn(6).nOut(4).build())
        .layer(new OutputLayer.Builder(LossFunction.MCXENT).name("out").nOut(3).activation(Activation.SOFTMAX).build())
        .overrideNinUponBuild(false).setInputType(in).build(), in);
  }

  static Built embeddingSequence() {
    InputType in = InputType.feedForward(6);
    return mln(base().list()
        .layer(new EmbeddingSequenceLayer.Builder().name("embed_seq").nIn(20).nOut(5).inputLength(6).build())
        .layer(new SimpleRnn.Builder().name("rnn").nOut(4).build())
        .layer(new GlobalPoolingLayer.Builder(PoolingType.MAX).name("gmp").build())
        .layer(new OutputLayer.Builder(LossFunction.MCXENT).name("out").nOut(3).activation(Activation.SOFTMAX).build())
        .overrideNinUponBuild(false).setInputType(in).build(), in);
  }

  static Built misc() {
    InputType in = InputType.feedForward(6);
    return mln(base().list()
        .layer(new AutoEncoder.Builder().name("autoencoder").nOut(5).build())
        .layer(new PReLULayer.Builder().name("prelu").inputShape(5).build())
        .layer(new DropoutLayer.Builder(0.5).name("dropout").build())
        .layer(new ActivationLayer.Builder().name("act").activation(Activation.ELU).build())
        .layer(new DenseLayer.Builder().name("dense").nOut(3).build())
        .layer(new CenterLossOutputLayer.Builder(LossFunction.MCXENT).name("center_out").nOut(3)
            .activation(Activation.SOFTMAX).build())
        .layer(new LossLayer.Builder(LossFunction.MCXENT).name("loss").activation(Activation.SOFTMAX).build())
        .setInputType(in).build(), in);
  }

  /** numParams() includes the decoder and reconstruction parameters, which only pretraining uses. */
  static Built vae() {
    InputType in = InputType.feedForward(8);
    return mln(base().list()
        .layer(new VariationalAutoencoder.Builder().name("vae").nOut(3).encoderLayerSizes(6, 5).decoderLayerSizes(5)
            .reconstructionDistribution(new GaussianReconstructionDistribution(Activation.IDENTITY)).build())
        .layer(new OutputLayer.Builder(LossFunction.MCXENT).name("out").nOut(2).activation(Activation.SOFTMAX).build())
        .setInputType(in).build(), in);
  }

  /** Transfer learning: the first two layers frozen (FrozenLayer), a new output layer; and one FrozenLayerWithBackprop. */
  static Built frozen() {
    InputType in = InputType.feedForward(5);
    MultiLayerNetwork pretrained = (MultiLayerNetwork) mln(base().list()
        .layer(new DenseLayer.Builder().name("feat1").nOut(8).activation(Activation.RELU).build())
        .layer(new DenseLayer.Builder().name("feat2").nOut(6).activation(Activation.RELU).build())
        .layer(new FrozenLayerWithBackprop(new DenseLayer.Builder().name("feat3").nOut(6).build()))
        .layer(new OutputLayer.Builder(LossFunction.MCXENT).name("old_out").nOut(10).activation(Activation.SOFTMAX).build())
        .setInputType(in).build(), in).model();
    MultiLayerNetwork net = new TransferLearning.Builder(pretrained)
        .fineTuneConfiguration(new FineTuneConfiguration.Builder().updater(new Adam(1e-4)).build())
        .setFeatureExtractor(1)
        .removeOutputLayer()
        .addLayer(new OutputLayer.Builder(LossFunction.MCXENT).name("new_out").nIn(6).nOut(2).activation(Activation.SOFTMAX).build())
        .build();
    return new Built(net, Map.of(IN, in));
  }

  /** Two inputs, a MergeVertex and an ElementWiseVertex (add, product, max). */
  static Built graphMerge() {
    InputType a = InputType.feedForward(4);
    InputType b = InputType.feedForward(3);
    return graph(base().graphBuilder()
        .addInputs("in_a", "in_b")
        .addLayer("dense_a", new DenseLayer.Builder().nOut(6).activation(Activation.RELU).build(), "in_a")
        .addLayer("dense_b", new DenseLayer.Builder().nOut(6).activation(Activation.RELU).build(), "in_b")
        .addVertex("merge", new MergeVertex(), "dense_a", "dense_b")
        .addVertex("add", new ElementWiseVertex(ElementWiseVertex.Op.Add), "dense_a", "dense_b")
        .addVertex("product", new ElementWiseVertex(ElementWiseVertex.Op.Product), "dense_a", "dense_b")
        .addVertex("max", new ElementWiseVertex(ElementWiseVertex.Op.Max), "add", "product")
        .addVertex("merge2", new MergeVertex(), "merge", "max")
        .addLayer("out", new OutputLayer.Builder(LossFunction.MCXENT).nOut(3).activation(Activation.SOFTMAX).build(), "merge2")
        .setOutputs("out")
        .setInputTypes(a, b).build(), Map.of("in_a", a, "in_b", b));
  }

  static Built graphVertices() {
    InputType a = InputType.feedForward(6);
    InputType b = InputType.feedForward(6);
    return graph(base().graphBuilder()
        .addInputs("in_a", "in_b")
        .addVertex("subset", new SubsetVertex(1, 4), "in_a")
        .addVertex("scale", new ScaleVertex(2.0), "in_b")
        .addVertex("shift", new ShiftVertex(1.0), "scale")
        .addVertex("l2norm", new L2NormalizeVertex(), "shift")
        .addVertex("stack", new StackVertex(), "in_a", "l2norm")
        .addLayer("dense_stacked", new DenseLayer.Builder().nOut(4).build(), "stack")
        .addVertex("unstack0", new UnstackVertex(0, 2), "dense_stacked")
        .addVertex("unstack1", new UnstackVertex(1, 2), "dense_stacked")
        .addVertex("l2", new L2Vertex(), "unstack0", "unstack1")
        .addVertex("merge", new MergeVertex(), "subset", "l2", "unstack0")
        .addLayer("out", new OutputLayer.Builder(LossFunction.MCXENT).nOut(2).activation(Activation.SOFTMAX).build(), "merge")
        .setOutputs("out")
        .setInputTypes(a, b).build(), Map.of("in_a", a, "in_b", b));
  }

  /** Sequence to vector and back: LastTimeStepVertex, DuplicateToTimeSeriesVertex, and an LSTM over both. */
  static Built graphRnn() {
    InputType seq = InputType.recurrent(3, 5);
    InputType ctx = InputType.feedForward(2);
    return graph(base().graphBuilder()
        .addInputs("seq", "ctx")
        .addLayer("encoder", new LSTM.Builder().nOut(4).build(), "seq")
        .addVertex("last", new LastTimeStepVertex("seq"), "encoder")
        .addVertex("merge", new MergeVertex(), "last", "ctx")
        .addVertex("repeat", new DuplicateToTimeSeriesVertex("seq"), "merge")
        .addLayer("decoder", new GravesLSTM.Builder().nOut(3).build(), "repeat")
        .addLayer("out", new RnnOutputLayer.Builder(LossFunction.MCXENT).nOut(2).activation(Activation.SOFTMAX).build(), "decoder")
        .setOutputs("out")
        .setInputTypes(seq, ctx).build(), Map.of("seq", seq, "ctx", ctx));
  }

  /** ConvolutionMode Strict, SpaceToDepth, SpaceToBatch (which multiplies the minibatch), a per-pixel CnnLossLayer. */
  static Built cnnSpatial() {
    InputType in = InputType.convolutional(8, 8, 3);
    return mln(base().list()
        .layer(new ConvolutionLayer.Builder(2, 2).name("conv_strict").stride(2, 2).nOut(4)
            .convolutionMode(ConvolutionMode.Strict).build())
        .layer(new SpaceToDepthLayer.Builder(2).name("s2d").build())
        .layer(new SpaceToBatchLayer.Builder(new int[] {2, 2}, new int[][] {{1, 1}, {1, 1}}).name("s2b").build())
        .layer(new ConvolutionLayer.Builder(1, 1).name("conv").nOut(5).build())
        .layer(new CnnLossLayer.Builder().name("cnn_loss").activation(Activation.SOFTMAX).build())
        .setInputType(in).build(), in);
  }

  /** Yolo2OutputLayer over 2 boxes × (5 + 3 classes) channels; the priors are configuration, not parameters. */
  static Built yolo2() {
    InputType in = InputType.convolutional(6, 6, 3);
    return mln(base().list()
        .layer(new ConvolutionLayer.Builder(3, 3).name("conv").nOut(16).convolutionMode(ConvolutionMode.Same).build())
        .layer(new Yolo2OutputLayer.Builder().name("yolo")
            .boundingBoxPriors(Nd4j.create(new double[][] {{1, 1}, {2, 3}})).build())
        .setInputType(in).build(), in);
  }

  static Built conv3dMore() {
    InputType in = InputType.convolutional3D(Convolution3D.DataFormat.NCDHW, 4, 4, 4, 2);
    return mln(base().list()
        .layer(new ZeroPadding3DLayer.Builder(1, 0, 1, 1, 0, 2).name("pad3d").build())
        .layer(new Cropping3D.Builder(1, 0, 0, 1, 1, 0).name("crop3d").build())
        .layer(new Upsampling3D.Builder(2).name("up3d").build())
        .layer(new Deconvolution3D.Builder().name("deconv3d").kernelSize(2, 2, 2).stride(2, 2, 2).nOut(3).build())
        .layer(new Subsampling3DLayer.Builder(PoolingType.AVG).name("pool3d").kernelSize(3, 3, 3).stride(2, 2, 2).build())
        .layer(new Convolution3D.Builder().name("conv3d").kernelSize(1, 1, 1).nOut(2).build())
        .layer(new Cnn3DLossLayer.Builder(Convolution3D.DataFormat.NCDHW).name("loss3d").lossFunction(LossFunction.XENT).activation(Activation.SIGMOID).build())
        .setInputType(in).build(), in);
  }

  /** Causal Convolution1D (dilated, stride 1), MaskZeroLayer around an LSTM, RnnLossLayer. */
  static Built rnnMore() {
    InputType in = InputType.recurrent(3, 8);
    return mln(base().list()
        .layer(new Convolution1DLayer.Builder().name("conv1d_causal").kernelSize(3).dilation(2).nOut(4)
            .convolutionMode(ConvolutionMode.Causal).build())
        .layer(new MaskZeroLayer.Builder().setUnderlying(new LSTM.Builder().name("lstm").nOut(5).build()).setMaskValue(0.0).build())
        .layer(new RnnOutputLayer.Builder(LossFunction.MSE).name("dense_t").nOut(3).activation(Activation.IDENTITY).build())
        .layer(new RnnLossLayer.Builder().name("rnn_loss").activation(Activation.SOFTMAX).build())
        .setInputType(in).build(), in);
  }

  /**
   * PreprocessorVertex (CNN → dense), ReshapeVertex back to an image, and on a second branch
   * PoolHelperVertex (drops the first row and column; its type says it changes nothing).
   */
  static Built graphReshape() {
    InputType img = InputType.convolutional(6, 6, 2);
    return graph(base().graphBuilder()
        .addInputs("img")
        .addLayer("conv", new ConvolutionLayer.Builder(3, 3).nOut(4).convolutionMode(ConvolutionMode.Same).build(), "img")
        .addVertex("flatten", new PreprocessorVertex(new CnnToFeedForwardPreProcessor(6, 6, 4)), "conv")
        .addLayer("dense", new DenseLayer.Builder().nOut(12).build(), "flatten")
        .addVertex("reshape", new ReshapeVertex(-1, 3, 2, 2), "dense")
        .addLayer("conv2", new ConvolutionLayer.Builder(2, 2).nOut(2).build(), "reshape")
        .addLayer("out", new CnnLossLayer.Builder().lossFunction(LossFunction.XENT).activation(Activation.SIGMOID).build(), "conv2")
        .addVertex("pool_helper", new PoolHelperVertex(), "conv")
        .addLayer("gmp", new GlobalPoolingLayer.Builder(PoolingType.MAX).build(), "pool_helper")
        .addLayer("out2", new OutputLayer.Builder(LossFunction.MCXENT).nOut(2).activation(Activation.SOFTMAX).build(), "gmp")
        .setOutputs("out", "out2")
        .setInputTypes(img).build(), Map.of("img", img));
  }

  /** The spatial layers on NHWC activations: convolution, SpaceToDepth, SpaceToBatch, CnnLossLayer. */
  static Built channelsLast() {
    InputType in = InputType.convolutional(8, 8, 3, CNN2DFormat.NHWC);
    return mln(base().list()
        .layer(new ConvolutionLayer.Builder(3, 3).name("conv").nOut(4).dataFormat(CNN2DFormat.NHWC)
            .convolutionMode(ConvolutionMode.Same).build())
        .layer(new SpaceToDepthLayer.Builder(2, CNN2DFormat.NHWC).name("s2d").build())
        .layer(new SpaceToBatchLayer.Builder(new int[] {2, 2}, new int[][] {{1, 1}, {0, 2}}).dataFormat(CNN2DFormat.NHWC).name("s2b").build())
        .layer(new ConvolutionLayer.Builder(1, 1).name("conv2").nOut(3).dataFormat(CNN2DFormat.NHWC).build())
        .layer(new CnnLossLayer.Builder().name("cnn_loss").format(CNN2DFormat.NHWC).activation(Activation.SOFTMAX).build())
        .setInputType(in).build(), in);
  }

  /** Convolution3D, Deconvolution3D (Same), Upsampling3D and Cnn3DLossLayer on NDHWC activations. */
  static Built conv3dChannelsLast() {
    InputType in = InputType.convolutional3D(Convolution3D.DataFormat.NDHWC, 3, 4, 4, 2);
    return mln(base().list()
        .layer(new Convolution3D.Builder().name("conv3d").kernelSize(2, 2, 2).nOut(3).dataFormat(Convolution3D.DataFormat.NDHWC)
            .convolutionMode(ConvolutionMode.Same).build())
        .layer(new Deconvolution3D.Builder().name("deconv3d").kernelSize(1, 2, 2).stride(1, 2, 2).nOut(2)
            .dataFormat(Convolution3D.DataFormat.NDHWC).convolutionMode(ConvolutionMode.Same).build())
        .layer(new Upsampling3D.Builder(Convolution3D.DataFormat.NDHWC, 2).name("up3d").build())
        .layer(new Cnn3DLossLayer.Builder(Convolution3D.DataFormat.NDHWC).name("loss3d").lossFunction(LossFunction.XENT)
            .activation(Activation.SIGMOID).build())
        .setInputType(in).build(), in);
  }

  /** Causal mode with a stride: Convolution1DLayer and Subsampling1DLayer. */
  static Built causal1d() {
    InputType in = InputType.recurrent(3, 11);
    return mln(base().list()
        .layer(new Convolution1DLayer.Builder().name("conv_causal_s2").kernelSize(3).stride(2).nOut(4)
            .convolutionMode(ConvolutionMode.Causal).build())
        .layer(new Subsampling1DLayer.Builder(PoolingType.MAX).name("pool_causal").kernelSize(2).stride(2)
            .convolutionMode(ConvolutionMode.Causal).build())
        .layer(new RnnOutputLayer.Builder(LossFunction.MCXENT).name("out").nOut(2).activation(Activation.SOFTMAX).build())
        .setInputType(in).build(), in);
  }

  /** ReshapeVertex from a sequence to a vector and back to a sequence, FrozenLayerWithBackprop in a graph. */
  static Built graphReshapeRnn() {
    InputType seq = InputType.recurrent(4, 6);
    return graph(base().graphBuilder()
        .addInputs("seq")
        .addVertex("to_vector", new ReshapeVertex(-1, 24), "seq")
        .addLayer("frozen_dense", new FrozenLayerWithBackprop(new DenseLayer.Builder().nOut(6).build()), "to_vector")
        .addVertex("to_seq", new ReshapeVertex(-1, 2, 3), "frozen_dense")
        .addLayer("out", new RnnOutputLayer.Builder(LossFunction.MCXENT).nOut(2).activation(Activation.SOFTMAX).build(), "to_seq")
        .setOutputs("out")
        .setInputTypes(seq).build(), Map.of("seq", seq));
  }

  static Built graphReverse() {
    InputType seq = InputType.recurrent(4, 6);
    return graph(base().graphBuilder()
        .addInputs("seq")
        .addLayer("lstm", new LSTM.Builder().nOut(5).build(), "seq")
        .addVertex("reversed", new ReverseTimeSeriesVertex(), "lstm")
        .addLayer("out", new RnnOutputLayer.Builder(LossFunction.MCXENT).nOut(2).activation(Activation.SOFTMAX).build(), "reversed")
        .setOutputs("out")
        .setInputTypes(seq).build(), Map.of("seq", seq));
  }
}
