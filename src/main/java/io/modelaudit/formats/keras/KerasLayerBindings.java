package io.modelaudit.formats.keras;

import com.fasterxml.jackson.databind.JsonNode;
import io.modelaudit.ir.LayerKind;
import io.modelaudit.ir.layers.BatchNormKind;
import io.modelaudit.ir.layers.BidirectionalKind;
import io.modelaudit.ir.layers.ConcatenateKind;
import io.modelaudit.ir.layers.ConvKind;
import io.modelaudit.ir.layers.ConvKind.KernelLayout;
import io.modelaudit.ir.layers.DataFormat;
import io.modelaudit.ir.layers.DenseKind;
import io.modelaudit.ir.layers.DotKind;
import io.modelaudit.ir.layers.ElementwiseMergeKind;
import io.modelaudit.ir.layers.EmbeddingKind;
import io.modelaudit.ir.layers.FlattenKind;
import io.modelaudit.ir.layers.GlobalPoolingKind;
import io.modelaudit.ir.layers.IdentityKind;
import io.modelaudit.ir.layers.PReLUKind;
import io.modelaudit.ir.layers.Padding;
import io.modelaudit.ir.layers.PermuteKind;
import io.modelaudit.ir.layers.PoolingKind;
import io.modelaudit.ir.layers.RecurrentKind;
import io.modelaudit.ir.layers.RecurrentKind.Cell;
import io.modelaudit.ir.layers.RepeatVectorKind;
import io.modelaudit.ir.layers.ReshapeKind;
import io.modelaudit.ir.layers.SpatialPaddingKind;
import io.modelaudit.ir.layers.TimeDistributedKind;
import io.modelaudit.ir.layers.UpSamplingKind;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Keras class names (1.x, 2.x, tf.keras and 3.x spellings) bound to layer kinds. Adding a layer
 * is one line here plus its kind. Classes not listed are reported as unsupported.
 */
final class KerasLayerBindings {
  private static final Map<String, Function<KerasArgs, LayerKind>> BINDINGS = new HashMap<>();

  private static void bind(Function<KerasArgs, LayerKind> binding, String... classNames) {
    for (String c : classNames) {
      BINDINGS.put(c, binding);
    }
  }

