package io.modelaudit.formats.keras;

import com.fasterxml.jackson.databind.JsonNode;
import io.modelaudit.ir.Shape;
import io.modelaudit.ir.layers.BroadcastOpKind;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The element-wise arithmetic of tf.keras op layers, which gets the broadcasting rule of Keras 3's
 * operation nodes: {@code TFOpLambda} (tf.keras 2.4+, {@code x + y} is {@code "__operators__.add"},
 * its other operand a keyword argument of the node: a tensor, a number or a constant list) and
 * {@code TensorFlowOpLayer} (tf.keras 2.0–2.3, a TensorFlow {@code node_def} whose constant inputs
 * sit in {@code constants} by position). Any other op stays opaque.
 */
final class TfOpArithmetic {
  private static final Set<String> TF_OP_LAMBDA_FUNCTIONS =
      Set.of(
          "__operators__.add",
          "math.add",
          "math.subtract",
          "math.multiply",
          "math.truediv",
          "math.divide",
          "math.maximum",
          "math.minimum",
          "math.pow");
  private static final Set<String> TF_OPS =
      Set.of("Add", "AddV2", "Sub", "Mul", "RealDiv", "Div", "Maximum", "Minimum", "Pow");

  private TfOpArithmetic() {}

  /** The broadcasting rule for an arithmetic op layer, or null when the layer is not one. */
  static BroadcastOpKind kind(String className, JsonNode spec) {
    JsonNode config = spec.path("config");
    if ("TFOpLambda".equals(className)
        && TF_OP_LAMBDA_FUNCTIONS.contains(config.path("function").asText())) {
      List<Shape> constants = tfOpLambdaConstants(spec.get("inbound_nodes"));
      return constants == null ? null : new BroadcastOpKind(constants);
    }
    if ("TensorFlowOpLayer".equals(className)
        && TF_OPS.contains(config.path("node_def").path("op").asText())) {
      List<Shape> constants = new ArrayList<>();
      for (JsonNode c : config.path("constants")) {
        Shape s = KerasOperations.arrayShape(c);
        if (s == null) {
          return null;
        }
        constants.add(s);
      }
      return new BroadcastOpKind(constants);
    }
    return null;
  }

  /**
   * The constant operands of every call, which must be the same: a node is {@code [layer, node,
   * tensor, {"y": operand, "name": …}]}, or starts with {@code "_CONSTANT_VALUE"} when the first
   * operand is the constant. Null when an operand is neither a tensor nor a number (list).
   */
  private static List<Shape> tfOpLambdaConstants(JsonNode nodes) {
    if (nodes == null || !nodes.isArray() || nodes.isEmpty()) {
      return null;
    }
    List<Shape> first = null;
    for (JsonNode node : nodes) {
      if (!node.isArray() || node.size() < 3 || !node.get(0).isTextual()) {
        return null;
      }
      List<Shape> constants = new ArrayList<>();
      if ("_CONSTANT_VALUE".equals(node.get(0).asText())) {
        Shape s = KerasOperations.arrayShape(node.get(2));
        if (s == null) {
          return null;
        }
        constants.add(s);
      }
      if (node.size() > 3) {
        if (!node.get(3).isObject()) {
          return null;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = node.get(3).fields(); it.hasNext(); ) {
          Map.Entry<String, JsonNode> e = it.next();
          if (e.getKey().equals("name")) {
            continue;
          }
          if (isTensorRef(e.getValue())) {
            continue;
          }
          Shape s = KerasOperations.arrayShape(e.getValue());
          if (s == null) {
            return null;
          }
          constants.add(s);
        }
      }
      if (first != null && !first.equals(constants)) {
        return null;
      }
      first = constants;
    }
    return first;
  }

  private static boolean isTensorRef(JsonNode v) {
    return v.isArray()
        && v.size() >= 3
        && v.get(0).isTextual()
        && !"_CONSTANT_VALUE".equals(v.get(0).asText())
        && v.get(1).isIntegralNumber()
        && v.get(2).isIntegralNumber();
  }
}
