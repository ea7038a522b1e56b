package io.modelaudit.dl4j;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;
import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ActivationLayer;
import org.deeplearning4j.nn.conf.layers.AutoEncoder;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.CapsuleLayer;
import org.deeplearning4j.nn.conf.layers.CapsuleStrengthLayer;
import org.deeplearning4j.nn.conf.layers.CenterLossOutputLayer;
import org.deeplearning4j.nn.conf.layers.Cnn3DLossLayer;
import org.deeplearning4j.nn.conf.layers.CnnLossLayer;
import org.deeplearning4j.nn.conf.layers.Convolution1DLayer;
import org.deeplearning4j.nn.conf.layers.Convolution3D;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.Deconvolution2D;
import org.deeplearning4j.nn.conf.layers.Deconvolution3D;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.DepthwiseConvolution2D;
import org.deeplearning4j.nn.conf.layers.DropoutLayer;
import org.deeplearning4j.nn.conf.layers.EmbeddingLayer;
import org.deeplearning4j.nn.conf.layers.EmbeddingSequenceLayer;
import org.deeplearning4j.nn.conf.layers.GlobalPoolingLayer;
import org.deeplearning4j.nn.conf.layers.GravesBidirectionalLSTM;
import org.deeplearning4j.nn.conf.layers.GravesLSTM;
import org.deeplearning4j.nn.conf.layers.LSTM;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.conf.layers.LearnedSelfAttentionLayer;
import org.deeplearning4j.nn.conf.layers.LocalResponseNormalization;
import org.deeplearning4j.nn.conf.layers.LocallyConnected1D;
import org.deeplearning4j.nn.conf.layers.LocallyConnected2D;
import org.deeplearning4j.nn.conf.layers.LossLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.PReLULayer;
import org.deeplearning4j.nn.conf.layers.PoolingType;
import org.deeplearning4j.nn.conf.layers.PrimaryCapsules;
import org.deeplearning4j.nn.conf.layers.RecurrentAttentionLayer;
import org.deeplearning4j.nn.conf.layers.RnnLossLayer;
import org.deeplearning4j.nn.conf.layers.RnnOutputLayer;
import org.deeplearning4j.nn.conf.layers.SelfAttentionLayer;
import org.deeplearning4j.nn.conf.layers.SeparableConvolution2D;
import org.deeplearning4j.nn.conf.layers.SpaceToBatchLayer;
import org.deeplearning4j.nn.conf.layers.SpaceToDepthLayer;
import org.deeplearning4j.nn.conf.layers.Subsampling1DLayer;
import org.deeplearning4j.nn.conf.layers.Subsampling3DLayer;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.conf.layers.Upsampling1D;
import org.deeplearning4j.nn.conf.layers.Upsampling2D;
import org.deeplearning4j.nn.conf.layers.Upsampling3D;
import org.deeplearning4j.nn.conf.layers.ZeroPadding1DLayer;
import org.deeplearning4j.nn.conf.layers.ZeroPadding3DLayer;
import org.deeplearning4j.nn.conf.layers.ZeroPaddingLayer;
import org.deeplearning4j.nn.conf.layers.convolutional.Cropping1D;
import org.deeplearning4j.nn.conf.layers.convolutional.Cropping2D;
import org.deeplearning4j.nn.conf.layers.convolutional.Cropping3D;
import org.deeplearning4j.nn.conf.layers.misc.ElementWiseMultiplicationLayer;
import org.deeplearning4j.nn.conf.layers.misc.FrozenLayerWithBackprop;
import org.deeplearning4j.nn.conf.layers.misc.RepeatVector;
import org.deeplearning4j.nn.conf.layers.objdetect.Yolo2OutputLayer;
import org.deeplearning4j.nn.conf.layers.recurrent.Bidirectional;
import org.deeplearning4j.nn.conf.layers.recurrent.LastTimeStep;
import org.deeplearning4j.nn.conf.layers.recurrent.SimpleRnn;
import org.deeplearning4j.nn.conf.layers.recurrent.TimeDistributed;
import org.deeplearning4j.nn.conf.layers.util.MaskLayer;
import org.deeplearning4j.nn.conf.layers.util.MaskZeroLayer;
import org.deeplearning4j.nn.conf.layers.variational.BernoulliReconstructionDistribution;
import org.deeplearning4j.nn.conf.layers.variational.GaussianReconstructionDistribution;
import org.deeplearning4j.nn.conf.layers.variational.VariationalAutoencoder;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.lossfunctions.LossFunctions.LossFunction;

