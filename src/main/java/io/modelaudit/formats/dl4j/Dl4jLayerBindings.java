package io.modelaudit.formats.dl4j;

import com.fasterxml.jackson.databind.JsonNode;
import io.modelaudit.formats.BindingResult;
import io.modelaudit.ir.DimensionOverflowException;
import io.modelaudit.ir.InvalidConfigException;
import io.modelaudit.ir.LayerKind;
import io.modelaudit.ir.Shape;
import io.modelaudit.ir.layers.FrozenKind;
import io.modelaudit.ir.layers.IdentityKind;
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
import io.modelaudit.ir.layers.dl4j.Dl4jPreprocessedKind;
import io.modelaudit.ir.layers.dl4j.Dl4jPreprocessorKind;
import io.modelaudit.ir.layers.dl4j.Dl4jRecurrentKind;
import io.modelaudit.ir.layers.dl4j.Dl4jRecurrentKind.Cell;
import io.modelaudit.ir.layers.dl4j.Dl4jSpatialKind;
import io.modelaudit.ir.layers.dl4j.Dl4jSubsamplingKind;
import io.modelaudit.ir.layers.dl4j.Dl4jTimeDistributedKind;
import io.modelaudit.ir.layers.dl4j.Dl4jVariationalAutoencoderKind;
import io.modelaudit.ir.layers.dl4j.Dl4jWeightlessKind;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * DL4J layer classes → layer kinds, one line per class (simple class name; legacy registered names
 * are mapped to it by {@link Dl4jTyped}). Each line also carries the class's {@link
 * Dl4jLayerTraits}: the activation its input is (feed-forward, recurrent, 2D or 3D convolutional),
 * the field that holds its nIn, the field that holds the layer it wraps, and the network input it
 * implies, so that a network input without a recorded input type gets the right shape.
 */
public final class Dl4jLayerBindings {
  /** Input ranks: [mb, n], [mb, n, T], [mb, c, h, w], [mb, c, d, h, w]; ANY: any rank. */
  public static final int FF = 2, RNN = 3, CNN = 4, CNN3D = 5, ANY = 0;

  /**
   * A registered class as the docs show it: the kind its rule makes (LayerKind: the wrapped
   * layer's) and its traits.
   */
  public record Entry(Class<? extends LayerKind> kind, Dl4jLayerTraits traits) {}

  /** A wrapper's rule: its own configuration, its layer's, and the kind of its layer. */
  interface WrapperRule<K extends LayerKind> {
    K apply(Dl4jArgs wrapper, Dl4jArgs wrapped, LayerKind wrappedKind);
  }

  private record Binding(Entry entry, Function<Dl4jArgs, ? extends LayerKind> rule) {}

  private static final Dl4jLayerTraits UNREGISTERED = Dl4jLayerTraits.takes(ANY);
  private static final Map<String, Binding> BINDINGS = new HashMap<>();
  private static final Map<String, String> LEGACY_NAMES = new HashMap<>();

  /**
   * Binds class names to a rule. A rule throws {@link Dl4jConfigException}, {@code
   * InvalidConfigException} or {@code DimensionOverflowException} for a configuration it cannot
   * read; anything else it throws is a bug.
   */
  static <K extends LayerKind> void register(
      Class<K> kind,
      Dl4jLayerTraits traits,
      Function<Dl4jArgs, ? extends K> rule,
      String... names) {
    for (String n : names) {
      BINDINGS.put(n, new Binding(new Entry(kind, traits), rule));
    }
    traits.legacyNames().forEach(key -> LEGACY_NAMES.put(key, names[0]));
  }

  /** Binds a wrapper: its rule gets the layer under {@code traits.wrappedField()} already bound. */
  static <K extends LayerKind> void register(
      Class<K> kind, Dl4jLayerTraits traits, WrapperRule<K> rule, String... names) {
    register(
        kind,
        traits,
        a -> {
          Dl4jArgs wrapped = wrapped(a, traits.wrappedField());
          return rule.apply(a, wrapped, wrappedKind(wrapped));
        },
        names);
  }