  static {
    bind(a -> IdentityKind.INSTANCE, "Activation", "Dropout", "SpatialDropout1D", "SpatialDropout2D",
        "SpatialDropout3D", "GaussianNoise", "GaussianDropout", "AlphaDropout", "Masking", "LeakyReLU",
        "ELU", "ReLU", "Softmax", "ThresholdedReLU");
    bind(a -> new DenseKind(a.requireLong("units", "output_dim"), a.getBool(true, "use_bias", "bias")), "Dense");
    bind(KerasLayerBindings::prelu, "PReLU");
    bind(a -> new FlattenKind(), "Flatten");
    bind(a -> new ReshapeKind(a.getLongList("target_shape")), "Reshape");
    bind(KerasLayerBindings::permute, "Permute");
    bind(a -> new RepeatVectorKind(a.requireLong("n")), "RepeatVector");
    bind(a -> conv(a, 1), "Conv1D", "Convolution1D", "AtrousConvolution1D");
    bind(a -> conv(a, 2), "Conv2D", "Convolution2D", "AtrousConvolution2D");
    bind(a -> conv(a, 3), "Conv3D", "Convolution3D");
    bind(a -> pooling(a, 1), "MaxPooling1D", "AveragePooling1D", "MaxPool1D", "AvgPool1D");
    bind(a -> pooling(a, 2), "MaxPooling2D", "AveragePooling2D", "MaxPool2D", "AvgPool2D");
    bind(a -> pooling(a, 3), "MaxPooling3D", "AveragePooling3D", "MaxPool3D", "AvgPool3D");
    bind(a -> globalPooling(a, 1), "GlobalMaxPooling1D", "GlobalAveragePooling1D", "GlobalMaxPool1D", "GlobalAvgPool1D");
    bind(a -> globalPooling(a, 2), "GlobalMaxPooling2D", "GlobalAveragePooling2D", "GlobalMaxPool2D", "GlobalAvgPool2D");
    bind(a -> globalPooling(a, 3), "GlobalMaxPooling3D", "GlobalAveragePooling3D", "GlobalMaxPool3D", "GlobalAvgPool3D");
    bind(a -> SpatialPaddingKind.zeroPadding(amounts(a, 1, "padding"), a.dataFormat()), "ZeroPadding1D");
    bind(a -> SpatialPaddingKind.zeroPadding(amounts(a, 2, "padding"), a.dataFormat()), "ZeroPadding2D");
    bind(a -> SpatialPaddingKind.zeroPadding(amounts(a, 3, "padding"), a.dataFormat()), "ZeroPadding3D");
    bind(a -> SpatialPaddingKind.cropping(amounts(a, 1, "cropping"), a.dataFormat()), "Cropping1D");
    bind(a -> SpatialPaddingKind.cropping(amounts(a, 2, "cropping"), a.dataFormat()), "Cropping2D");
    bind(a -> SpatialPaddingKind.cropping(amounts(a, 3, "cropping"), a.dataFormat()), "Cropping3D");
    bind(a -> new UpSamplingKind(a.getTuple(1, 2L, "size", "length"), a.dataFormat()), "UpSampling1D");
    bind(a -> new UpSamplingKind(a.getTuple(2, 2L, "size"), a.dataFormat()), "UpSampling2D");
    bind(a -> new UpSamplingKind(a.getTuple(3, 2L, "size"), a.dataFormat()), "UpSampling3D");
    bind(KerasLayerBindings::batchNorm, "BatchNormalization", "BatchNormalizationV1", "BatchNormalizationV2");
    bind(a -> new EmbeddingKind(a.requireLong("input_dim"), a.requireLong("output_dim")), "Embedding");
    bind(a -> recurrent(a, Cell.SIMPLE), "SimpleRNN");
    bind(a -> recurrent(a, Cell.LSTM), "LSTM", "LSTMV1", "LSTMV2");
    bind(a -> recurrent(a, Cell.GRU), "GRU", "GRUV1", "GRUV2");
    bind(KerasLayerBindings::bidirectional, "Bidirectional");
    bind(a -> new TimeDistributedKind(inner(a, "layer")), "TimeDistributed");
    bind(a -> new ElementwiseMergeKind(2, 2), "Subtract");
    bind(a -> new ElementwiseMergeKind(2, Integer.MAX_VALUE), "Add", "Multiply", "Average", "Maximum", "Minimum");
    bind(a -> new ConcatenateKind(a.getInt(-1, "axis")), "Concatenate");
    bind(KerasLayerBindings::dot, "Dot");
  }

  private KerasLayerBindings() {}

  /** The kind for a class, or null when the class has no rule. */
  static LayerKind bind(String className, JsonNode config) {
    Function<KerasArgs, LayerKind> binding = BINDINGS.get(className);
    return binding == null ? null : binding.apply(new KerasArgs(config));
  }

  static boolean isBound(String className) {
    return BINDINGS.containsKey(className);
  }

  /** A wrapped layer ({@code {"class_name", "config"}} under {@code key}). */
  private static LayerKind inner(KerasArgs a, String key) {
    JsonNode spec = a.get(key);
    if (spec == null || !spec.has("class_name")) {
      throw new KerasConfigException("missing wrapped layer '" + key + "'");
    }
    String className = spec.get("class_name").asText();
    LayerKind kind = bind(className, spec.get("config"));
    if (kind == null) {
      throw new KerasConfigException("wraps " + className + ", which has no rule");
    }
    return kind;
  }

  private static LayerKind prelu(KerasArgs a) {
    Set<Integer> shared = new HashSet<>();
    JsonNode axes = a.get("shared_axes");
    if (axes != null) {
      if (axes.isArray()) {
        axes.forEach(x -> shared.add(x.asInt()));
      } else {
        shared.add(axes.asInt());
      }
    }
    return new PReLUKind(shared);
  }

  private static LayerKind permute(KerasArgs a) {
    List<Integer> dims = new ArrayList<>();
    for (Long d : a.getLongList("dims")) {
      dims.add(Math.toIntExact(d));
    }
    return new PermuteKind(dims);
  }

  private static LayerKind conv(KerasArgs a, int rank) {
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
      kernel = rank == 2 ? a.getSeparate("nb_row", "nb_col") : a.getSeparate("kernel_dim1", "kernel_dim2", "kernel_dim3");
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
    return new ConvKind(filters, kernel, strides, dilation, a.padding(), format,
        a.getLong(1, "groups"), a.getBool(true, "use_bias", "bias"), layout);
  }