/**
 * Random DL4J layer configurations for the differential run: for an input type, one layer drawn
 * from the classes the fixture models cover, with random sizes, kernels, strides, modes and
 * activations. Many draws are invalid for the input they get; the caller lets DL4J decide and
 * counts the refusals.
 */
final class RandomDl4jLayers {
  private static final Activation[] ACTS = {Activation.IDENTITY, Activation.RELU, Activation.TANH, Activation.SIGMOID,
      Activation.ELU, Activation.SOFTMAX, Activation.LEAKYRELU};
  private static final ConvolutionMode[] MODES = {ConvolutionMode.Truncate, ConvolutionMode.Same, ConvolutionMode.Strict};

  private final Random r;

  RandomDl4jLayers(Random r) {
    this.r = r;
  }

  int n(int lo, int hi) {
    return lo + r.nextInt(hi - lo + 1);
  }

  <T> T pick(List<T> xs) {
    return xs.get(r.nextInt(xs.size()));
  }

  private Activation act() {
    return ACTS[r.nextInt(ACTS.length)];
  }

  private ConvolutionMode mode() {
    return MODES[r.nextInt(MODES.length)];
  }

  /** One layer for input {@code t}; {@code last} allows output and loss layers. */
  Layer layerFor(InputType t, boolean last) {
    List<Supplier<Layer>> options = new ArrayList<>();
    options.add(this::dense);
    options.add(() -> new DropoutLayer.Builder(0.5).build());
    options.add(() -> new ActivationLayer.Builder().activation(act()).build());
    if (t instanceof InputType.InputTypeFeedForward ff) {
      options.add(() -> new AutoEncoder.Builder().nOut(n(1, 8)).activation(act()).build());
      options.add(() -> new PReLULayer.Builder().inputShape(ff.getSize()).build());
      options.add(() -> new BatchNormalization.Builder().build());
      options.add(() -> new ElementWiseMultiplicationLayer.Builder().nIn(ff.getSize()).nOut(ff.getSize()).build());
      options.add(() -> new RepeatVector.Builder(n(1, 4)).build());
      options.add(this::vae);
      options.add(() -> new FrozenLayerWithBackprop(dense()));
      if (ff.getSize() == 1) {
        options.add(() -> new EmbeddingLayer.Builder().nIn(n(2, 20)).nOut(n(1, 8)).hasBias(r.nextBoolean()).build());
        options.add(() -> new EmbeddingLayer.Builder().nIn(n(2, 20)).nOut(n(1, 8)).hasBias(r.nextBoolean()).build());
      }
      if (last) {
        options.add(() -> new OutputLayer.Builder(LossFunction.MCXENT).nOut(n(1, 6)).activation(Activation.SOFTMAX).hasBias(r.nextBoolean()).build());
        options.add(() -> new CenterLossOutputLayer.Builder(LossFunction.MCXENT).nOut(n(2, 6)).activation(Activation.SOFTMAX).build());
        options.add(() -> new LossLayer.Builder(LossFunction.MSE).activation(act()).build());
        options.add(() -> new org.deeplearning4j.nn.conf.ocnn.OCNNOutputLayer.Builder().nIn(ff.getSize()).hiddenLayerSize(n(1, 6))
            .nu(0.1).initialRValue(0.1).build());
      }
    } else if (t instanceof InputType.InputTypeRecurrent rt) {
      options.add(() -> new LSTM.Builder().nOut(n(1, 6)).activation(act()).build());
      options.add(() -> new GravesLSTM.Builder().nOut(n(1, 6)).build());
      options.add(() -> new GravesBidirectionalLSTM.Builder().nOut(n(1, 6)).build());
      options.add(() -> new SimpleRnn.Builder().nOut(n(1, 6)).activation(act()).build());
      options.add(() -> new Bidirectional(pick(List.of(Bidirectional.Mode.values())), recurrent()));
      options.add(() -> new LastTimeStep(recurrent()));
      options.add(() -> new MaskZeroLayer.Builder().setUnderlying(recurrent()).setMaskValue(0.0).build());
      options.add(() -> new Convolution1DLayer.Builder().kernelSize(n(1, 3)).stride(n(1, 2)).dilation(n(1, 2))
          .convolutionMode(pick(List.of(ConvolutionMode.Truncate, ConvolutionMode.Same, ConvolutionMode.Causal)))
          .nOut(n(1, 6)).hasBias(r.nextBoolean()).build());
      options.add(() -> new Subsampling1DLayer.Builder(pick(List.of(PoolingType.MAX, PoolingType.AVG)))
          .kernelSize(n(1, 3)).stride(n(1, 2)).convolutionMode(pick(List.of(ConvolutionMode.Truncate, ConvolutionMode.Same))).build());
      options.add(() -> new ZeroPadding1DLayer.Builder(n(0, 2), n(0, 2)).build());
      options.add(() -> new Upsampling1D.Builder(n(1, 3)).build());
      options.add(() -> new Cropping1D.Builder(n(0, 1), n(0, 1)).build());
      options.add(() -> r.nextBoolean() ? new SelfAttentionLayer.Builder().nOut(n(2, 8)).nHeads(n(1, 2)).projectInput(true).build()
          : new SelfAttentionLayer.Builder().nIn((int) rt.getSize()).nOut((int) rt.getSize()).nHeads(1).projectInput(false).build());
      options.add(() -> new RecurrentAttentionLayer.Builder().nIn((int) rt.getSize()).nOut(n(2, 8)).nHeads(n(1, 2)).projectInput(true).build());
      options.add(() -> new LearnedSelfAttentionLayer.Builder().nOut(n(2, 8)).nHeads(n(1, 2)).nQueries(n(1, 4)).projectInput(true).build());
      options.add(() -> new LocallyConnected1D.Builder().nOut(n(1, 4)).kernelSize(n(1, 3)).stride(n(1, 2)).hasBias(r.nextBoolean()).build());
      options.add(() -> new TimeDistributed(dense()));
      options.add(MaskLayer::new);
      options.add(this::globalPooling);
      options.add(() -> new CapsuleLayer.Builder(n(2, 4), n(2, 4), n(1, 3)).build());
      options.add(() -> new CapsuleStrengthLayer.Builder().build());
      if (rt.getSize() == 1 && rt.getTimeSeriesLength() > 0) {
        options.add(() -> new EmbeddingSequenceLayer.Builder().nIn(n(2, 20)).nOut(n(1, 8)).inputLength((int) rt.getTimeSeriesLength()).build());
        options.add(() -> new EmbeddingSequenceLayer.Builder().nIn(n(2, 20)).nOut(n(1, 8)).inputLength((int) rt.getTimeSeriesLength()).build());
      }
      if (last) {
        options.add(() -> new RnnOutputLayer.Builder(LossFunction.MCXENT).nOut(n(1, 5)).activation(Activation.SOFTMAX).build());
        options.add(() -> new RnnLossLayer.Builder().activation(act()).build());
      }
    } else if (t instanceof InputType.InputTypeConvolutional ct) {
      CNN2DFormat f = ct.getFormat();
      options.add(() -> new ConvolutionLayer.Builder(n(1, 3), n(1, 3)).stride(n(1, 2), n(1, 2)).dilation(n(1, 2), 1)
          .convolutionMode(mode()).nOut(n(1, 6)).hasBias(r.nextBoolean()).activation(act()).dataFormat(f).build());
      options.add(() -> new ConvolutionLayer.Builder(n(1, 3), n(1, 3)).convolutionMode(ConvolutionMode.Same).nOut(n(1, 6)).dataFormat(f).build());
      options.add(() -> new SubsamplingLayer.Builder(pick(List.of(PoolingType.MAX, PoolingType.AVG, PoolingType.PNORM)))
          .kernelSize(n(1, 3), n(1, 3)).stride(n(1, 2), n(1, 2)).pnorm(2).convolutionMode(mode()).dataFormat(f).build());
      options.add(() -> new BatchNormalization.Builder().dataFormat(f).build());
      options.add(() -> new ZeroPaddingLayer.Builder(n(0, 2), n(0, 2), n(0, 2), n(0, 2)).dataFormat(f).build());
      options.add(() -> new Deconvolution2D.Builder().kernelSize(n(1, 3), n(1, 3)).stride(n(1, 2), n(1, 2))
          .convolutionMode(pick(List.of(ConvolutionMode.Truncate, ConvolutionMode.Same))).nOut(n(1, 5)).hasBias(r.nextBoolean()).dataFormat(f).build());
      options.add(() -> new SeparableConvolution2D.Builder(n(1, 3), n(1, 3)).depthMultiplier(n(1, 2)).stride(n(1, 2), n(1, 2))
          .convolutionMode(mode()).nOut(n(1, 5)).hasBias(r.nextBoolean()).dataFormat(f).build());
      options.add(() -> new DepthwiseConvolution2D.Builder(n(1, 3), n(1, 3)).depthMultiplier(n(1, 3)).stride(n(1, 2), n(1, 2))
          .convolutionMode(mode()).hasBias(r.nextBoolean()).dataFormat(f).build());
      options.add(() -> new Upsampling2D.Builder(n(1, 2)).dataFormat(f).build());
      options.add(() -> new Cropping2D.Builder(n(0, 1), n(0, 1), n(0, 1), n(0, 1)).dataFormat(f).build());
      options.add(() -> new LocalResponseNormalization.Builder().dataFormat(f).build());
      options.add(this::globalPooling);
      options.add(() -> new SpaceToDepthLayer.Builder(2, f).build());
      options.add(() -> new SpaceToBatchLayer.Builder(new int[] {2, 2}, new int[][] {{n(0, 1), n(0, 1)}, {n(0, 1), n(0, 1)}}).dataFormat(f).build());
      options.add(() -> new LocallyConnected2D.Builder().nOut(n(1, 4)).kernelSize(n(1, 3), n(1, 3)).stride(n(1, 2), n(1, 2))
          .hasBias(r.nextBoolean()).setInputSize((int) ct.getHeight(), (int) ct.getWidth()).build());
      options.add(() -> new PrimaryCapsules.Builder(n(2, 4), n(1, 3)).kernelSize(n(1, 3), n(1, 3)).stride(n(1, 2), n(1, 2)).build());
      if (last) {
        options.add(() -> new CnnLossLayer.Builder().format(f).activation(Activation.SOFTMAX).build());
        long boxes = ct.getChannels() % 2 == 0 && ct.getChannels() / 2 > 5 ? 2 : 1;
        options.add(() -> new Yolo2OutputLayer.Builder().boundingBoxPriors(Nd4j.create(boxes == 2 ? new double[][] {{1, 1}, {2, 3}} : new double[][] {{1, 2}})).build());
      }
    } else if (t instanceof InputType.InputTypeConvolutional3D c3) {
      Convolution3D.DataFormat f = c3.getDataFormat();
      options.add(() -> new Convolution3D.Builder().kernelSize(n(1, 2), n(1, 3), n(1, 3)).stride(n(1, 2), n(1, 2), n(1, 2))
          .convolutionMode(pick(List.of(ConvolutionMode.Truncate, ConvolutionMode.Same))).nOut(n(1, 4)).hasBias(r.nextBoolean()).dataFormat(f).build());
      options.add(() -> new Subsampling3DLayer.Builder(pick(List.of(org.deeplearning4j.nn.conf.layers.PoolingType.MAX, org.deeplearning4j.nn.conf.layers.PoolingType.AVG)))
          .kernelSize(n(1, 2), n(1, 2), n(1, 2)).stride(n(1, 2), n(1, 2), n(1, 2)).dataFormat(f).build());
      options.add(() -> new ZeroPadding3DLayer.Builder(n(0, 1), n(0, 1), n(0, 1), n(0, 1), n(0, 1), n(0, 1)).build());
      options.add(() -> new Cropping3D.Builder(n(0, 1), n(0, 1), n(0, 1), n(0, 1), n(0, 1), n(0, 1)).build());
      options.add(() -> new Upsampling3D.Builder(n(1, 2)).dataFormat(f).build());
      options.add(() -> new Deconvolution3D.Builder().kernelSize(n(1, 2), n(1, 2), n(1, 2)).stride(n(1, 2), n(1, 2), n(1, 2))
          .convolutionMode(pick(List.of(ConvolutionMode.Truncate, ConvolutionMode.Same))).nOut(n(1, 3)).dataFormat(f).build());
      if (last) {
        options.add(() -> new Cnn3DLossLayer.Builder(f).lossFunction(LossFunction.MSE).activation(act()).build());
      }
    }
    return pick(options).get();
  }