  static {
    register(
        Dl4jDenseKind.class,
        Dl4jLayerTraits.takes(FF).legacy("dense"),
        a ->
            Dl4jDenseKind.dense(
                a.size("nin"),
                a.size("nout"),
                a.getBool("hasBias", true),
                a.getBool("hasLayerNorm", false),
                false),
        "DenseLayer");
    register(
        Dl4jDenseKind.class,
        Dl4jLayerTraits.takes(FF).legacy("output"),
        a -> Dl4jDenseKind.dense(a.size("nin"), a.size("nout"), a.getBool("hasBias", true), false),
        "OutputLayer");
    register(
        Dl4jDenseKind.class,
        Dl4jLayerTraits.takes(RNN).legacy("rnnoutput"),
        a ->
            Dl4jDenseKind.dense(
                a.size("nin"), a.size("nout"), a.getBool("hasBias", true), a.channelsLast()),
        "RnnOutputLayer");
    register(
        Dl4jDenseKind.class,
        Dl4jLayerTraits.takes(FF),
        a -> Dl4jDenseKind.centerLoss(a.size("nin"), a.size("nout"), a.getBool("hasBias", true)),
        "CenterLossOutputLayer");
    register(
        Dl4jDenseKind.class,
        Dl4jLayerTraits.takes(FF).legacy("autoEncoder"),
        a -> Dl4jDenseKind.autoEncoder(a.size("nin"), a.size("nout")),
        "AutoEncoder",
        "RBM");
    register(
        Dl4jDenseKind.class,
        Dl4jLayerTraits.takes(FF).legacy("ElementWiseMult"),
        a -> Dl4jDenseKind.elementWise(a.size("nin"), a.size("nout")),
        "ElementWiseMultiplicationLayer");
    // An EmbeddingLayer takes one index per example; an EmbeddingSequenceLayer a sequence of them.
    register(
        Dl4jEmbeddingKind.class,
        Dl4jLayerTraits.takes(FF).legacy("embedding").networkInput(Shape.of(null, 1L)),
        a ->
            new Dl4jEmbeddingKind(
                a.size("nin"), a.size("nout"), a.getBool("hasBias", true), false, 0),
        "EmbeddingLayer");
    register(
        Dl4jEmbeddingKind.class,
        Dl4jLayerTraits.takes(FF).networkInput(Shape.of(null, null)),
        a ->
            new Dl4jEmbeddingKind(
                a.size("nin"),
                a.size("nout"),
                a.getBool("hasBias", true),
                true,
                a.getLong("inputLength", 0)),
        "EmbeddingSequenceLayer");
    register(
        Dl4jVariationalAutoencoderKind.class,
        Dl4jLayerTraits.takes(FF),
        Dl4jLayerRules::variationalAutoencoder,
        "VariationalAutoencoder");
    register(
        Dl4jConvKind.class,
        Dl4jLayerTraits.takes(CNN).legacy("convolution"),
        a -> Dl4jLayerRules.conv(a, Variant.STANDARD, 2),
        "ConvolutionLayer",
        "Convolution2D");
    register(
        Dl4jConvKind.class,
        Dl4jLayerTraits.takes(RNN).legacy("convolution1d"),
        a -> Dl4jLayerRules.conv(a, Variant.STANDARD, 1),
        "Convolution1DLayer",
        "Convolution1D");
    register(
        Dl4jConvKind.class,
        Dl4jLayerTraits.takes(CNN3D),
        a -> Dl4jLayerRules.conv(a, Variant.STANDARD, 3),
        "Convolution3D");
    register(
        Dl4jConvKind.class,
        Dl4jLayerTraits.takes(CNN),
        a -> Dl4jLayerRules.conv(a, Variant.DECONVOLUTION, 2),
        "Deconvolution2D");
    register(
        Dl4jConvKind.class,
        Dl4jLayerTraits.takes(CNN3D),
        a -> Dl4jLayerRules.conv(a, Variant.DECONVOLUTION, 3),
        "Deconvolution3D");
    register(
        Dl4jConvKind.class,
        Dl4jLayerTraits.takes(CNN),
        a -> Dl4jLayerRules.conv(a, Variant.SEPARABLE, 2),
        "SeparableConvolution2D");
    register(
        Dl4jConvKind.class,
        Dl4jLayerTraits.takes(CNN),
        a -> Dl4jLayerRules.conv(a, Variant.DEPTHWISE, 2),
        "DepthwiseConvolution2D");
    register(
        Dl4jSubsamplingKind.class,
        Dl4jLayerTraits.takes(CNN).legacy("subsampling"),
        a -> Dl4jLayerRules.pool(a, 2),
        "SubsamplingLayer",
        "Pooling2D");
    register(
        Dl4jSubsamplingKind.class,
        Dl4jLayerTraits.takes(RNN).legacy("subsampling1d"),
        a -> Dl4jLayerRules.pool(a, 1),
        "Subsampling1DLayer",
        "Pooling1D");
    register(
        Dl4jSubsamplingKind.class,
        Dl4jLayerTraits.takes(CNN3D),
        a -> Dl4jLayerRules.pool(a, 3),
        "Subsampling3DLayer");
    register(
        Dl4jSpatialKind.class,
        Dl4jLayerTraits.takes(RNN),
        a -> Dl4jSpatialKind.upsampling(a.tuple("size", 1, null), a.channelsLast()),
        "Upsampling1D");
    register(
        Dl4jSpatialKind.class,
        Dl4jLayerTraits.takes(CNN),
        a -> Dl4jSpatialKind.upsampling(a.tuple("size", 2, null), a.channelsLast()),
        "Upsampling2D");
    register(
        Dl4jSpatialKind.class,
        Dl4jLayerTraits.takes(CNN3D),
        a -> Dl4jSpatialKind.upsampling(a.tuple("size", 3, null), a.channelsLast()),
        "Upsampling3D");
    register(
        Dl4jSpatialKind.class,
        Dl4jLayerTraits.takes(RNN).legacy("zeroPadding1d"),
        a -> Dl4jSpatialKind.zeroPadding(a.tuple("padding", 2, null), a.channelsLast()),
        "ZeroPadding1DLayer");
    register(
        Dl4jSpatialKind.class,
        Dl4jLayerTraits.takes(CNN).legacy("zeroPadding"),
        a -> Dl4jSpatialKind.zeroPadding(a.tuple("padding", 4, null), a.channelsLast()),
        "ZeroPaddingLayer");
    register(
        Dl4jSpatialKind.class,
        Dl4jLayerTraits.takes(CNN3D),
        a -> Dl4jSpatialKind.zeroPadding(a.tuple("padding", 6, null), a.channelsLast()),
        "ZeroPadding3DLayer");
    register(
        Dl4jSpatialKind.class,
        Dl4jLayerTraits.takes(RNN),
        a -> Dl4jSpatialKind.cropping(a.tuple("cropping", 2, null), a.channelsLast()),
        "Cropping1D");
    register(
        Dl4jSpatialKind.class,
        Dl4jLayerTraits.takes(CNN),
        a -> Dl4jSpatialKind.cropping(a.tuple("cropping", 4, null), a.channelsLast()),
        "Cropping2D");
    register(
        Dl4jSpatialKind.class,
        Dl4jLayerTraits.takes(CNN3D),
        a -> Dl4jSpatialKind.cropping(a.tuple("cropping", 6, null), a.channelsLast()),
        "Cropping3D");
    register(
        Dl4jSpatialKind.class,
        Dl4jLayerTraits.takes(CNN),
        a -> Dl4jSpatialKind.spaceToDepth(a.requireLong("blockSize"), a.channelsLast()),
        "SpaceToDepthLayer");
    register(
        Dl4jSpatialKind.class,
        Dl4jLayerTraits.takes(CNN),
        a ->
            Dl4jSpatialKind.spaceToBatch(
                a.tuple("blocks", 2, null), a.flatInts("padding"), a.channelsLast()),
        "SpaceToBatchLayer");
    register(
        Dl4jBatchNormKind.class,
        Dl4jLayerTraits.takes(ANY).legacy("batchNormalization").nIn("nout"),
        a ->
            new Dl4jBatchNormKind(
                a.size("nout"),
                a.getBool("lockGammaBeta", false),
                a.getBool("useLogStd", false),
                a.channelsLast()),
        "BatchNormalization");
    register(
        Dl4jWeightlessKind.class,
        Dl4jLayerTraits.takes(CNN).legacy("localResponseNormalization"),
        a -> new Dl4jWeightlessKind(IdentityKind.INSTANCE),
        "LocalResponseNormalization");
    register(
        Dl4jWeightlessKind.class,
        Dl4jLayerTraits.takes(ANY).legacy("activation"),
        a -> new Dl4jWeightlessKind(IdentityKind.INSTANCE),
        "ActivationLayer");
    register(
        Dl4jWeightlessKind.class,
        Dl4jLayerTraits.takes(ANY).legacy("dropout"),
        a -> new Dl4jWeightlessKind(IdentityKind.INSTANCE),
        "DropoutLayer");
    register(
        Dl4jWeightlessKind.class,
        Dl4jLayerTraits.takes(ANY),
        a -> new Dl4jWeightlessKind(IdentityKind.INSTANCE),
        "MaskLayer",
        "Yolo2OutputLayer");
    register(
        Dl4jChannelCheckKind.class,
        Dl4jLayerTraits.takes(FF).legacy("loss"),
        a -> new Dl4jChannelCheckKind(a.getLong("nin", 0), false),
        "LossLayer");
    register(
        Dl4jChannelCheckKind.class,
        Dl4jLayerTraits.takes(RNN),
        a -> new Dl4jChannelCheckKind(a.getLong("nin", 0), a.channelsLast()),
        "RnnLossLayer");
    register(
        Dl4jChannelCheckKind.class,
        Dl4jLayerTraits.takes(CNN),
        a -> new Dl4jChannelCheckKind(a.getLong("nin", 0), a.channelsLast()),
        "CnnLossLayer");
    register(
        Dl4jChannelCheckKind.class,
        Dl4jLayerTraits.takes(CNN3D),
        a -> new Dl4jChannelCheckKind(a.getLong("nin", 0), a.channelsLast()),
        "Cnn3DLossLayer");
    register(
        Dl4jGlobalPoolingKind.class,
        Dl4jLayerTraits.takes(ANY).legacy("GlobalPooling").changingRank(),
        a ->
            new Dl4jGlobalPoolingKind(
                a.get("poolingDimensions") == null
                    ? null
                    : java.util.Arrays.stream(a.flatInts("poolingDimensions"))
                        .mapToInt(Math::toIntExact)
                        .toArray(),
                a.getBool("collapseDimensions", true)),
        "GlobalPoolingLayer");
    register(
        Dl4jPReLUKind.class,
        Dl4jLayerTraits.takes(ANY),
        a ->
            new Dl4jPReLUKind(
                a.flatInts("inputShape"),
                a.get("sharedAxes") == null ? new long[0] : a.flatInts("sharedAxes")),
        "PReLULayer");
    register(
        Dl4jRecurrentKind.class,
        Dl4jLayerTraits.takes(RNN),
        a ->
            new Dl4jRecurrentKind(
                Cell.LSTM, a.size("nin"), a.size("nout"), false, a.channelsLast()),
        "LSTM");
    register(
        Dl4jRecurrentKind.class,
        Dl4jLayerTraits.takes(RNN).legacy("gravesLSTM"),
        a ->
            new Dl4jRecurrentKind(
                Cell.GRAVES_LSTM, a.size("nin"), a.size("nout"), false, a.channelsLast()),
        "GravesLSTM");
    register(
        Dl4jRecurrentKind.class,
        Dl4jLayerTraits.takes(RNN).legacy("gravesBidirectionalLSTM"),
        a ->
            new Dl4jRecurrentKind(
                Cell.GRAVES_BIDIRECTIONAL_LSTM,
                a.size("nin"),
                a.size("nout"),
                false,
                a.channelsLast()),
        "GravesBidirectionalLSTM");
    register(
        Dl4jRecurrentKind.class,
        Dl4jLayerTraits.takes(RNN),
        a ->
            new Dl4jRecurrentKind(
                Cell.SIMPLE_RNN,
                a.size("nin"),
                a.size("nout"),
                a.getBool("hasLayerNorm", false),
                a.channelsLast()),
        "SimpleRnn");
    register(
        Dl4jBidirectionalKind.class,
        Dl4jLayerTraits.wraps(RNN, "fwd"),
        (a, wrapped, kind) ->
            new Dl4jBidirectionalKind(kind, a.getString("mode", "CONCAT"), wrapped.channelsLast()),
        "Bidirectional");
    register(
        Dl4jLastTimeStepKind.class,
        Dl4jLayerTraits.wraps(RNN, "underlying"),
        (a, wrapped, kind) -> new Dl4jLastTimeStepKind(kind, wrapped.channelsLast()),
        "LastTimeStep");
    register(
        LayerKind.class,
        Dl4jLayerTraits.wraps(RNN, "underlying"),
        (a, wrapped, kind) -> kind,
        "MaskZeroLayer");
    register(
        Dl4jTimeDistributedKind.class,
        Dl4jLayerTraits.wraps(RNN, "underlying"),
        (a, wrapped, kind) -> new Dl4jTimeDistributedKind(kind, a.channelsLast()),
        "TimeDistributed");
    register(
        FrozenKind.class,
        Dl4jLayerTraits.wraps(ANY, "layer"),
        (a, wrapped, kind) -> new FrozenKind(kind),
        "FrozenLayer");
    register(
        FrozenKind.class,
        Dl4jLayerTraits.wraps(ANY, "underlying"),
        (a, wrapped, kind) -> new FrozenKind(kind),
        "FrozenLayerWithBackprop");
    Dl4jMoreLayerBindings.registerAll();
  }

