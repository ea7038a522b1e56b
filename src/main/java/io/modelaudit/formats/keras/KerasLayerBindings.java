package io.modelaudit.formats.keras;

import com.fasterxml.jackson.databind.JsonNode;
import io.modelaudit.formats.BindingResult;
import io.modelaudit.ir.DimensionOverflowException;
import io.modelaudit.ir.InvalidConfigException;
import io.modelaudit.ir.LayerKind;
import io.modelaudit.ir.layers.AttentionKind;
import io.modelaudit.ir.layers.BatchNormKind;
import io.modelaudit.ir.layers.BidirectionalKind;
import io.modelaudit.ir.layers.ConcatenateKind;
import io.modelaudit.ir.layers.ConvKind;
import io.modelaudit.ir.layers.ConvLstmKind;
import io.modelaudit.ir.layers.DenseKind;
import io.modelaudit.ir.layers.DepthwiseConvKind;
import io.modelaudit.ir.layers.DotKind;
import io.modelaudit.ir.layers.EinsumDenseKind;
import io.modelaudit.ir.layers.ElementwiseMergeKind;
import io.modelaudit.ir.layers.EmbeddingKind;
import io.modelaudit.ir.layers.FlattenKind;
import io.modelaudit.ir.layers.FrozenKind;
import io.modelaudit.ir.layers.GlobalPoolingKind;
import io.modelaudit.ir.layers.GroupNormKind;
import io.modelaudit.ir.layers.HighwayKind;
import io.modelaudit.ir.layers.IdentityKind;
import io.modelaudit.ir.layers.LayerNormKind;
import io.modelaudit.ir.layers.LayerScaleKind;
import io.modelaudit.ir.layers.LocallyConnectedKind;
import io.modelaudit.ir.layers.MaxoutDenseKind;
import io.modelaudit.ir.layers.MultiHeadAttentionKind;
import io.modelaudit.ir.layers.NormalizationKind;
import io.modelaudit.ir.layers.PReLUKind;
import io.modelaudit.ir.layers.PermuteKind;
import io.modelaudit.ir.layers.PoolingKind;
import io.modelaudit.ir.layers.RecurrentKind;
import io.modelaudit.ir.layers.RecurrentKind.Cell;
import io.modelaudit.ir.layers.RepeatVectorKind;
import io.modelaudit.ir.layers.ReshapeKind;
import io.modelaudit.ir.layers.ResizeKind;
import io.modelaudit.ir.layers.SeparableConvKind;
import io.modelaudit.ir.layers.SpatialPaddingKind;
import io.modelaudit.ir.layers.TimeDistributedKind;
import io.modelaudit.ir.layers.TransposedConvKind;
import io.modelaudit.ir.layers.UpSamplingKind;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Keras class names (1.x, 2.x, tf.keras and 3.x spellings) bound to layer kinds. Adding a layer is
 * one line here plus its kind. Classes not listed are reported as unsupported.
 */
public final class KerasLayerBindings {
  private record Binding(
      Class<? extends LayerKind> kind, Function<KerasArgs, ? extends LayerKind> rule) {}

  private static final Map<String, Binding> BINDINGS = new HashMap<>();

  /**
   * Binds class names to a rule that makes {@code kind}s. A rule throws {@link
   * KerasConfigException} (or, deliberately, IllegalArgumentException / ArithmeticException) for a
   * configuration it cannot read, {@link UnsupportedOptionException} for an option it does not
   * model, and returns null for a configuration that is not the one the rule is for (another
   * library's class of the same name).
   */
  static <K extends LayerKind> void register(
      Class<K> kind, Function<KerasArgs, ? extends K> rule, String... classNames) {
    for (String c : classNames) {
      BINDINGS.put(c, new Binding(kind, rule));
    }
  }