  private static LayerKind pooling(KerasArgs a, int rank) {
    long[] pool = a.getTuple(rank, 2L, "pool_size", "pool_length");
    long[] strides = a.has("strides", "stride") ? a.getTuple(rank, null, "strides", "stride") : pool;
    DataFormat format = rank == 1 && a.has("pool_length") ? DataFormat.CHANNELS_LAST : a.dataFormat();
    return new PoolingKind(pool, strides, a.padding(), format);
  }

  private static LayerKind globalPooling(KerasArgs a, int rank) {
    return new GlobalPoolingKind(rank, a.dataFormat(), a.getBool(false, "keepdims"));
  }

  /**
   * Padding or cropping amounts as {before, after} per spatial axis, from any Keras form: an int,
   * one value per axis, one pair per axis, or Keras 1's flat (top, bottom, left, right).
   */
  static long[][] amounts(KerasArgs a, int rank, String name) {
    JsonNode v = a.get(name);
    long[][] out = new long[rank][2];
    if (v == null) {
      throw new KerasConfigException("missing '" + name + "'");
    }
    if (!v.isArray()) {
      for (long[] pair : out) {
        pair[0] = pair[1] = v.asLong();
      }
      return out;
    }
    if (rank == 1 && v.size() == 2 && !v.get(0).isArray()) {
      out[0][0] = v.get(0).asLong();
      out[0][1] = v.get(1).asLong();
      return out;
    }
    if (v.size() == 2 * rank && !v.get(0).isArray()) {
      for (int i = 0; i < rank; i++) {
        out[i][0] = v.get(2 * i).asLong();
        out[i][1] = v.get(2 * i + 1).asLong();
      }
      return out;
    }
    if (v.size() != rank) {
      throw new KerasConfigException("'" + name + "' has " + v.size() + " entries, expected " + rank);
    }
    for (int i = 0; i < rank; i++) {
      JsonNode e = v.get(i);
      if (e.isArray()) {
        out[i][0] = e.get(0).asLong();
        out[i][1] = e.get(1).asLong();
      } else {
        out[i][0] = out[i][1] = e.asLong();
      }
    }
    return out;
  }

  private static LayerKind batchNorm(KerasArgs a) {
    List<Integer> axes = new ArrayList<>();
    JsonNode axis = a.get("axis");
    if (axis == null) {
      axes.add(-1);
    } else if (axis.isArray()) {
      axis.forEach(x -> axes.add(x.asInt()));
    } else {
      axes.add(axis.asInt());
    }
    boolean keras1 = a.has("mode");
    String[] stats = keras1 ? new String[] {"running_mean", "running_std"} : new String[] {"moving_mean", "moving_variance"};
    return new BatchNormKind(axes, a.getBool(true, "center"), a.getBool(true, "scale"), stats);
  }

  private static RecurrentKind recurrent(KerasArgs a, Cell cell) {
    boolean keras1 = a.has("output_dim") && !a.has("units");
    boolean splitGates = keras1 && !"gpu".equals(a.getString("", "consume_less"));
    return new RecurrentKind(cell, a.requireLong("units", "output_dim"), a.getBool(true, "use_bias", "bias"),
        a.getBool(false, "return_sequences"), a.getBool(false, "return_state"),
        a.getBool(false, "reset_after"), splitGates);
  }

  private static LayerKind bidirectional(KerasArgs a) {
    LayerKind forward = inner(a, "layer");
    LayerKind backward = a.has("backward_layer") ? inner(a, "backward_layer") : forward;
    String mode = a.getString("none", "merge_mode").toUpperCase(Locale.ROOT);
    try {
      return new BidirectionalKind(forward, backward, BidirectionalKind.Merge.valueOf(mode));
    } catch (IllegalArgumentException e) {
      throw new KerasConfigException("unknown merge_mode '" + mode.toLowerCase(Locale.ROOT) + "'");
    }
  }

  private static LayerKind dot(KerasArgs a) {
    JsonNode axes = a.get("axes");
    if (axes == null) {
      throw new KerasConfigException("missing 'axes'");
    }
    if (axes.isArray()) {
      return new DotKind(axes.get(0).asInt(), axes.get(1).asInt());
    }
    return new DotKind(axes.asInt(), axes.asInt());
  }
}
