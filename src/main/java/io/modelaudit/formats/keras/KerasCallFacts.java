package io.modelaudit.formats.keras;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * What a layer's calls (its inbound nodes) say beyond its configuration and that changes its rule:
 * the writer's Keras generation, and call arguments that add outputs.
 *
 * @param keras3 written by Keras 3, whose symbolic shape rules differ from tf.keras' in places
 * @param returnsAttentionScores a call passes {@code return_attention_scores=True}
 * @param reverseCalls per Keras 3 call, in order, whether it passes {@code reverse=True}
 *     (ReversibleEmbedding)
 */
record KerasCallFacts(boolean keras3, boolean returnsAttentionScores, List<Boolean> reverseCalls) {
  static final KerasCallFacts NONE = new KerasCallFacts(false, false, List.of());

  KerasCallFacts {
    reverseCalls = List.copyOf(reverseCalls);
  }

  static KerasCallFacts of(JsonNode spec, boolean keras3) {
    return new KerasCallFacts(
        keras3, anyCallSets(spec, "return_attention_scores"), eachCallSets(spec, "reverse"));
  }

  /** Per Keras 3 node (an object with {@code kwargs}), whether it passes {@code flag=True}. */
  private static List<Boolean> eachCallSets(JsonNode spec, String flag) {
    JsonNode nodes = spec == null ? null : spec.get("inbound_nodes");
    List<Boolean> out = new ArrayList<>();
    if (nodes != null && nodes.isArray()) {
      for (JsonNode node : nodes) {
        out.add(node.isObject() && node.path("kwargs").path(flag).asBoolean(false));
      }
    }
    return out;
  }

  /**
   * True when a call passes {@code flag=True}: in Keras 3 nodes' {@code kwargs}, or in the keyword
   * arguments tf.keras appends to a node's first reference.
   */
  private static boolean anyCallSets(JsonNode spec, String flag) {
    JsonNode nodes = spec == null ? null : spec.get("inbound_nodes");
    if (nodes == null || !nodes.isArray()) {
      return false;
    }
    for (JsonNode node : nodes) {
      if (node.isObject() && node.path("kwargs").path(flag).asBoolean(false)) {
        return true;
      }
      if (node.isArray()) {
        for (JsonNode ref : node) {
          if (ref.isArray() && ref.size() > 3 && ref.get(3).path(flag).asBoolean(false)) {
            return true;
          }
        }
      }
    }
    return false;
  }
}
