package io.modelaudit.formats.dl4j;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Whether a feed-forward activation's rows are the examples or examples × time steps. DL4J folds a
 * sequence's steps into the rows (RnnToFeedForward, RnnToCnn; SpaceToBatchLayer multiplies them
 * too) and FeedForwardToRnn unfolds them by dividing the rows by the minibatch: rows that were
 * never folded give exactly one time step. That fact is marked on the FeedForwardToRnn
 * configuration it applies to, for its rule to read.
 */
final class Dl4jTimeFolding {
  /** Marks a FeedForwardToRnnPreProcessor whose input rows are the examples (not from a file). */
  static final String ONE_STEP = "modelaudit:rowsAreExamples";

  private Dl4jTimeFolding() {}

  /** Whether the rows are folded after {@code pre} (null: no preprocessor), given before. */
  static boolean after(JsonNode pre, boolean folded) {
    Dl4jTyped t = typed(pre);
    if (t == null) {
      return folded;
    }
    switch (t.name()) {
      case "RnnToFeedForwardPreProcessor":
      case "RnnToCnnPreProcessor":
        return true;
      case "FeedForwardToRnnPreProcessor":
      case "CnnToRnnPreProcessor":
        return false;
      case "ComposableInputPreProcessor":
        JsonNode list = t.fields().get("inputPreProcessors");
        if (list != null && list.isArray()) {
          for (JsonNode p : list) {
            folded = after(p, folded);
          }
        }
        return folded;
      default:
        return folded;
    }
  }

  /** Whether a layer multiplies the rows (SpaceToBatchLayer). */
  static boolean foldsRows(Dl4jTyped layer) {
    return layer != null && layer.name().equals("SpaceToBatchLayer");
  }

  /**
   * {@code pre} with every FeedForwardToRnnPreProcessor it reaches on unfolded rows marked {@link
   * #ONE_STEP} (a copy; {@code pre} itself when there is none).
   */
  static JsonNode markOneStep(JsonNode pre, boolean folded) {
    Dl4jTyped t = typed(pre);
    if (t == null || !(t.fields() instanceof ObjectNode)) {
      return pre;
    }
    if (t.name().equals("FeedForwardToRnnPreProcessor")) {
      if (folded) {
        return pre;
      }
      JsonNode copy = pre.deepCopy();
      ObjectNode fields = (ObjectNode) (t.legacy() ? copy.elements().next() : copy);
      fields.put(ONE_STEP, true);
      return copy;
    }
    JsonNode list = t.fields().get("inputPreProcessors");
    if (!t.name().equals("ComposableInputPreProcessor") || list == null || !list.isArray()) {
      return pre;
    }
    JsonNode copy = pre.deepCopy();
    ObjectNode fields = (ObjectNode) (t.legacy() ? copy.elements().next() : copy);
    ArrayNode marked = fields.putArray("inputPreProcessors");
    for (JsonNode p : list) {
      marked.add(markOneStep(p, folded));
      folded = after(p, folded);
    }
    return copy;
  }

  private static Dl4jTyped typed(JsonNode pre) {
    try {
      return Dl4jTyped.of(pre, "preprocessor");
    } catch (Dl4jConfigException e) {
      return null; // reported where the preprocessor is read
    }
  }
}
