package io.modelaudit.formats.keras;

import com.fasterxml.jackson.databind.JsonNode;
import io.modelaudit.ir.Checked;
import io.modelaudit.ir.LayerKind;
import io.modelaudit.ir.layers.BatchNormKind;
import io.modelaudit.ir.layers.BidirectionalKind;
import io.modelaudit.ir.layers.ConcatenateKind;
import io.modelaudit.ir.layers.ConvKind;
import io.modelaudit.ir.layers.ConvKind.KernelLayout;
import io.modelaudit.ir.layers.ConvLstmKind;
import io.modelaudit.ir.layers.DataFormat;
import io.modelaudit.ir.layers.DepthwiseConvKind;
import io.modelaudit.ir.layers.DotKind;
import io.modelaudit.ir.layers.EinsumDenseKind;
import io.modelaudit.ir.layers.ElementwiseMergeKind;
import io.modelaudit.ir.layers.EmbeddingKind;
import io.modelaudit.ir.layers.GlobalPoolingKind;
import io.modelaudit.ir.layers.LocallyConnectedKind;
import io.modelaudit.ir.layers.MultiHeadAttentionKind;
import io.modelaudit.ir.layers.NormalizationKind;
import io.modelaudit.ir.layers.PReLUKind;
import io.modelaudit.ir.layers.PermuteKind;
import io.modelaudit.ir.layers.PoolingKind;
import io.modelaudit.ir.layers.RecurrentKind;
import io.modelaudit.ir.layers.RecurrentKind.Cell;
import io.modelaudit.ir.layers.SeparableConvKind;
import io.modelaudit.ir.layers.TransposedConvKind;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;

/**
 * The rules behind {@link KerasLayerBindings}' registration lines that need more than one
 * expression: how each Keras class's configuration becomes a layer kind.
 */
final class KerasLayerRules {
  private KerasLayerRules() {}

  static PReLUKind prelu(KerasArgs a) {
    return new PReLUKind(new HashSet<>(a.getIntOrList("shared_axes")));
  }

  static PermuteKind permute(KerasArgs a) {
    List<Integer> dims = new ArrayList<>();
    for (Long d : a.getLongList(false, "dims")) {
      dims.add(Checked.toInt(d));
    }
    return new PermuteKind(dims);
  }

  static ConvKind conv(KerasArgs a, int rank) {
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

  static PoolingKind pooling(KerasArgs a, int rank) {
    long[] pool = a.getTuple(rank, 2L, "pool_size", "pool_length");
    long[] strides =
        a.has("strides", "stride") ? a.getTuple(rank, null, "strides", "stride") : pool;
    DataFormat format =
        rank == 1 && a.has("pool_length") ? DataFormat.CHANNELS_LAST : a.dataFormat();
    return new PoolingKind(pool, strides, a.padding(), format);
  }

  static GlobalPoolingKind globalPooling(KerasArgs a, int rank) {
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

  static BatchNormKind batchNorm(KerasArgs a) {
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

  static EmbeddingKind embedding(KerasArgs a) {
    List<Long> inputLength = a.getLongOrList(true, "input_length");
    return new EmbeddingKind(
        a.requireLong("input_dim"),
        a.requireLong("output_dim"),
        inputLength,
        a.getLong(0, "lora_rank"));
  }

  static RecurrentKind recurrent(KerasArgs a, Cell cell) {
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

  static BidirectionalKind bidirectional(KerasArgs a) {
    LayerKind forward = KerasLayerBindings.inner(a, "layer");
    LayerKind backward =
        a.has("backward_layer") ? KerasLayerBindings.inner(a, "backward_layer") : forward;
    String mode = a.getString("none", "merge_mode").toUpperCase(Locale.ROOT);
    try {
      String backwardKey = a.has("backward_layer") ? "backward_layer" : "layer";
      return new BidirectionalKind(forward, backward, BidirectionalKind.Merge.valueOf(mode))
          .named(
              KerasLayerBindings.innerName(a, "layer"),
              KerasLayerBindings.innerClass(a, "layer"),
              KerasLayerBindings.innerName(a, backwardKey),
              KerasLayerBindings.innerClass(a, backwardKey));
    } catch (IllegalArgumentException e) {
      throw new KerasConfigException("unknown merge_mode '" + mode.toLowerCase(Locale.ROOT) + "'");
    }
  }

  /**
   * Keras 1 {@code Merge}: one layer for every merge mode; a Python function as mode has no rule.
   */
  static LayerKind keras1Merge(KerasArgs a) {
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

  static DotKind dot(KerasArgs a) {
    List<Integer> axes = a.getIntOrList("axes");
    if (axes.size() == 1) {
      return new DotKind(axes.get(0), axes.get(0));
    }
    if (axes.size() != 2) {
      throw new KerasConfigException("'axes' must be one axis or a pair, got " + axes);
    }
    return new DotKind(axes.get(0), axes.get(1));
  }

  static TransposedConvKind transposedConv(KerasArgs a, int rank) {
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
  static TransposedConvKind keras1Deconvolution(KerasArgs a, int rank) {
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
  static boolean keras3(KerasArgs a) {
    JsonNode dtype = a.get("dtype");
    return dtype != null && dtype.path("class_name").asText().endsWith("DTypePolicy");
  }

  static DepthwiseConvKind depthwiseConv(KerasArgs a, int rank) {
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

  static SeparableConvKind separableConv(KerasArgs a, int rank) {
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

  static LocallyConnectedKind locallyConnected(KerasArgs a, int rank) {
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

  static ConvLstmKind convLstm(KerasArgs a, int rank) {
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
  static boolean returnsScores(KerasArgs a) {
    return a.calls().returnsAttentionScores() || a.getBool(false, "return_attention_scores");
  }

  static MultiHeadAttentionKind multiHeadAttention(KerasArgs a) {
    long keyDim = a.requireLong("key_dim");
    List<Long> outputShape = a.getLongOrList(false, "output_shape");
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

  static EinsumDenseKind einsumDense(KerasArgs a) {
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
  static NormalizationKind normalization(KerasArgs a) {
    List<Integer> axes =
        a.isExplicitNull("axis") ? List.of() : a.has("axis") ? a.getIntOrList("axis") : List.of(-1);
    return new NormalizationKind(axes, a.has("mean"));
  }
}
