package io.modelaudit.formats.dl4j;

import io.modelaudit.ir.LayerKind;
import io.modelaudit.ir.layers.dl4j.Dl4jBatchNormKind;
import io.modelaudit.ir.layers.dl4j.Dl4jBidirectionalKind;
import io.modelaudit.ir.layers.dl4j.Dl4jChannelCheckKind;
import io.modelaudit.ir.layers.dl4j.Dl4jConvKind;
import io.modelaudit.ir.layers.dl4j.Dl4jConvKind.Variant;
import io.modelaudit.ir.layers.dl4j.Dl4jDenseKind;
import io.modelaudit.ir.layers.dl4j.Dl4jEmbeddingKind;
import io.modelaudit.ir.layers.dl4j.Dl4jGlobalPoolingKind;
import io.modelaudit.ir.layers.dl4j.Dl4jLastTimeStepKind;
import io.modelaudit.ir.layers.dl4j.Dl4jPReLUKind;
import io.modelaudit.ir.layers.dl4j.Dl4jRecurrentKind;
import io.modelaudit.ir.layers.dl4j.Dl4jRecurrentKind.Cell;
import io.modelaudit.ir.layers.dl4j.Dl4jSpatialKind;
import io.modelaudit.ir.layers.dl4j.Dl4jSubsamplingKind;
import io.modelaudit.ir.layers.dl4j.Dl4jVariationalAutoencoderKind;
import io.modelaudit.ir.layers.dl4j.Dl4jWeightlessKind;
import io.modelaudit.ir.layers.FrozenKind;
import io.modelaudit.ir.layers.IdentityKind;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * DL4J layer classes → layer kinds, one line per class (simple class name; legacy registered
 * names are mapped to it by {@link Dl4jTyped}). Each binding also says which activation its input
 * is (feed-forward, recurrent, 2D or 3D convolutional), so that a network input without a recorded
 * input type gets the right rank.
 */
final class Dl4jLayerBindings {
  /** Input ranks: [mb, n], [mb, n, T], [mb, c, h, w], [mb, c, d, h, w]. */
  static final int FF = 2, RNN = 3, CNN = 4, CNN3D = 5, ANY = 0;

  private record Binding(int inputRank, Function<Dl4jArgs, LayerKind> factory) {}

  private static final Map<String, Binding> BINDINGS = new HashMap<>();

  private static void register(int inputRank, Function<Dl4jArgs, LayerKind> factory, String... names) {
    for (String n : names) {
      BINDINGS.put(n, new Binding(inputRank, factory));
    }
  }

