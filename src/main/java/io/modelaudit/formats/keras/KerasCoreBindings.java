package io.modelaudit.formats.keras;

import com.fasterxml.jackson.databind.JsonNode;
import io.modelaudit.ir.LayerKind;
import io.modelaudit.ir.layers.AdaptivePoolingKind;
import io.modelaudit.ir.layers.FrozenKind;
import io.modelaudit.ir.layers.GroupQueryAttentionKind;
import io.modelaudit.ir.layers.IdentityKind;
import io.modelaudit.ir.layers.RecurrentCellKind;
import io.modelaudit.ir.layers.RecurrentKind;
import io.modelaudit.ir.layers.RecurrentKind.Cell;
import io.modelaudit.ir.layers.ReversibleEmbeddingKind;
import io.modelaudit.ir.layers.RmsNormKind;
import io.modelaudit.ir.layers.SpectralNormKind;
import io.modelaudit.ir.layers.StackedRecurrentKind;
import io.modelaudit.ir.layers.StackedRecurrentKind.StackedCell;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Keras 3 core layers: RMSNormalization, GroupQueryAttention, ReversibleEmbedding,
 * ActivityRegularization, SpectralNormalization, adaptive pooling, the generic RNN layer over
 * LSTMCell / GRUCell / SimpleRNNCell / StackedRNNCells, and those cells called on their own.
 */
final class KerasCoreBindings {
  private static final Map<String, Cell> CELLS =
      Map.of("LSTMCell", Cell.LSTM, "GRUCell", Cell.GRU, "SimpleRNNCell", Cell.SIMPLE);

  private KerasCoreBindings() {}

  static void registerAll() {
    KerasLayerBindings.register(
        IdentityKind.class, a -> IdentityKind.INSTANCE, "ActivityRegularization");
    KerasLayerBindings.register(
        RmsNormKind.class,
        a -> new RmsNormKind(a.has("axis") ? a.getIntOrList("axis") : List.of(-1)),
        "RMSNormalization");
    KerasLayerBindings.register(
        GroupQueryAttentionKind.class,
        a ->
            new GroupQueryAttentionKind(
                a.requireLong("head_dim"),
                a.requireLong("num_query_heads"),
                a.requireLong("num_key_value_heads"),
                a.getBool(true, "use_bias"),
                a.getBool(false, "use_gate"),
                KerasLayerRules.returnsScores(a)),
        "GroupQueryAttention",
        "GroupedQueryAttention");
    KerasLayerBindings.register(
        ReversibleEmbeddingKind.class,
        a ->
            new ReversibleEmbeddingKind(
                KerasLayerRules.embedding(a),
                a.requireLong("input_dim"),
                a.requireLong("output_dim"),
                a.getBool(true, "tie_weights"),
                a.calls().reverseCalls()),
        "ReversibleEmbedding",
        // keras-hub's class subclasses Keras' with the same configuration; .h5 files name it so.
        "keras_hub>ReversibleEmbedding",
        "keras_nlp>ReversibleEmbedding");
    KerasLayerBindings.register(
        SpectralNormKind.class, KerasCoreBindings::spectralNormalization, "SpectralNormalization");
    for (int n = 1; n <= 3; n++) {
      int spatial = n;
      KerasLayerBindings.register(
          AdaptivePoolingKind.class,
          a -> adaptivePooling(a, spatial),
          "AdaptiveAveragePooling" + n + "D",
          "AdaptiveMaxPooling" + n + "D");
    }
    KerasLayerBindings.register(LayerKind.class, KerasCoreBindings::rnn, "RNN");
    CELLS.forEach(
        (className, cell) ->
            KerasLayerBindings.register(
                RecurrentCellKind.class,
                a -> new RecurrentCellKind(recurrent(cell, a, false, true)),
                className));
    KerasLayerBindings.register(
        RecurrentCellKind.class,
        a -> {
          List<JsonNode> stack = new ArrayList<>();
          if (a.has("cells")) {
            a.get("cells").forEach(stack::add);
          }
          return new RecurrentCellKind(stacked(stack, false, true));
        },
        "StackedRNNCells");
  }