  private Dl4jLayerBindings() {}

  /** Removes class names again (for a test that binds a class of its own). */
  static void unregister(String... names) {
    for (String n : names) {
      BINDINGS.remove(n);
    }
  }

  /**
   * Legacy keys → the class names they stand for (read by {@link Dl4jTyped}, and the generated
   * docs).
   */
  public static Map<String, String> legacyNames() {
    return Collections.unmodifiableMap(LEGACY_NAMES);
  }

  /** Every registered class name and its entry, sorted by name (for the generated docs). */
  public static SortedMap<String, Entry> entries() {
    SortedMap<String, Entry> out = new TreeMap<>();
    BINDINGS.forEach((name, b) -> out.put(name, b.entry()));
    return Collections.unmodifiableSortedMap(out);
  }

  /**
   * The layer a configuration and the preprocessor before it make: bound, unsupported (no rule for
   * the class, or a wrapper around such a class) or invalid. A bug in a rule propagates.
   */
  static BindingResult resolve(Dl4jTyped layer, JsonNode preprocessor) {
    return outcome(
        () -> {
          LayerKind kind = kindFor(layer);
          if (kind == null) {
            return null;
          }
          Dl4jPreprocessorKind pre = Dl4jPreprocessors.read(preprocessor, 0);
          return pre == null ? kind : new Dl4jPreprocessedKind(pre, kind);
        },
        "custom or unknown DL4J layer class " + layer.qualified());
  }

