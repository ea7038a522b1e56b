package io.modelaudit.formats.dl4j;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Whether a feed-forward activation's rows are the examples or examples × time steps. DL4J folds a
 * sequence's steps into the rows (RnnToFeedForward, RnnToCnn; SpaceToBatchLayer multiplies them
 * too) and FeedForwardToRnn unfolds them by dividing the rows by the minibatch: rows that were
 * never folded give exactly one time step (CnnToRnn likewise). That fact is marked on the
 * FeedForwardToRnn or CnnToRnn configuration it applies to, for its rule to read. A
 * GlobalPoolingLayer's output rows are the examples: a RnnToFeedForward right after it (DL4J
 * inserts one, its type staying recurrent) passes the 2D activation through or folds a single step.
 */
final class Dl4jTimeFolding {
  /**
   * Marks a FeedForwardToRnn or CnnToRnn preprocessor whose input rows are the examples (not from a
   * file).
   */
  static final String ONE_STEP = "modelaudit:rowsAreExamples";

  private Dl4jTimeFolding() {}

  /** Whether the rows are folded after {@code pre} (null: no preprocessor), given before. */
  static boolean after(JsonNode pre, boolean folded) {
    return after(pre, folded, false);
  }

  /**
   * The same; {@code pooled}: the input comes from a GlobalPoolingLayer, one step per example at
   * most, which a first RnnToFeedForward does not fold.
   */
  private static boolean after(JsonNode pre, boolean folded, boolean pooled) {
    Dl4jTyped t = typed(pre);
    if (t == null) {
      return folded;
    }
    switch (t.name()) {
      case "RnnToFeedForwardPreProcessor":
        return pooled ? folded : true;
      case "RnnToCnnPreProcessor":
        return true;
      case "FeedForwardToRnnPreProcessor":
      case "CnnToRnnPreProcessor":
        return false;
      case "ComposableInputPreProcessor":
        JsonNode list = t.fields().get("inputPreProcessors");
        if (list != null && list.isArray()) {
          for (JsonNode p : list) {
            folded = after(p, folded, pooled);
            pooled = false;
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

  /** Whether a layer's output rows are the examples, one step at most (GlobalPoolingLayer). */
  static boolean poolsSteps(Dl4jTyped layer) {
    return layer != null && layer.name().equals("GlobalPoolingLayer");
  }

  /**
   * The state after {@code layer} with {@code pre} in front of it, given the state before and
   * whether its input comes from a GlobalPoolingLayer.
   */
  static boolean afterLayer(JsonNode pre, Dl4jTyped layer, boolean folded, boolean pooled) {
    if (poolsSteps(layer)) {
      return false;
    }
    return after(pre, folded, pooled) || foldsRows(layer);
  }

  /**
   * {@code pre} with every FeedForwardToRnn or CnnToRnn preprocessor it reaches on unfolded rows
   * marked {@link #ONE_STEP} (a copy; {@code pre} itself when there is none).
   */
  static JsonNode markOneStep(JsonNode pre, boolean folded) {
    Dl4jTyped t = typed(pre);
    if (t == null || !(t.fields() instanceof ObjectNode)) {
      return pre;
    }
    if (t.name().equals("FeedForwardToRnnPreProcessor")
        || t.name().equals("CnnToRnnPreProcessor")) {
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