  static {
    register(FF, a -> Dl4jDenseKind.dense(a.size("nin"), a.size("nout"), a.getBool("hasBias", true), a.getBool("hasLayerNorm", false), false),
        "DenseLayer");
    register(FF, a -> Dl4jDenseKind.dense(a.size("nin"), a.size("nout"), a.getBool("hasBias", true), false), "OutputLayer");
    register(RNN, a -> Dl4jDenseKind.dense(a.size("nin"), a.size("nout"), a.getBool("hasBias", true), a.channelsLast()), "RnnOutputLayer");
    register(FF, a -> Dl4jDenseKind.centerLoss(a.size("nin"), a.size("nout"), a.getBool("hasBias", true)), "CenterLossOutputLayer");
    register(FF, a -> Dl4jDenseKind.autoEncoder(a.size("nin"), a.size("nout")), "AutoEncoder", "RBM");
    register(FF, a -> Dl4jDenseKind.elementWise(a.size("nin"), a.size("nout")), "ElementWiseMultiplicationLayer");
    register(FF, a -> new Dl4jEmbeddingKind(a.size("nin"), a.size("nout"), a.getBool("hasBias", true), false, 0), "EmbeddingLayer");
    register(FF, a -> new Dl4jEmbeddingKind(a.size("nin"), a.size("nout"), a.getBool("hasBias", true), true,
        a.getLong("inputLength", 0)), "EmbeddingSequenceLayer");
    register(FF, Dl4jLayerBindings::variationalAutoencoder, "VariationalAutoencoder");
    register(CNN, a -> conv(a, Variant.STANDARD, 2), "ConvolutionLayer", "Convolution2D");
    register(RNN, a -> conv(a, Variant.STANDARD, 1), "Convolution1DLayer", "Convolution1D");
    register(CNN3D, a -> conv(a, Variant.STANDARD, 3), "Convolution3D");
    register(CNN, a -> conv(a, Variant.DECONVOLUTION, 2), "Deconvolution2D");
    register(CNN3D, a -> conv(a, Variant.DECONVOLUTION, 3), "Deconvolution3D");
    register(CNN, a -> conv(a, Variant.SEPARABLE, 2), "SeparableConvolution2D");
    register(CNN, a -> conv(a, Variant.DEPTHWISE, 2), "DepthwiseConvolution2D");
    register(CNN, a -> pool(a, 2), "SubsamplingLayer", "Pooling2D");
    register(RNN, a -> pool(a, 1), "Subsampling1DLayer", "Pooling1D");
    register(CNN3D, a -> pool(a, 3), "Subsampling3DLayer");
    register(RNN, a -> Dl4jSpatialKind.upsampling(a.tuple("size", 1, null), a.channelsLast()), "Upsampling1D");
    register(CNN, a -> Dl4jSpatialKind.upsampling(a.tuple("size", 2, null), a.channelsLast()), "Upsampling2D");
    register(CNN3D, a -> Dl4jSpatialKind.upsampling(a.tuple("size", 3, null), a.channelsLast()), "Upsampling3D");
    register(RNN, a -> Dl4jSpatialKind.zeroPadding(a.tuple("padding", 2, null), a.channelsLast()), "ZeroPadding1DLayer");
    register(CNN, a -> Dl4jSpatialKind.zeroPadding(a.tuple("padding", 4, null), a.channelsLast()), "ZeroPaddingLayer");
    register(CNN3D, a -> Dl4jSpatialKind.zeroPadding(a.tuple("padding", 6, null), a.channelsLast()), "ZeroPadding3DLayer");
    register(RNN, a -> Dl4jSpatialKind.cropping(a.tuple("cropping", 2, null), a.channelsLast()), "Cropping1D");
    register(CNN, a -> Dl4jSpatialKind.cropping(a.tuple("cropping", 4, null), a.channelsLast()), "Cropping2D");
    register(CNN3D, a -> Dl4jSpatialKind.cropping(a.tuple("cropping", 6, null), a.channelsLast()), "Cropping3D");
    register(CNN, a -> Dl4jSpatialKind.spaceToDepth(a.requireLong("blockSize"), a.channelsLast()), "SpaceToDepthLayer");
    register(CNN, a -> Dl4jSpatialKind.spaceToBatch(a.tuple("blocks", 2, null), a.flatInts("padding"), a.channelsLast()), "SpaceToBatchLayer");
    register(ANY, a -> new Dl4jBatchNormKind(a.size("nout"), a.getBool("lockGammaBeta", false), a.getBool("useLogStd", false),
        a.channelsLast()), "BatchNormalization");
    register(CNN, a -> new Dl4jWeightlessKind(IdentityKind.INSTANCE), "LocalResponseNormalization");
    register(ANY, a -> new Dl4jWeightlessKind(IdentityKind.INSTANCE), "ActivationLayer", "DropoutLayer", "MaskLayer", "Yolo2OutputLayer");
    register(FF, a -> new Dl4jChannelCheckKind(a.getLong("nin", 0), false), "LossLayer");
    register(RNN, a -> new Dl4jChannelCheckKind(a.getLong("nin", 0), a.channelsLast()), "RnnLossLayer");
    register(CNN, a -> new Dl4jChannelCheckKind(a.getLong("nin", 0), a.channelsLast()), "CnnLossLayer");
    register(CNN3D, a -> new Dl4jChannelCheckKind(a.getLong("nin", 0), a.channelsLast()), "Cnn3DLossLayer");
    register(ANY, a -> new Dl4jGlobalPoolingKind(a.get("poolingDimensions") == null ? null
        : java.util.Arrays.stream(a.flatInts("poolingDimensions")).mapToInt(Math::toIntExact).toArray(),
        a.getBool("collapseDimensions", true)), "GlobalPoolingLayer");
    register(ANY, a -> new Dl4jPReLUKind(a.flatInts("inputShape"), a.get("sharedAxes") == null ? new long[0] : a.flatInts("sharedAxes")),
        "PReLULayer");
    register(RNN, a -> new Dl4jRecurrentKind(Cell.LSTM, a.size("nin"), a.size("nout"), false, a.channelsLast()), "LSTM");
    register(RNN, a -> new Dl4jRecurrentKind(Cell.GRAVES_LSTM, a.size("nin"), a.size("nout"), false, a.channelsLast()), "GravesLSTM");
    register(RNN, a -> new Dl4jRecurrentKind(Cell.GRAVES_BIDIRECTIONAL_LSTM, a.size("nin"), a.size("nout"), false, a.channelsLast()),
        "GravesBidirectionalLSTM");
    register(RNN, a -> new Dl4jRecurrentKind(Cell.SIMPLE_RNN, a.size("nin"), a.size("nout"), a.getBool("hasLayerNorm", false),
        a.channelsLast()), "SimpleRnn");
    register(RNN, a -> new Dl4jBidirectionalKind(inner(a, "fwd"), a.getString("mode", "CONCAT"), innerArgs(a, "fwd").channelsLast()),
        "Bidirectional");
    register(RNN, a -> new Dl4jLastTimeStepKind(inner(a, "underlying"), innerArgs(a, "underlying").channelsLast()), "LastTimeStep");
    register(RNN, a -> inner(a, "underlying"), "MaskZeroLayer", "TimeDistributed");
    register(ANY, a -> new FrozenKind(inner(a, "layer")), "FrozenLayer");
    register(ANY, a -> new FrozenKind(inner(a, "underlying")), "FrozenLayerWithBackprop");
  }

  private Dl4jLayerBindings() {}

