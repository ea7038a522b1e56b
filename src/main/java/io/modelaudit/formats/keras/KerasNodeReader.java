package io.modelaudit.formats.keras;

import com.fasterxml.jackson.databind.JsonNode;
import io.modelaudit.ir.Call;
import io.modelaudit.ir.RecordedShapes;
import io.modelaudit.ir.Shape;
import io.modelaudit.ir.TensorRef;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Reads one functional model's tensor references: each layer's inbound nodes (Keras 1/2 lists,
 * tf.keras flat and dict nodes, Keras 3 {@code args}/{@code kwargs}) and the model's {@code
 * input_layers} / {@code output_layers}.
 *
 * <p>Node indices: a reference {@code [layer, node, tensor]} names the {@code node}-th call of
 * {@code layer} in this model's config, except that Keras counts the construction of a nested
 * functional model as its call 0 (Keras 2 {@code Network.get_config}: "Networks start with a
 * pre-existing node"; tf.keras {@code _should_skip_first_node}; Keras 3 only in {@code
 * input_layers} / {@code output_layers}). Those references are shifted back here.
 */
final class KerasNodeReader {
  /**
   * Attention's inputs in the order its kind takes them, whether they were passed by position or by
   * name (MultiHeadAttention {@code call(query, value, key=None, …)}).
   */
  private static final List<String> ATTENTION_ARGUMENTS = List.of("query", "value", "key");

  /** Where Keras 3 records the shape of each tensor a functional node was called with. */
  static final String KERAS_TENSOR_SOURCE = "inbound_nodes __keras_tensor__ shape";

  /**
   * Tensors tf.keras writes as keyword arguments of a node's first reference (it turns every
   * argument after the first into one): attention's, and keras-nlp's TransformerDecoder {@code
   * encoder_sequence}.
   */
  private static final List<String> TF_KERAS_DATA_KEYWORDS =
      List.of("query", "value", "key", "encoder_sequence");

  private final Map<String, JsonNode> specsByName;
  private final boolean keras3;

  KerasNodeReader(Map<String, JsonNode> specsByName, boolean keras3) {
    this.specsByName = specsByName;
    this.keras3 = keras3;
  }