  private static SpectralNormKind spectralNormalization(KerasArgs a) {
    // With LoRA, the wrapped kernel is a sum, not a variable: Keras stores no alias of it and
    // orders the weights otherwise.
    if (a.has("layer") && a.get("layer").path("config").path("lora_rank").asLong(0) > 0) {
      throw new UnsupportedOptionException("wraps a layer with lora_rank, which is not modelled");
    }
    return new SpectralNormKind(KerasLayerBindings.inner(a, "layer"));
  }

  private static AdaptivePoolingKind adaptivePooling(KerasArgs a, int spatial) {
    long[] size = a.getTuple(spatial, null, "output_size");
    List<Long> out = new ArrayList<>();
    for (long s : size) {
      out.add(s);
    }
    return new AdaptivePoolingKind(out, a.dataFormat());
  }

  /**
   * The generic RNN: over one cell it is that cell's recurrent layer (RNN(LSTMCell) is an LSTM);
   * over StackedRNNCells (also a list of cells) a stack.
   */
  private static LayerKind rnn(KerasArgs a) {
    if (a.getBool(false, "time_major")) {
      throw new UnsupportedOptionException("time_major=True (time before batch) is not modelled");
    }
    JsonNode spec = a.get("cell");
    boolean returnSequences = a.getBool(false, "return_sequences");
    boolean returnState = a.getBool(false, "return_state");
    List<JsonNode> stack = new ArrayList<>();
    if (spec != null && spec.isArray()) {
      spec.forEach(stack::add);
    } else if (spec != null && "StackedRNNCells".equals(spec.path("class_name").asText())) {
      spec.path("config").path("cells").forEach(stack::add);
    } else {
      RecurrentKind single = cell(spec, returnSequences, returnState);
      return frozen(spec) ? new FrozenKind(single) : single;
    }
    return stacked(stack, returnSequences, returnState);
  }

  private static StackedRecurrentKind stacked(
      List<JsonNode> stack, boolean returnSequences, boolean returnState) {
    List<StackedCell> cells = new ArrayList<>();
    for (JsonNode c : stack) {
      RecurrentKind rule = cell(c, false, true);
      KerasArgs config = new KerasArgs(c.get("config"));
      cells.add(
          new StackedCell(
              config.getString(
                  KerasArchiveWeights.snakeCase(c.path("class_name").asText()), "name"),
              KerasArchiveWeights.snakeCase(c.path("class_name").asText()),
              rule,
              config.getBool(true, "use_bias") ? 3 : 2,
              frozen(c)));
    }
    return new StackedRecurrentKind(cells, returnSequences, returnState);
  }

  private static boolean frozen(JsonNode cellSpec) {
    return !cellSpec.path("config").path("trainable").asBoolean(true);
  }

  /** A cell spec ({@code {"class_name", "config"}}) as the recurrent layer it makes. */
  private static RecurrentKind cell(JsonNode spec, boolean returnSequences, boolean returnState) {
    if (spec == null || !spec.has("class_name")) {
      throw new KerasConfigException("missing 'cell'");
    }
    String className = spec.get("class_name").asText();
    Cell cell = CELLS.get(className);
    if (cell == null) {
      throw new UnsupportedOptionException("runs a " + className + " cell, which has no rule");
    }
    return recurrent(cell, new KerasArgs(spec.get("config")), returnSequences, returnState);
  }

  private static RecurrentKind recurrent(
      Cell cell, KerasArgs a, boolean returnSequences, boolean returnState) {
    return new RecurrentKind(
        cell,
        a.requireLong("units"),
        a.getBool(true, "use_bias"),
        returnSequences,
        returnState,
        a.getBool(false, "reset_after"),
        false);
  }
}