  static {
    register(
        IdentityKind.class,
        a -> IdentityKind.INSTANCE,
        "Activation",
        "Dropout",
        "SpatialDropout1D",
        "SpatialDropout2D",
        "SpatialDropout3D",
        "GaussianNoise",
        "GaussianDropout",
        "AlphaDropout",
        "Masking",
        "LeakyReLU",
        "ELU",
        "ReLU",
        "Softmax",
        "ThresholdedReLU");
    register(
        DenseKind.class,
        a ->
            new DenseKind(
                a.requireLong("units", "output_dim"),
                a.getBool(true, "use_bias", "bias"),
                a.getLong(0, "lora_rank")),
        "Dense");
    register(PReLUKind.class, KerasLayerRules::prelu, "PReLU");
    register(FlattenKind.class, a -> new FlattenKind(), "Flatten");
    register(
        ReshapeKind.class, a -> new ReshapeKind(a.getLongList(false, "target_shape")), "Reshape");
    register(PermuteKind.class, KerasLayerRules::permute, "Permute");
    register(RepeatVectorKind.class, a -> new RepeatVectorKind(a.requireLong("n")), "RepeatVector");
    register(
        ConvKind.class,
        a -> KerasLayerRules.conv(a, 1),
        "Conv1D",
        "Convolution1D",
        "AtrousConvolution1D");
    register(
        ConvKind.class,
        a -> KerasLayerRules.conv(a, 2),
        "Conv2D",
        "Convolution2D",
        "AtrousConvolution2D");
    register(ConvKind.class, a -> KerasLayerRules.conv(a, 3), "Conv3D", "Convolution3D");
    register(
        PoolingKind.class,
        a -> KerasLayerRules.pooling(a, 1),
        "MaxPooling1D",
        "AveragePooling1D",
        "MaxPool1D",
        "AvgPool1D");
    register(
        PoolingKind.class,
        a -> KerasLayerRules.pooling(a, 2),
        "MaxPooling2D",
        "AveragePooling2D",
        "MaxPool2D",
        "AvgPool2D");
    register(
        PoolingKind.class,
        a -> KerasLayerRules.pooling(a, 3),
        "MaxPooling3D",
        "AveragePooling3D",
        "MaxPool3D",
        "AvgPool3D");
    register(
        GlobalPoolingKind.class,
        a -> KerasLayerRules.globalPooling(a, 1),
        "GlobalMaxPooling1D",
        "GlobalAveragePooling1D",
        "GlobalMaxPool1D",
        "GlobalAvgPool1D");
    register(
        GlobalPoolingKind.class,
        a -> KerasLayerRules.globalPooling(a, 2),
        "GlobalMaxPooling2D",
        "GlobalAveragePooling2D",
        "GlobalMaxPool2D",
        "GlobalAvgPool2D");
    register(
        GlobalPoolingKind.class,
        a -> KerasLayerRules.globalPooling(a, 3),
        "GlobalMaxPooling3D",
        "GlobalAveragePooling3D",
        "GlobalMaxPool3D",
        "GlobalAvgPool3D");
    register(
        SpatialPaddingKind.class,
        a ->
            SpatialPaddingKind.zeroPadding(
                KerasLayerRules.amounts(a, 1, "padding"), a.dataFormat()),
        "ZeroPadding1D");
    register(
        SpatialPaddingKind.class,
        a ->
            SpatialPaddingKind.zeroPadding(
                KerasLayerRules.amounts(a, 2, "padding"), a.dataFormat()),
        "ZeroPadding2D");
    register(
        SpatialPaddingKind.class,
        a ->
            SpatialPaddingKind.zeroPadding(
                KerasLayerRules.amounts(a, 3, "padding"), a.dataFormat()),
        "ZeroPadding3D");
    register(
        SpatialPaddingKind.class,
        a -> SpatialPaddingKind.cropping(KerasLayerRules.amounts(a, 1, "cropping"), a.dataFormat()),
        "Cropping1D");
    register(
        SpatialPaddingKind.class,
        a -> SpatialPaddingKind.cropping(KerasLayerRules.amounts(a, 2, "cropping"), a.dataFormat()),
        "Cropping2D");
    register(
        SpatialPaddingKind.class,
        a -> SpatialPaddingKind.cropping(KerasLayerRules.amounts(a, 3, "cropping"), a.dataFormat()),
        "Cropping3D");
    register(
        UpSamplingKind.class,
        a -> new UpSamplingKind(a.getTuple(1, 2L, "size", "length"), a.dataFormat()),
        "UpSampling1D");
    register(
        UpSamplingKind.class,
        a -> new UpSamplingKind(a.getTuple(2, 2L, "size"), a.dataFormat()),
        "UpSampling2D");
    register(
        UpSamplingKind.class,
        a -> new UpSamplingKind(a.getTuple(3, 2L, "size"), a.dataFormat()),
        "UpSampling3D");
    register(
        BatchNormKind.class,
        KerasLayerRules::batchNorm,
        "BatchNormalization",
        "BatchNormalizationV1",
        "BatchNormalizationV2");
    register(EmbeddingKind.class, KerasLayerRules::embedding, "Embedding");
    register(RecurrentKind.class, a -> KerasLayerRules.recurrent(a, Cell.SIMPLE), "SimpleRNN");
    register(
        RecurrentKind.class,
        a -> KerasLayerRules.recurrent(a, Cell.LSTM),
        "LSTM",
        "LSTMV1",
        "LSTMV2");
    register(
        RecurrentKind.class, a -> KerasLayerRules.recurrent(a, Cell.GRU), "GRU", "GRUV1", "GRUV2");
    register(BidirectionalKind.class, KerasLayerRules::bidirectional, "Bidirectional");
    register(
        TimeDistributedKind.class,
        a ->
            new TimeDistributedKind(inner(a, "layer"))
                .named(innerName(a, "layer"), innerClass(a, "layer")),
        "TimeDistributed");
    register(ElementwiseMergeKind.class, a -> new ElementwiseMergeKind(2, 2), "Subtract");
    register(
        ElementwiseMergeKind.class,
        a -> new ElementwiseMergeKind(1, Integer.MAX_VALUE),
        "Add",
        "Multiply",
        "Average",
        "Maximum",
        "Minimum");
    register(ConcatenateKind.class, a -> new ConcatenateKind(a.getInt(-1, "axis")), "Concatenate");
    register(DotKind.class, KerasLayerRules::dot, "Dot");
    register(LayerKind.class, KerasLayerRules::keras1Merge, "Merge");
    register(
        TransposedConvKind.class,
        a -> KerasLayerRules.transposedConv(a, 1),
        "Conv1DTranspose",
        "Convolution1DTranspose");
    register(
        TransposedConvKind.class,
        a -> KerasLayerRules.transposedConv(a, 2),
        "Conv2DTranspose",
        "Convolution2DTranspose",
        "Deconvolution2D",
        "Deconv2D");
    register(
        TransposedConvKind.class,
        a -> KerasLayerRules.transposedConv(a, 3),
        "Conv3DTranspose",
        "Convolution3DTranspose",
        "Deconvolution3D",
        "Deconv3D");
    register(DepthwiseConvKind.class, a -> KerasLayerRules.depthwiseConv(a, 1), "DepthwiseConv1D");
    register(DepthwiseConvKind.class, a -> KerasLayerRules.depthwiseConv(a, 2), "DepthwiseConv2D");
    register(
        SeparableConvKind.class,
        a -> KerasLayerRules.separableConv(a, 1),
        "SeparableConv1D",
        "SeparableConvolution1D");
    register(
        SeparableConvKind.class,
        a -> KerasLayerRules.separableConv(a, 2),
        "SeparableConv2D",
        "SeparableConvolution2D");
    register(
        LocallyConnectedKind.class,
        a -> KerasLayerRules.locallyConnected(a, 1),
        "LocallyConnected1D");
    register(
        LocallyConnectedKind.class,
        a -> KerasLayerRules.locallyConnected(a, 2),
        "LocallyConnected2D");
    register(ConvLstmKind.class, a -> KerasLayerRules.convLstm(a, 1), "ConvLSTM1D");
    register(ConvLstmKind.class, a -> KerasLayerRules.convLstm(a, 2), "ConvLSTM2D");
    register(ConvLstmKind.class, a -> KerasLayerRules.convLstm(a, 3), "ConvLSTM3D");
    register(
        MultiHeadAttentionKind.class, KerasLayerRules::multiHeadAttention, "MultiHeadAttention");
    register(
        AttentionKind.class,
        a ->
            AttentionKind.dot(
                a.getBool(false, "use_scale"),
                "concat".equals(a.getString("dot", "score_mode")),
                KerasLayerRules.returnsScores(a)),
        "Attention");
    register(
        AttentionKind.class,
        a -> AttentionKind.additive(a.getBool(true, "use_scale"), KerasLayerRules.returnsScores(a)),
        "AdditiveAttention");
    register(EinsumDenseKind.class, KerasLayerRules::einsumDense, "EinsumDense");
    register(
        LayerNormKind.class,
        a ->
            new LayerNormKind(
                a.has("axis") ? a.getIntOrList("axis") : List.of(-1),
                a.getBool(true, "center"),
                a.getBool(true, "scale"),
                a.getBool(false, "rms_scaling")),
        "LayerNormalization");
    register(
        GroupNormKind.class,
        a ->
            new GroupNormKind(
                a.getLong(32, "groups"),
                a.getInt(-1, "axis"),
                a.getBool(true, "center"),
                a.getBool(true, "scale")),
        "GroupNormalization");
    register(
        IdentityKind.class,
        a -> IdentityKind.INSTANCE,
        "Identity",
        "UnitNormalization",
        "Rescaling");
    register(NormalizationKind.class, KerasLayerRules::normalization, "Normalization");
    // Keras Applications' ConvNeXt block (keras.applications.convnext, tf.keras 2.10+ and Keras 3).
    // A
    // custom layer of the same name without projection_dim is someone else's: no rule for it.
    register(
        LayerScaleKind.class,
        a ->
            a.has("projection_dim") && a.has("init_values")
                ? new LayerScaleKind(a.requireLong("projection_dim"))
                : null,
        "LayerScale");
    register(
        IdentityKind.class,
        a -> a.has("drop_path_rate") ? IdentityKind.INSTANCE : null,
        "StochasticDepth");
    register(
        ResizeKind.class,
        a -> new ResizeKind(a.requireLong("height"), a.requireLong("width"), a.dataFormat()),
        "Resizing",
        "CenterCrop");
    register(
        RecurrentKind.class,
        a ->
            RecurrentKind.cudnn(
                Cell.LSTM,
                a.requireLong("units"),
                a.getBool(false, "return_sequences"),
                a.getBool(false, "return_state")),
        "CuDNNLSTM");
    register(
        RecurrentKind.class,
        a ->
            RecurrentKind.cudnn(
                Cell.GRU,
                a.requireLong("units"),
                a.getBool(false, "return_sequences"),
                a.getBool(false, "return_state")),
        "CuDNNGRU");
    register(
        DenseKind.class,
        a -> new DenseKind(a.requireLong("output_dim"), a.getBool(true, "bias")),
        "TimeDistributedDense");
    register(
        MaxoutDenseKind.class,
        a ->
            new MaxoutDenseKind(
                a.requireLong("output_dim"), a.getLong(4, "nb_feature"), a.getBool(true, "bias")),
        "MaxoutDense");
    register(HighwayKind.class, a -> new HighwayKind(a.getBool(true, "bias")), "Highway");
    KerasCoreBindings.registerAll();
    KerasPreprocessingBindings.registerAll();
    KerasHubBindings.registerAll();
    KerasOpaqueBindings.registerAll();
  }