  /**
   * A rule's outcome: its kind, {@code noRule} when it gives none, and invalid for the
   * configuration exceptions rules raise on purpose. Every other exception is a bug and propagates.
   */
  static BindingResult outcome(Supplier<LayerKind> rule, String noRule) {
    try {
      LayerKind kind = rule.get();
      return kind == null ? new BindingResult.Unsupported(noRule) : new BindingResult.Bound(kind);
    } catch (Dl4jConfigException | InvalidConfigException | DimensionOverflowException e) {
      return new BindingResult.Invalid(e.getMessage());
    } catch (UnsupportedInnerException e) {
      return new BindingResult.Unsupported(e.getMessage());
    }
  }

  /**
   * The kind for a layer configuration, or null when no rule exists for its class; throws for a bad
   * configuration.
   */
  static LayerKind kindFor(Dl4jTyped layer) {
    Binding b = BINDINGS.get(layer.name());
    return b == null ? null : b.rule().apply(new Dl4jArgs(layer));
  }

  private static Dl4jLayerTraits traits(Dl4jTyped layer) {
    Binding b = BINDINGS.get(layer.name());
    return b == null ? UNREGISTERED : b.entry().traits();
  }

  /**
   * The rank of the activation the layer takes (see {@link #FF} …), or {@link #ANY}; a wrapper of
   * any rank: its layer's.
   */
  static int inputRank(Dl4jTyped layer) {
    Dl4jLayerTraits t = traits(layer);
    if (t.inputRank() == ANY && t.wrappedField() != null) {
      Dl4jTyped inner = Dl4jTyped.of(layer.fields().get(t.wrappedField()), "wrapped layer");
      return inner == null ? ANY : inputRank(inner);
    }
    return t.inputRank();
  }