  private Layer dense() {
    return new DenseLayer.Builder().nOut(n(1, 8)).activation(act()).hasBias(r.nextBoolean()).build();
  }

  private Layer recurrent() {
    return switch (r.nextInt(3)) {
      case 0 -> new LSTM.Builder().nOut(n(1, 5)).build();
      case 1 -> new SimpleRnn.Builder().nOut(n(1, 5)).build();
      default -> new GravesLSTM.Builder().nOut(n(1, 5)).build();
    };
  }

  private Layer globalPooling() {
    return new GlobalPoolingLayer.Builder(pick(List.of(PoolingType.MAX, PoolingType.AVG, PoolingType.SUM, PoolingType.PNORM))).pnorm(2).build();
  }

  private Layer vae() {
    int[] enc = r.nextBoolean() ? new int[] {n(2, 6)} : new int[] {n(2, 6), n(2, 6)};
    return new VariationalAutoencoder.Builder().nOut(n(1, 4)).encoderLayerSizes(enc).decoderLayerSizes(n(2, 6))
        .reconstructionDistribution(r.nextBoolean() ? new GaussianReconstructionDistribution(Activation.IDENTITY)
            : new BernoulliReconstructionDistribution(Activation.SIGMOID)).build();
  }

  /** A random network input type: vectors, index vectors, sequences, index sequences, images (NCHW/NHWC, flat), volumes. */
  InputType inputType() {
    return switch (r.nextInt(8)) {
      case 0, 1 -> InputType.feedForward(n(1, 10));
      case 2 -> InputType.feedForward(1);
      case 3 -> InputType.recurrent(n(1, 6), n(3, 8));
      case 4 -> InputType.recurrent(1, n(3, 6));
      case 5 -> InputType.convolutional(n(4, 10), n(4, 10), n(1, 4), r.nextBoolean() ? CNN2DFormat.NCHW : CNN2DFormat.NHWC);
      case 6 -> InputType.convolutionalFlat(n(4, 8), n(4, 8), n(1, 3));
      default -> InputType.convolutional3D(r.nextBoolean() ? Convolution3D.DataFormat.NCDHW : Convolution3D.DataFormat.NDHWC,
          n(2, 5), n(3, 6), n(3, 6), n(1, 3));
    };
  }
}