  private KerasLayerBindings() {}

  /** Removes class names again (for a test that binds a class of its own). */
  static void unregister(String... names) {
    for (String n : names) {
      BINDINGS.remove(n);
    }
  }

  /**
   * Every registered class name and the kind its rule makes, sorted by name (for the generated
   * docs).
   */
  public static SortedMap<String, Class<? extends LayerKind>> kinds() {
    SortedMap<String, Class<? extends LayerKind>> out = new TreeMap<>();
    BINDINGS.forEach((name, b) -> out.put(name, b.kind()));
    return Collections.unmodifiableSortedMap(out);
  }

  /**
   * The layer a class and its configuration make: bound, unsupported (no rule, or an option the
   * rule does not model) or invalid (a configuration the rule cannot read). A bug in a rule
   * propagates.
   */
  static BindingResult resolve(String className, JsonNode config, KerasCallFacts calls) {
    LayerKind kind;
    try {
      kind = kind(className, config, calls);
    } catch (UnsupportedOptionException e) {
      return new BindingResult.Unsupported(e.getMessage());
    } catch (KerasConfigException | InvalidConfigException e) {
      return new BindingResult.Invalid("cannot read its configuration: " + e.getMessage());
    } catch (DimensionOverflowException e) {
      return new BindingResult.Invalid("cannot read its configuration: " + e);
    }
    return kind == null
        ? new BindingResult.Unsupported("no rule for Keras class " + className)
        : new BindingResult.Bound(kind);
  }

