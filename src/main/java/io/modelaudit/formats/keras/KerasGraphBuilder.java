package io.modelaudit.formats.keras;

import com.fasterxml.jackson.databind.JsonNode;
import io.modelaudit.ir.Call;
import io.modelaudit.ir.Layer;
import io.modelaudit.ir.LayerKind;
import io.modelaudit.ir.ModelGraph;
import io.modelaudit.ir.NestedModelKind;
import io.modelaudit.ir.Shape;
import io.modelaudit.ir.TensorRef;
import io.modelaudit.ir.layers.InputKind;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns a Keras model configuration ({@code {"class_name", "config"}}) into a {@link ModelGraph}.
 * Reads what the file says and nothing more: no shape is computed here.
 *
 * <p>Handles Sequential (bare list of layers, or {@code {"name", "layers"}}) and functional models
 * ({@code Model}, {@code Functional}) with Keras 1/2 {@code inbound_nodes} lists and Keras 3
 * {@code {"args", "kwargs"}} nodes, and models nested as layers.
 */
public final class KerasGraphBuilder {
  static final Set<String> MODEL_CLASSES = Set.of("Sequential", "Model", "Functional");
  private static final int MAX_DEPTH = 64;

  private KerasGraphBuilder() {}

  public static ModelGraph build(JsonNode modelSpec) {
    return build(modelSpec, "", 0);
  }

  public static boolean isModelSpec(JsonNode spec) {
    return spec != null && spec.isObject() && MODEL_CLASSES.contains(spec.path("class_name").asText());
  }

  private static ModelGraph build(JsonNode spec, String pointer, int depth) {
    if (depth > MAX_DEPTH) {
      throw new KerasConfigException("models are nested more than " + MAX_DEPTH + " deep");
    }
    String className = spec.path("class_name").asText();
    JsonNode config = spec.get("config");
    if (config == null) {
      throw new KerasConfigException("model configuration has no 'config'");
    }
    String name = config.isObject() ? config.path("name").asText(className.toLowerCase()) : className.toLowerCase();
    if ("Sequential".equals(className)) {
      return sequential(name, config, pointer + "/config", depth);
    }
    return functional(name, className, config, pointer + "/config", depth);
  }

  private static ModelGraph sequential(String name, JsonNode config, String pointer, int depth) {
    JsonNode layerSpecs = config.isArray() ? config : config.get("layers");
    String layersPointer = config.isArray() ? pointer : pointer + "/layers";
    if (layerSpecs == null || !layerSpecs.isArray()) {
      throw new KerasConfigException("Sequential configuration has no 'layers' list");
    }
    List<Layer> layers = new ArrayList<>();
    TensorRef previous = null;
    TensorRef input = null;
    for (int i = 0; i < layerSpecs.size(); i++) {
      JsonNode spec = layerSpecs.get(i);
      String layerPointer = layersPointer + "/" + i;
      if (previous == null && !"InputLayer".equals(spec.path("class_name").asText())) {
        Shape declared = declaredInputShape(spec.path("class_name").asText(), spec.path("config"));
        if (declared == null && config.isObject()) {
          declared = shape(config.get("build_input_shape"));
        }
        String inputName = layerName(spec) + "_input";
        layers.add(new Layer(inputName, "InputLayer", new InputKind(declared), null,
            List.of(new Call(List.of())), layerPointer, true));
        previous = new TensorRef(inputName, 0, 0);
        input = previous;
      }
      List<Call> calls = previous == null ? List.of(new Call(List.of())) : List.of(new Call(List.of(previous)));
      Layer layer = layer(spec, calls, layerPointer, depth);
      if (previous == null) {
        layer = new Layer(layer.name(), layer.className(), layer.kind(), layer.unsupportedReason(), layer.calls(), layerPointer, true);
      }
      layers.add(layer);
      if (input == null) {
        input = new TensorRef(layer.name(), 0, 0);
      }
      previous = new TensorRef(layer.name(), 0, 0);
    }
    if (input == null) {
      throw new KerasConfigException("Sequential model has no layers");
    }
    return new ModelGraph(name, "Sequential", layers, List.of(input), List.of(previous));
  }

  private static ModelGraph functional(String name, String className, JsonNode config, String pointer, int depth) {
    JsonNode layerSpecs = config.get("layers");
    if (layerSpecs == null || !layerSpecs.isArray()) {
      throw new KerasConfigException(className + " configuration has no 'layers' list");
    }
    List<Layer> layers = new ArrayList<>();
    for (int i = 0; i < layerSpecs.size(); i++) {
      JsonNode spec = layerSpecs.get(i);
      layers.add(layer(spec, calls(spec), pointer + "/layers/" + i, depth));
    }
    return new ModelGraph(name, className, layers, refs(config.get("input_layers")), refs(config.get("output_layers")));
  }

  private static String layerName(JsonNode spec) {
    String name = spec.path("name").asText(null);
    if (name == null || name.isEmpty()) {
      name = spec.path("config").path("name").asText(null);
    }
    if (name == null || name.isEmpty()) {
      throw new KerasConfigException("a layer has no name");
    }
    return name;
  }