  /** The kind for a layer configuration, or null when no rule exists for its class. */
  static LayerKind kindFor(Dl4jTyped layer) {
    Binding b = BINDINGS.get(layer.name());
    return b == null ? null : b.factory().apply(new Dl4jArgs(layer));
  }

  /** The rank of the activation the layer takes (see {@link #FF} …), or {@link #ANY}. */
  static int inputRank(Dl4jTyped layer) {
    Binding b = BINDINGS.get(layer.name());
    if (b == null) {
      return ANY;
    }
    if (b.inputRank() == ANY && WRAPPED.containsKey(layer.name())) {
      Dl4jTyped inner = Dl4jTyped.of(layer.fields().get(WRAPPED.get(layer.name())), "wrapped layer");
      return inner == null ? ANY : inputRank(inner);
    }
    return b.inputRank();
  }

  /** The configured nIn a network input feeding this layer must have, or 0 when not recorded. */
  static long nIn(Dl4jTyped layer) {
    if (WRAPPED.containsKey(layer.name())) {
      Dl4jTyped inner = Dl4jTyped.of(layer.fields().get(WRAPPED.get(layer.name())), "wrapped layer");
      return inner == null ? 0 : nIn(inner);
    }
    com.fasterxml.jackson.databind.JsonNode n = layer.fields().get(layer.name().equals("BatchNormalization") ? "nout" : "nin");
    return n != null && n.isIntegralNumber() && n.asLong() > 0 ? n.asLong() : 0;
  }

  private static final Map<String, String> WRAPPED = Map.of("Bidirectional", "fwd", "LastTimeStep", "underlying",
      "MaskZeroLayer", "underlying", "TimeDistributed", "underlying", "FrozenLayer", "layer", "FrozenLayerWithBackprop", "underlying");

  private static Dl4jArgs innerArgs(Dl4jArgs a, String field) {
    Dl4jTyped t = Dl4jTyped.of(a.get(field), "'" + field + "'");
    if (t == null) {
      throw new Dl4jConfigException("missing '" + field + "'");
    }
    return new Dl4jArgs(t);
  }

  private static LayerKind inner(Dl4jArgs a, String field) {
    Dl4jTyped t = Dl4jTyped.of(a.get(field), "'" + field + "'");
    if (t == null) {
      throw new Dl4jConfigException("missing '" + field + "'");
    }
    LayerKind k = kindFor(t);
    if (k == null) {
      throw new UnsupportedInnerException(t.name());
    }
    return k;
  }

  /** A wrapper around a layer class without a rule: the wrapper is unsupported too. */
  static final class UnsupportedInnerException extends RuntimeException {
    UnsupportedInnerException(String innerClass) {
      super("wraps " + innerClass + ", which has no rule");
    }
  }

  private static LayerKind conv(Dl4jArgs a, Variant variant, int spatial) {
    long nIn = a.size("nin");
    long depthMultiplier = a.getLong("depthMultiplier", 1);
    long nOut = variant == Variant.DEPTHWISE && a.getLong("nout", 0) == 0 ? Math.multiplyExact(nIn, depthMultiplier) : a.size("nout");
    try {
      return new Dl4jConvKind(variant, nIn, nOut, depthMultiplier, a.tuple("kernelSize", spatial, null), a.tuple("stride", spatial, 1L),
          a.tuple("padding", spatial, 0L), a.tuple("dilation", spatial, 1L), a.convolutionMode(), a.getBool("hasBias", true),
          a.channelsLast());
    } catch (IllegalArgumentException e) {
      throw new Dl4jConfigException(e.getMessage());
    }
  }

  private static LayerKind pool(Dl4jArgs a, int spatial) {
    try {
      return new Dl4jSubsamplingKind(a.tuple("kernelSize", spatial, null), a.tuple("stride", spatial, 1L), a.tuple("padding", spatial, 0L),
          a.tuple("dilation", spatial, 1L), a.convolutionMode(), a.channelsLast());
    } catch (IllegalArgumentException e) {
      throw new Dl4jConfigException(e.getMessage());
    }
  }

  private static LayerKind variationalAutoencoder(Dl4jArgs a) {
    long nIn = a.size("nin");
    Dl4jTyped dist = Dl4jTyped.of(a.get("outputDistribution"), "'outputDistribution'");
    String d = dist == null ? "Gaussian" : dist.name();
    long perFeature;
    if (d.toLowerCase().contains("gaussian")) {
      perFeature = 2;
    } else if (d.toLowerCase().contains("bernoulli") || d.toLowerCase().contains("exponential") || d.toLowerCase().contains("lossfunction")) {
      perFeature = 1;
    } else {
      throw new Dl4jConfigException("reconstruction distribution " + d + " has no rule");
    }
    try {
      return new Dl4jVariationalAutoencoderKind(nIn, a.size("nout"), a.flatInts("encoderLayerSizes"), a.flatInts("decoderLayerSizes"),
          Math.multiplyExact(perFeature, nIn));
    } catch (IllegalArgumentException e) {
      throw new Dl4jConfigException(e.getMessage());
    }
  }
}