  /**
   * The kind for a class, or null when the class (or this configuration of it) has no rule.
   *
   * @throws KerasConfigException when the configuration cannot be read
   * @throws UnsupportedOptionException when the rule does not model an option the configuration
   *     sets
   */
  static LayerKind bind(String className, JsonNode config) {
    return kind(className, config, KerasCallFacts.NONE);
  }

  private static LayerKind kind(String className, JsonNode config, KerasCallFacts calls) {
    Binding binding = BINDINGS.get(className);
    return binding == null ? null : binding.rule().apply(new KerasArgs(config, calls));
  }

  /** A wrapped layer ({@code {"class_name", "config"}} under {@code key}). */
  /** The name the configuration gives a wrapped layer, or its key when it gives none. */
  static String innerName(KerasArgs a, String key) {
    JsonNode name = a.get(key).path("config").path("name");
    return name.isTextual() ? name.asText() : key;
  }

  /** The class of a wrapped layer, as written. */
  static String innerClass(KerasArgs a, String key) {
    return a.get(key).get("class_name").asText();
  }

  static LayerKind inner(KerasArgs a, String key) {
    JsonNode spec = a.get(key);
    if (spec == null || !spec.has("class_name")) {
      throw new KerasConfigException("missing wrapped layer '" + key + "'");
    }
    String className = spec.get("class_name").asText();
    if (KerasGraphBuilder.isModelSpec(spec)) {
      throw new UnsupportedOptionException(
          "wraps a nested model (" + className + "), which is not supported yet");
    }
    LayerKind kind = bind(className, spec.get("config"));
    if (kind == null) {
      throw new UnsupportedOptionException("wraps " + className + ", which has no rule");
    }
    // A wrapped layer frozen on its own (the wrapper stays trainable) trains none of its weights.
    return spec.path("config").path("trainable").asBoolean(true) ? kind : new FrozenKind(kind);
  }
}