  /** The configured nIn a network input feeding this layer must have, or 0 when not recorded. */
  static long nIn(Dl4jTyped layer) {
    Dl4jLayerTraits t = traits(layer);
    if (t.wrappedField() != null) {
      Dl4jTyped inner = Dl4jTyped.of(layer.fields().get(t.wrappedField()), "wrapped layer");
      return inner == null ? 0 : nIn(inner);
    }
    JsonNode n = layer.fields().get(t.nInField());
    return n != null && n.isIntegralNumber() && n.asLong() > 0 ? n.asLong() : 0;
  }

  /**
   * The shape of a network input feeding this layer directly, or null when its rank and nIn give
   * it.
   */
  static Shape networkInput(Dl4jTyped layer) {
    return traits(layer).networkInput();
  }

  /** True for a layer that takes any rank and gives another. */
  static boolean changesRank(Dl4jTyped layer) {
    return traits(layer).changesRank();
  }

  private static Dl4jArgs wrapped(Dl4jArgs a, String field) {
    Dl4jTyped t = Dl4jTyped.of(a.get(field), "'" + field + "'");
    if (t == null) {
      throw new Dl4jConfigException("missing '" + field + "'");
    }
    return new Dl4jArgs(t);
  }

  private static LayerKind wrappedKind(Dl4jArgs wrapped) {
    LayerKind k = kindFor(wrapped.typed());
    if (k == null) {
      throw new UnsupportedInnerException(wrapped.className());
    }
    return k;
  }

  /** A wrapper around a layer class without a rule: the wrapper is unsupported too. */
  static final class UnsupportedInnerException extends RuntimeException {
    UnsupportedInnerException(String innerClass) {
      super("wraps " + innerClass + ", which has no rule");
    }
  }
}