  private static Layer layer(JsonNode spec, List<Call> calls, String pointer, int depth) {
    String className = spec.path("class_name").asText("");
    String name = layerName(spec);
    JsonNode config = spec.get("config");
    if (MODEL_CLASSES.contains(className)) {
      ModelGraph body = build(spec, pointer, depth + 1);
      return new Layer(name, className, new NestedModelKind(body), null, calls, pointer, false);
    }
    if ("InputLayer".equals(className)) {
      return new Layer(name, className, new InputKind(declaredInputShape(className, config)), null,
          List.of(new Call(List.of())), pointer, false);
    }
    if (!KerasLayerBindings.isBound(className)) {
      return new Layer(name, className, null, "no rule for Keras class " + className, calls, pointer, false);
    }
    try {
      LayerKind kind = KerasLayerBindings.bind(className, config);
      return new Layer(name, className, kind, null, calls, pointer, false);
    } catch (KerasConfigException | IllegalArgumentException | ArithmeticException e) {
      return new Layer(name, className, null, "cannot read its configuration: " + e.getMessage(), calls, pointer, false);
    }
  }

  /** The batch input shape a layer declares (InputLayer, or the first layer of a Sequential). */
  static Shape declaredInputShape(String className, JsonNode config) {
    if (config == null) {
      return null;
    }
    for (String key : new String[] {"batch_shape", "batch_input_shape"}) {
      Shape s = shape(config.get(key));
      if (s != null) {
        return s;
      }
    }
    Shape s = shape(config.get("input_shape"));
    if (s != null) {
      return s.prepend(null);
    }
    // Keras 1 shorthand, used only when no batch_input_shape was written.
    JsonNode inputDim = config.get("input_dim");
    JsonNode length = config.get("input_length");
    Long steps = length == null || !length.isIntegralNumber() ? null : length.asLong();
    if ("Embedding".equals(className)) {
      return Shape.of(null, steps);
    }
    if (inputDim != null && inputDim.isIntegralNumber()) {
      return "Dense".equals(className) ? Shape.of(null, inputDim.asLong()) : Shape.of(null, steps, inputDim.asLong());
    }
    return null;
  }

  static Shape shape(JsonNode node) {
    if (node == null || !node.isArray()) {
      return null;
    }
    List<Long> dims = new ArrayList<>();
    for (JsonNode d : node) {
      if (d.isNull()) {
        dims.add(null);
      } else if (d.isIntegralNumber() && d.asLong() >= 0) {
        dims.add(d.asLong());
      } else {
        throw new KerasConfigException("bad dimension " + d + " in shape " + node);
      }
    }
    return Shape.of(dims);
  }

  /** One call per inbound node. An input layer (no nodes) is called once with no inputs. */
  private static List<Call> calls(JsonNode spec) {
    JsonNode nodes = spec.get("inbound_nodes");
    List<Call> calls = new ArrayList<>();
    if (nodes == null || !nodes.isArray() || nodes.isEmpty()) {
      calls.add(new Call(List.of()));
      return calls;
    }
    for (JsonNode node : nodes) {
      List<TensorRef> inputs = new ArrayList<>();
      if (node.isObject()) {
        collectKerasTensors(node.get("args"), inputs);
        JsonNode kwargs = node.get("kwargs");
        if (kwargs != null && kwargs.isObject()) {
          for (Iterator<Map.Entry<String, JsonNode>> it = kwargs.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!e.getKey().equals("mask") && !e.getKey().equals("training")) {
              collectKerasTensors(e.getValue(), inputs);
            }
          }
        }
      } else if (node.isArray() && node.size() > 0 && node.get(0).isTextual()) {
        // tf.keras op layers (TFOpLambda) write a node as one flat reference whose kwargs may
        // hold further input tensors, e.g. ["dropout", 0, 0, {"y": ["input_1", 0, 0]}].
        inputs.add(ref(node));
        if (node.size() > 3 && node.get(3).isObject()) {
          node.get(3).forEach(v -> {
            if (isFlatRef(v)) {
              inputs.add(ref(v));
            }
          });
        }
      } else if (node.isArray()) {
        for (JsonNode ref : node) {
          inputs.add(ref(ref));
        }
      } else {
        throw new KerasConfigException("unreadable inbound node " + node);
      }
      calls.add(new Call(inputs));
    }
    return calls;
  }

  /** Keras 3 tensors: {@code {"class_name": "__keras_tensor__", "config": {"keras_history": [...]}}}. */
  private static void collectKerasTensors(JsonNode node, List<TensorRef> out) {
    if (node == null) {
      return;
    }
    if (node.isArray()) {
      node.forEach(n -> collectKerasTensors(n, out));
    } else if (node.isObject() && "__keras_tensor__".equals(node.path("class_name").asText())) {
      out.add(ref(node.path("config").get("keras_history")));
    }
  }

  private static boolean isFlatRef(JsonNode v) {
    return v.isArray() && v.size() >= 3 && v.get(0).isTextual() && v.get(1).isIntegralNumber() && v.get(2).isIntegralNumber();
  }

  /** {@code [layer, node_index, tensor_index, (kwargs)]}. */
  private static TensorRef ref(JsonNode ref) {
    if (ref == null || !ref.isArray() || ref.size() < 1 || !ref.get(0).isTextual()) {
      throw new KerasConfigException("unreadable tensor reference " + ref);
    }
    int node = ref.size() > 1 ? ref.get(1).asInt() : 0;
    int tensor = ref.size() > 2 ? ref.get(2).asInt() : 0;
    return new TensorRef(ref.get(0).asText(), node, tensor);
  }

  /** A list of references, or a single flat reference (Keras 3 with one input or output). */
  private static List<TensorRef> refs(JsonNode node) {
    List<TensorRef> out = new ArrayList<>();
    if (node == null || !node.isArray()) {
      throw new KerasConfigException("model configuration lacks input_layers or output_layers");
    }
    if (node.size() > 0 && node.get(0).isTextual()) {
      out.add(ref(node));
      return out;
    }
    for (JsonNode r : node) {
      out.add(ref(r));
    }
    return out;
  }
}
