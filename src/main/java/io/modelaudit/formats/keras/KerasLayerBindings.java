package io.modelaudit.formats.keras;

import com.fasterxml.jackson.databind.JsonNode;
import io.modelaudit.formats.BindingResult;
import io.modelaudit.ir.Checked;
import io.modelaudit.ir.DimensionOverflowException;
import io.modelaudit.ir.InvalidConfigException;
import io.modelaudit.ir.LayerKind;
import io.modelaudit.ir.layers.AttentionKind;
import io.modelaudit.ir.layers.BatchNormKind;
import io.modelaudit.ir.layers.BidirectionalKind;
import io.modelaudit.ir.layers.ConcatenateKind;
import io.modelaudit.ir.layers.ConvKind;
import io.modelaudit.ir.layers.ConvKind.KernelLayout;
import io.modelaudit.ir.layers.ConvLstmKind;
import io.modelaudit.ir.layers.DataFormat;
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
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
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
    register(PReLUKind.class, KerasLayerBindings::prelu, "PReLU");
    register(FlattenKind.class, a -> new FlattenKind(), "Flatten");
    register(
        ReshapeKind.class, a -> new ReshapeKind(a.getLongList(false, "target_shape")), "Reshape");
    register(PermuteKind.class, KerasLayerBindings::permute, "Permute");
    register(RepeatVectorKind.class, a -> new RepeatVectorKind(a.requireLong("n")), "RepeatVector");
    register(ConvKind.class, a -> conv(a, 1), "Conv1D", "Convolution1D", "AtrousConvolution1D");
    register(ConvKind.class, a -> conv(a, 2), "Conv2D", "Convolution2D", "AtrousConvolution2D");
    register(ConvKind.class, a -> conv(a, 3), "Conv3D", "Convolution3D");
    register(
        PoolingKind.class,
        a -> pooling(a, 1),
        "MaxPooling1D",
        "AveragePooling1D",
        "MaxPool1D",
        "AvgPool1D");
    register(
        PoolingKind.class,
        a -> pooling(a, 2),
        "MaxPooling2D",
        "AveragePooling2D",
        "MaxPool2D",
        "AvgPool2D");
    register(
        PoolingKind.class,
        a -> pooling(a, 3),
        "MaxPooling3D",
        "AveragePooling3D",
        "MaxPool3D",
        "AvgPool3D");
    register(
        GlobalPoolingKind.class,
        a -> globalPooling(a, 1),
        "GlobalMaxPooling1D",
        "GlobalAveragePooling1D",
        "GlobalMaxPool1D",
        "GlobalAvgPool1D");
    register(
        GlobalPoolingKind.class,
        a -> globalPooling(a, 2),
        "GlobalMaxPooling2D",
        "GlobalAveragePooling2D",
        "GlobalMaxPool2D",
        "GlobalAvgPool2D");
    register(
        GlobalPoolingKind.class,
        a -> globalPooling(a, 3),
        "GlobalMaxPooling3D",
        "GlobalAveragePooling3D",
        "GlobalMaxPool3D",
        "GlobalAvgPool3D");
    register(
        SpatialPaddingKind.class,
        a -> SpatialPaddingKind.zeroPadding(amounts(a, 1, "padding"), a.dataFormat()),
        "ZeroPadding1D");
    register(
        SpatialPaddingKind.class,
        a -> SpatialPaddingKind.zeroPadding(amounts(a, 2, "padding"), a.dataFormat()),
        "ZeroPadding2D");
    register(
        SpatialPaddingKind.class,
        a -> SpatialPaddingKind.zeroPadding(amounts(a, 3, "padding"), a.dataFormat()),
        "ZeroPadding3D");
    register(
        SpatialPaddingKind.class,
        a -> SpatialPaddingKind.cropping(amounts(a, 1, "cropping"), a.dataFormat()),
        "Cropping1D");
    register(
        SpatialPaddingKind.class,
        a -> SpatialPaddingKind.cropping(amounts(a, 2, "cropping"), a.dataFormat()),
        "Cropping2D");
    register(
        SpatialPaddingKind.class,
        a -> SpatialPaddingKind.cropping(amounts(a, 3, "cropping"), a.dataFormat()),
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
        KerasLayerBindings::batchNorm,
        "BatchNormalization",
        "BatchNormalizationV1",
        "BatchNormalizationV2");
    register(EmbeddingKind.class, KerasLayerBindings::embedding, "Embedding");
    register(RecurrentKind.class, a -> recurrent(a, Cell.SIMPLE), "SimpleRNN");
    register(RecurrentKind.class, a -> recurrent(a, Cell.LSTM), "LSTM", "LSTMV1", "LSTMV2");
    register(RecurrentKind.class, a -> recurrent(a, Cell.GRU), "GRU", "GRUV1", "GRUV2");
    register(BidirectionalKind.class, KerasLayerBindings::bidirectional, "Bidirectional");
    register(
        TimeDistributedKind.class,
        a -> new TimeDistributedKind(inner(a, "layer")),
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
    register(DotKind.class, KerasLayerBindings::dot, "Dot");
    register(LayerKind.class, KerasLayerBindings::keras1Merge, "Merge");
    register(
        TransposedConvKind.class,
        a -> transposedConv(a, 1),
        "Conv1DTranspose",
        "Convolution1DTranspose");
    register(
        TransposedConvKind.class,
        a -> transposedConv(a, 2),
        "Conv2DTranspose",
        "Convolution2DTranspose",
        "Deconvolution2D",
        "Deconv2D");
    register(
        TransposedConvKind.class,
        a -> transposedConv(a, 3),
        "Conv3DTranspose",
        "Convolution3DTranspose",
        "Deconvolution3D",
        "Deconv3D");
    register(DepthwiseConvKind.class, a -> depthwiseConv(a, 1), "DepthwiseConv1D");
    register(DepthwiseConvKind.class, a -> depthwiseConv(a, 2), "DepthwiseConv2D");
    register(
        SeparableConvKind.class,
        a -> separableConv(a, 1),
        "SeparableConv1D",
        "SeparableConvolution1D");
    register(
        SeparableConvKind.class,
        a -> separableConv(a, 2),
        "SeparableConv2D",
        "SeparableConvolution2D");
    register(LocallyConnectedKind.class, a -> locallyConnected(a, 1), "LocallyConnected1D");
    register(LocallyConnectedKind.class, a -> locallyConnected(a, 2), "LocallyConnected2D");
    register(ConvLstmKind.class, a -> convLstm(a, 1), "ConvLSTM1D");
    register(ConvLstmKind.class, a -> convLstm(a, 2), "ConvLSTM2D");
    register(ConvLstmKind.class, a -> convLstm(a, 3), "ConvLSTM3D");
    register(
        MultiHeadAttentionKind.class, KerasLayerBindings::multiHeadAttention, "MultiHeadAttention");
    register(
        AttentionKind.class,
        a ->
            AttentionKind.dot(
                a.getBool(false, "use_scale"),
                "concat".equals(a.getString("dot", "score_mode")),
                returnsScores(a)),
        "Attention");
    register(
        AttentionKind.class,
        a -> AttentionKind.additive(a.getBool(true, "use_scale"), returnsScores(a)),
        "AdditiveAttention");
    register(EinsumDenseKind.class, KerasLayerBindings::einsumDense, "EinsumDense");
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
    register(NormalizationKind.class, KerasLayerBindings::normalization, "Normalization");
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
  private static LayerKind inner(KerasArgs a, String key) {
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

  private static PReLUKind prelu(KerasArgs a) {
    return new PReLUKind(new HashSet<>(a.getIntOrList("shared_axes")));
  }

  private static PermuteKind permute(KerasArgs a) {
    List<Integer> dims = new ArrayList<>();
    for (Long d : a.getLongList(false, "dims")) {
      dims.add(Checked.toInt(d));
    }
    return new PermuteKind(dims);
  }

  private static ConvKind conv(KerasArgs a, int rank) {
    long filters = a.requireLong("filters", "nb_filter");
    long[] kernel;
    long[] strides;
    if (a.has("kernel_size")) {
      kernel = a.getTuple(rank, null, "kernel_size");
      strides = a.getTuple(rank, 1L, "strides");
    } else if (rank == 1) {
      kernel = new long[] {a.requireLong("filter_length")};
      strides = new long[] {a.getLong(1, "subsample_length")};
    } else {
      kernel =
          rank == 2
              ? a.getSeparate("nb_row", "nb_col")
              : a.getSeparate("kernel_dim1", "kernel_dim2", "kernel_dim3");
      strides = a.getTuple(rank, 1L, "subsample");
    }
    long[] dilation = a.getTuple(rank, 1L, "dilation_rate", "atrous_rate");
    KernelLayout layout = KernelLayout.SPATIAL_IN_OUT;
    boolean keras1 = a.has("nb_filter");
    if (keras1 && rank == 1) {
      layout = KernelLayout.KERAS1_CONV1D;
    } else if (keras1 && a.theanoOrdering()) {
      layout = KernelLayout.OUT_IN_SPATIAL;
    }
    DataFormat format = rank == 1 && keras1 ? DataFormat.CHANNELS_LAST : a.dataFormat();
    return new ConvKind(
        filters,
        kernel,
        strides,
        dilation,
        a.padding(),
        format,
        a.getLong(1, "groups"),
        a.getBool(true, "use_bias", "bias"),
        layout,
        a.getLong(0, "lora_rank"));
  }

  private static PoolingKind pooling(KerasArgs a, int rank) {
    long[] pool = a.getTuple(rank, 2L, "pool_size", "pool_length");
    long[] strides =
        a.has("strides", "stride") ? a.getTuple(rank, null, "strides", "stride") : pool;
    DataFormat format =
        rank == 1 && a.has("pool_length") ? DataFormat.CHANNELS_LAST : a.dataFormat();
    return new PoolingKind(pool, strides, a.padding(), format);
  }

  private static GlobalPoolingKind globalPooling(KerasArgs a, int rank) {
    return new GlobalPoolingKind(rank, a.dataFormat(), a.getBool(false, "keepdims"));
  }

  /**
   * Padding or cropping amounts as {before, after} per spatial axis, from any Keras form: an int,
   * one value per axis, one pair per axis, Keras 1's flat (top, bottom, left, right), or Keras 1's
   * dictionary ({@code top_pad, bottom_pad, left_pad, right_pad}).
   */
  static long[][] amounts(KerasArgs a, int rank, String name) {
    JsonNode v = a.get(name);
    long[][] out = new long[rank][2];
    if (v == null) {
      throw new KerasConfigException("missing '" + name + "'");
    }
    if (v.isObject()) {
      String[][] keys =
          rank == 1
              ? new String[][] {{"left_pad", "right_pad"}}
              : new String[][] {{"top_pad", "bottom_pad"}, {"left_pad", "right_pad"}};
      if (keys.length != rank) {
        throw new KerasConfigException(
            "'" + name + "' as a dictionary is only defined in 1D and 2D");
      }
      for (int i = 0; i < rank; i++) {
        for (int j = 0; j < 2; j++) {
          JsonNode x = v.get(keys[i][j]);
          out[i][j] = x == null ? 0 : KerasArgs.asLong(x, name);
        }
      }
      return out;
    }
    if (!v.isArray()) {
      long n = KerasArgs.asLong(v, name);
      for (long[] pair : out) {
        pair[0] = pair[1] = n;
      }
      return out;
    }
    boolean flat = v.size() > 0 && !v.get(0).isArray();
    if (rank == 1 && v.size() == 2 && flat) {
      out[0][0] = KerasArgs.asLong(v.get(0), name);
      out[0][1] = KerasArgs.asLong(v.get(1), name);
      return out;
    }
    if (v.size() == 2 * rank && flat && rank > 1) {
      for (int i = 0; i < rank; i++) {
        out[i][0] = KerasArgs.asLong(v.get(2 * i), name);
        out[i][1] = KerasArgs.asLong(v.get(2 * i + 1), name);
      }
      return out;
    }
    if (v.size() != rank) {
      throw new KerasConfigException(
          "'" + name + "' has " + v.size() + " entries, expected " + rank);
    }
    for (int i = 0; i < rank; i++) {
      JsonNode e = v.get(i);
      if (e.isArray()) {
        if (e.size() != 2) {
          throw new KerasConfigException("'" + name + "' entry " + i + " is not a pair");
        }
        out[i][0] = KerasArgs.asLong(e.get(0), name);
        out[i][1] = KerasArgs.asLong(e.get(1), name);
      } else {
        out[i][0] = out[i][1] = KerasArgs.asLong(e, name);
      }
    }
    return out;
  }

  private static BatchNormKind batchNorm(KerasArgs a) {
    if (a.has("virtual_batch_size")) {
      // tf.keras adds an axis for virtual batches and saves the shifted axes: not modelled.
      throw new UnsupportedOptionException("virtual_batch_size is not supported yet");
    }
    List<Integer> axes = a.has("axis") ? a.getIntOrList("axis") : List.of(-1);
    boolean keras1 = a.has("mode");
    return keras1
        ? new BatchNormKind(axes, true, true, "running_mean", "running_std")
        : new BatchNormKind(
            axes,
            a.getBool(true, "center"),
            a.getBool(true, "scale"),
            "moving_mean",
            "moving_variance",
            a.getBool(false, "renorm"));
  }

  private static EmbeddingKind embedding(KerasArgs a) {
    JsonNode length = a.get("input_length");
    List<Long> inputLength =
        length == null
            ? null
            : length.isArray()
                ? a.getLongList(true, "input_length")
                : List.of(KerasArgs.asLong(length, "input_length"));
    return new EmbeddingKind(
        a.requireLong("input_dim"),
        a.requireLong("output_dim"),
        inputLength,
        a.getLong(0, "lora_rank"));
  }

  private static RecurrentKind recurrent(KerasArgs a, Cell cell) {
    boolean keras1 = a.has("output_dim") && !a.has("units");
    boolean splitGates = keras1 && !"gpu".equals(a.getString("", "consume_less"));
    return new RecurrentKind(
        cell,
        a.requireLong("units", "output_dim"),
        a.getBool(true, "use_bias", "bias"),
        a.getBool(false, "return_sequences"),
        a.getBool(false, "return_state"),
        a.getBool(false, "reset_after"),
        splitGates);
  }

  private static BidirectionalKind bidirectional(KerasArgs a) {
    LayerKind forward = inner(a, "layer");
    LayerKind backward = a.has("backward_layer") ? inner(a, "backward_layer") : forward;
    String mode = a.getString("none", "merge_mode").toUpperCase(Locale.ROOT);
    try {
      return new BidirectionalKind(forward, backward, BidirectionalKind.Merge.valueOf(mode));
    } catch (IllegalArgumentException e) {
      throw new KerasConfigException("unknown merge_mode '" + mode.toLowerCase(Locale.ROOT) + "'");
    }
  }

  /**
   * Keras 1 {@code Merge}: one layer for every merge mode; a Python function as mode has no rule.
   */
  private static LayerKind keras1Merge(KerasArgs a) {
    if (!"raw".equals(a.getString("raw", "mode_type"))) {
      throw new UnsupportedOptionException(
          "merges with a Python function, which is never run or read");
    }
    String mode = a.getString("sum", "mode");
    switch (mode) {
      case "sum":
      case "mul":
      case "ave":
      case "max":
        return new ElementwiseMergeKind(2, Integer.MAX_VALUE);
      case "concat":
        return new ConcatenateKind(a.getInt(-1, "concat_axis"));
      case "dot":
      case "cos":
        List<Integer> axes = a.getIntOrList("dot_axes");
        return axes.size() == 1
            ? new DotKind(axes.get(0), axes.get(0))
            : new DotKind(axes.get(0), axes.get(1));
      default:
        throw new KerasConfigException("unknown merge mode '" + mode + "'");
    }
  }

  private static DotKind dot(KerasArgs a) {
    List<Integer> axes = a.getIntOrList("axes");
    if (axes.size() == 1) {
      return new DotKind(axes.get(0), axes.get(0));
    }
    if (axes.size() != 2) {
      throw new KerasConfigException("'axes' must be one axis or a pair, got " + axes);
    }
    return new DotKind(axes.get(0), axes.get(1));
  }

  private static TransposedConvKind transposedConv(KerasArgs a, int rank) {
    if (a.has("nb_filter")) {
      return keras1Deconvolution(a, rank);
    }
    long[] outputPadding =
        a.has("output_padding") ? a.getTuple(rank, null, "output_padding") : null;
    return new TransposedConvKind(
        a.requireLong("filters"),
        a.getTuple(rank, null, "kernel_size"),
        a.getTuple(rank, 1L, "strides"),
        a.getTuple(rank, 1L, "dilation_rate"),
        a.padding(),
        outputPadding,
        null,
        a.dataFormat(),
        a.getBool(true, "use_bias"),
        TransposedConvKind.KernelLayout.SPATIAL_OUT_IN);
  }

  /** Keras 1 Deconvolution2D: a Convolution2D's weights, and the output shape it was given. */
  private static TransposedConvKind keras1Deconvolution(KerasArgs a, int rank) {
    if (rank != 2) {
      throw new KerasConfigException("Keras 1 transposed convolutions are 2D only");
    }
    List<Long> declared = a.getLongList(true, "output_shape");
    if (declared.size() != 4) {
      throw new KerasConfigException(
          "'output_shape' has " + declared.size() + " entries, expected 4");
    }
    boolean theano = a.theanoOrdering();
    Long[] spatial =
        theano
            ? new Long[] {declared.get(2), declared.get(3)}
            : new Long[] {declared.get(1), declared.get(2)};
    return new TransposedConvKind(
        a.requireLong("nb_filter"),
        a.getSeparate("nb_row", "nb_col"),
        a.getTuple(2, 1L, "subsample"),
        new long[] {1, 1},
        a.padding(),
        null,
        spatial,
        a.dataFormat(),
        a.getBool(true, "bias"),
        theano
            ? TransposedConvKind.KernelLayout.KERAS1_OUT_IN_SPATIAL
            : TransposedConvKind.KernelLayout.KERAS1_SPATIAL_IN_OUT);
  }

  /**
   * True for a configuration written by Keras 3, which serialises the dtype as a {@code
   * DTypePolicy} object (tf.keras's mixed-precision one is a {@code Policy}). Only used to name a
   * weight the way the file does, for messages about a missing one.
   */
  private static boolean keras3(KerasArgs a) {
    JsonNode dtype = a.get("dtype");
    return dtype != null && dtype.path("class_name").asText().endsWith("DTypePolicy");
  }

  private static DepthwiseConvKind depthwiseConv(KerasArgs a, int rank) {
    return new DepthwiseConvKind(
        a.getTuple(rank, null, "kernel_size"),
        a.getTuple(rank, 1L, "strides"),
        a.getTuple(rank, 1L, "dilation_rate"),
        a.padding(),
        a.dataFormat(),
        a.getLong(1, "depth_multiplier"),
        a.getBool(true, "use_bias"),
        keras3(a) ? "kernel" : "depthwise_kernel");
  }

  private static SeparableConvKind separableConv(KerasArgs a, int rank) {
    if (a.has("nb_filter")) {
      if (rank != 2) {
        throw new KerasConfigException("Keras 1 separable convolutions are 2D only");
      }
      return new SeparableConvKind(
          a.requireLong("nb_filter"),
          a.getSeparate("nb_row", "nb_col"),
          a.getTuple(2, 1L, "subsample"),
          new long[] {1, 1},
          a.padding(),
          a.dataFormat(),
          a.getLong(1, "depth_multiplier"),
          a.getBool(true, "bias"),
          a.theanoOrdering()
              ? SeparableConvKind.KernelLayout.OUT_IN_SPATIAL
              : SeparableConvKind.KernelLayout.SPATIAL_IN_OUT);
    }
    return new SeparableConvKind(
        a.requireLong("filters"),
        a.getTuple(rank, null, "kernel_size"),
        a.getTuple(rank, 1L, "strides"),
        a.getTuple(rank, 1L, "dilation_rate"),
        a.padding(),
        a.dataFormat(),
        a.getLong(1, "depth_multiplier"),
        a.getBool(true, "use_bias"),
        SeparableConvKind.KernelLayout.SPATIAL_IN_OUT);
  }

  private static LocallyConnectedKind locallyConnected(KerasArgs a, int rank) {
    if (a.has("nb_filter")) {
      throw new UnsupportedOptionException(
          "Keras 1 locally connected layers are not supported yet");
    }
    // Early Keras 2 releases have no 'implementation': their only layout is implementation 1's.
    return new LocallyConnectedKind(
        a.requireLong("filters"),
        a.getTuple(rank, null, "kernel_size"),
        a.getTuple(rank, 1L, "strides"),
        a.padding(),
        a.dataFormat(),
        a.getBool(true, "use_bias"),
        a.getInt(1, "implementation"));
  }

  private static ConvLstmKind convLstm(KerasArgs a, int rank) {
    if (a.has("nb_filter")) {
      throw new UnsupportedOptionException("Keras 1 ConvLSTM2D is not supported yet");
    }
    return new ConvLstmKind(
        a.requireLong("filters"),
        a.getTuple(rank, null, "kernel_size"),
        a.getTuple(rank, 1L, "strides"),
        a.getTuple(rank, 1L, "dilation_rate"),
        a.padding(),
        a.dataFormat(),
        a.getBool(true, "use_bias"),
        a.getBool(false, "return_sequences"),
        a.getBool(false, "return_state"));
  }

  /**
   * {@code return_attention_scores}: a call argument (tf.keras 2.4+, Keras 3) or, earlier, a
   * setting.
   */
  private static boolean returnsScores(KerasArgs a) {
    return a.calls().returnsAttentionScores() || a.getBool(false, "return_attention_scores");
  }

  private static MultiHeadAttentionKind multiHeadAttention(KerasArgs a) {
    long keyDim = a.requireLong("key_dim");
    JsonNode out = a.get("output_shape");
    List<Long> outputShape =
        out == null
            ? null
            : out.isArray()
                ? a.getLongList(false, "output_shape")
                : List.of(KerasArgs.asLong(out, "output_shape"));
    List<Integer> axes = a.has("attention_axes") ? a.getIntOrList("attention_axes") : null;
    return new MultiHeadAttentionKind(
        a.requireLong("num_heads"),
        keyDim,
        a.getLong(keyDim, "value_dim"),
        outputShape == null || outputShape.isEmpty() ? null : outputShape,
        a.getBool(true, "use_bias"),
        a.getBool(false, "use_gate"),
        axes,
        returnsScores(a),
        a.calls().keras3());
  }

  private static EinsumDenseKind einsumDense(KerasArgs a) {
    JsonNode out = a.get("output_shape");
    if (out == null) {
      throw new KerasConfigException("missing 'output_shape'");
    }
    List<Long> partial =
        out.isArray()
            ? a.getLongList(true, "output_shape")
            : List.of(KerasArgs.asLong(out, "output_shape"));
    String biasAxes = a.has("bias_axes") ? a.getString("", "bias_axes") : null;
    return new EinsumDenseKind(
        a.getString("", "equation"), partial, biasAxes, a.getLong(0, "lora_rank"));
  }

  /** Normalization: {@code axis} an int, a list, or null (no kept axis); default -1. */
  private static NormalizationKind normalization(KerasArgs a) {
    List<Integer> axes =
        a.isExplicitNull("axis") ? List.of() : a.has("axis") ? a.getIntOrList("axis") : List.of(-1);
    return new NormalizationKind(axes, a.has("mean"));
  }
}