  /** One call per inbound node. An input layer (no nodes) is called once with no inputs. */
  List<Call> calls(JsonNode spec) {
    JsonNode nodes = spec.get("inbound_nodes");
    List<Call> calls = new ArrayList<>();
    if (nodes == null || !nodes.isArray() || nodes.isEmpty()) {
      calls.add(new Call(List.of()));
      return calls;
    }
    for (JsonNode node : nodes) {
      List<TensorRef> inputs = new ArrayList<>();
      List<Shape> recorded = new ArrayList<>();
      if (node.isObject() && node.has("args")) {
        collectKerasTensors(node.get("args"), inputs, recorded);
        JsonNode kwargs = node.get("kwargs");
        if (kwargs != null && kwargs.isObject()) {
          for (String name : ATTENTION_ARGUMENTS) {
            collectKerasTensors(kwargs.get(name), inputs, recorded);
          }
          for (Iterator<Map.Entry<String, JsonNode>> it = kwargs.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!isMask(e.getKey())
                && !e.getKey().equals("training")
                && !ATTENTION_ARGUMENTS.contains(e.getKey())) {
              collectKerasTensors(e.getValue(), inputs, recorded);
            }
          }
        }
      } else if (node.isObject()) {
        // tf.keras nodes for dict-structured inputs: {"key": [layer, node, tensor, kwargs], ...}.
        node.forEach(v -> collectFlatRefs(v, inputs));
      } else if (node.isArray() && node.size() > 0 && node.get(0).isTextual()) {
        // tf.keras op layers (TFOpLambda) write a node as one flat reference whose kwargs may
        // hold further input tensors, e.g. ["dropout", 0, 0, {"y": ["input_1", 0, 0]}].
        addListRef(node, inputs);
        if (node.size() > 3 && node.get(3).isObject()) {
          node.get(3).forEach(v -> collectFlatRefs(v, inputs));
        }
      } else if (node.isArray()) {
        for (JsonNode ref : node) {
          addListRef(ref, inputs);
        }
        addAttentionKwargs(node.get(0), inputs);
      } else {
        throw new KerasConfigException(
            "unreadable inbound node " + KerasGraphBuilder.quote(node.toString()));
      }
      calls.add(new Call(inputs, RecordedShapes.ofInputs(recorded, KERAS_TENSOR_SOURCE)));
    }
    return calls;
  }

  /** input_layers / output_layers: a list of references, or one flat reference (Keras 3). */
  List<TensorRef> modelRefs(JsonNode node) {
    if (node == null || !node.isContainerNode()) {
      throw new KerasConfigException("model configuration lacks input_layers or output_layers");
    }
    List<TensorRef> out = new ArrayList<>();
    List<JsonNode> refs = new ArrayList<>();
    if (node.isArray() && node.size() > 0 && node.get(0).isTextual()) {
      refs.add(node);
    } else {
      // A list of references, or a dict of them (models built on dict inputs or outputs).
      node.forEach(refs::add);
    }
    for (JsonNode r : refs) {
      TensorRef ref = ref(r);
      boolean shifted =
          keras3 ? isFunctionalModel(ref.layer()) : startsWithConstructionNode(ref.layer());
      out.add(shifted ? shiftBack(ref) : ref);
    }
    return out;
  }

  /**
   * tf.keras writes the arguments after the first as keyword arguments of the first reference, e.g.
   * {@code ["q", 0, 0, {"value": ["v", 0, 0], "key": ["k", 0, 0]}]}; attention's value and key are
   * inputs.
   */
  private void addAttentionKwargs(JsonNode firstRef, List<TensorRef> out) {
    if (firstRef == null
        || !firstRef.isArray()
        || firstRef.size() < 4
        || !firstRef.get(3).isObject()) {
      return;
    }
    for (String name : TF_KERAS_DATA_KEYWORDS) {
      JsonNode v = firstRef.get(3).get(name);
      if (v != null && isFlatRef(v)) {
        addListRef(v, out);
      }
    }
  }

  /**
   * Masks (mask, attention_mask, query_mask, …) guide a layer's computation; they are not its data.
   */
  private static boolean isMask(String argument) {
    return argument.equals("mask") || argument.endsWith("_mask");
  }

  /**
   * Keras 3 tensors: {@code {"class_name": "__keras_tensor__", "config": {"keras_history":
   * [...]}}}.
   */
  private void collectKerasTensors(JsonNode node, List<TensorRef> out, List<Shape> shapes) {
    if (node == null) {
      return;
    }
    if (node.isObject() && "__keras_tensor__".equals(node.path("class_name").asText())) {
      out.add(ref(node.path("config").get("keras_history")));
      shapes.add(KerasGraphBuilder.recordedShape(node.path("config").get("shape")));
    } else if (node.isContainerNode()) {
      node.forEach(n -> collectKerasTensors(n, out, shapes));
    }
  }

  private void collectFlatRefs(JsonNode node, List<TensorRef> out) {
    if (isFlatRef(node)) {
      addListRef(node, out);
    } else if (node.isContainerNode()) {
      node.forEach(n -> collectFlatRefs(n, out));
    }
  }

  /** A Keras 1/2 reference, shifted when it names a nested model; constants are not tensors. */
  private void addListRef(JsonNode node, List<TensorRef> out) {
    if (node.isArray() && node.size() > 0 && "_CONSTANT_VALUE".equals(node.get(0).asText())) {
      return;
    }
    TensorRef ref = ref(node);
    out.add(startsWithConstructionNode(ref.layer()) ? shiftBack(ref) : ref);
  }

  private boolean isFunctionalModel(String layer) {
    JsonNode spec = specsByName.get(layer);
    return spec != null
        && KerasGraphBuilder.isModelSpec(spec)
        && !KerasGraphBuilder.isSequential(spec);
  }

  /**
   * Keras 1/2: a nested functional model, or a nested Sequential built with an input shape, has a
   * construction node that the outer configuration counts as node 0.
   */
  private boolean startsWithConstructionNode(String layer) {
    JsonNode spec = specsByName.get(layer);
    if (spec == null || !KerasGraphBuilder.isModelSpec(spec)) {
      return false;
    }
    if (!KerasGraphBuilder.isSequential(spec)) {
      return true;
    }
    JsonNode config = spec.get("config");
    JsonNode layers = config.isArray() ? config : config.path("layers");
    if (!layers.isArray() || layers.isEmpty()) {
      return false;
    }
    JsonNode first = layers.get(0);
    return "InputLayer".equals(first.path("class_name").asText())
        || KerasGraphBuilder.declaredInputShape(
                first.path("class_name").asText(), first.path("config"))
            != null;
  }

  private TensorRef shiftBack(TensorRef ref) {
    return ref.callIndex() > 0
        ? new TensorRef(ref.layer(), ref.callIndex() - 1, ref.tensorIndex())
        : ref;
  }

  private static boolean isFlatRef(JsonNode v) {
    return v.isArray()
        && v.size() >= 3
        && v.get(0).isTextual()
        && v.get(1).isIntegralNumber()
        && v.get(2).isIntegralNumber();
  }

  /** {@code [layer, node_index, tensor_index, (kwargs)]}. */
  private static TensorRef ref(JsonNode ref) {
    if (ref == null || !ref.isArray() || ref.size() < 1 || !ref.get(0).isTextual()) {
      throw new KerasConfigException(
          "unreadable tensor reference " + KerasGraphBuilder.quote(String.valueOf(ref)));
    }
    return new TensorRef(ref.get(0).asText(), index(ref, 1), index(ref, 2));
  }

  private static int index(JsonNode ref, int position) {
    if (ref.size() <= position) {
      return 0;
    }
    JsonNode v = ref.get(position);
    if (!v.isIntegralNumber() || !v.canConvertToInt() || v.asInt() < 0) {
      throw new KerasConfigException(
          "bad index "
              + KerasGraphBuilder.quote(v.toString())
              + " in tensor reference "
              + KerasGraphBuilder.quote(ref.toString()));
    }
    return v.asInt();
  }
}
