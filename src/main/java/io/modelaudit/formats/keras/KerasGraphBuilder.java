package io.modelaudit.formats.keras;

import com.fasterxml.jackson.databind.JsonNode;
import io.modelaudit.formats.BindingResult;
import io.modelaudit.formats.LayerSettings;
import io.modelaudit.ir.Call;
import io.modelaudit.ir.Cancellation;
import io.modelaudit.ir.Layer;
import io.modelaudit.ir.LayerKind;
import io.modelaudit.ir.ModelGraph;
import io.modelaudit.ir.NestedModelKind;
import io.modelaudit.ir.Shape;
import io.modelaudit.ir.TensorRef;
import io.modelaudit.ir.layers.InputKind;
import io.modelaudit.ir.layers.TimeDistributedKind;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns a Keras model configuration ({@code {"class_name", "config"}}) into a {@link ModelGraph}.
 * Reads what the file says and nothing more: no shape is computed here.
 *
 * <p>Handles Sequential (bare list of layers, or {@code {"name", "layers"}}) and functional models
 * ({@code Model}, {@code Functional}, or any class whose config has {@code layers}, {@code
 * input_layers} and {@code output_layers}) with Keras 1/2 {@code inbound_nodes} lists and Keras 3
 * {@code {"args", "kwargs"}} nodes, and models nested as layers. Tensor references are read by
 * {@link KerasNodeReader}.
 */
public final class KerasGraphBuilder {
  static final Set<String> MODEL_CLASSES = Set.of("Sequential", "Model", "Functional");
  private static final int MAX_QUOTED = 120;

  private final boolean keras3;

  /**
   * Keras 1 took a layer's missing {@code dim_ordering} from the user's keras.json: when every
   * layer that states one says "th", so do the others; null otherwise.
   */
  private final String keras1DefaultOrdering;

  private KerasGraphBuilder(boolean keras3, String keras1DefaultOrdering) {
    this.keras3 = keras3;
    this.keras1DefaultOrdering = keras1DefaultOrdering;
  }

  /**
   * @param kerasMajor the major version of the Keras that wrote the file, or 0 when unknown (then
   *     the configuration's own form decides)
   */
  public static ModelGraph build(JsonNode modelSpec, int kerasMajor) {
    boolean keras3 = kerasMajor >= 3 || (kerasMajor == 0 && hasKeras3Nodes(modelSpec));
    return new KerasGraphBuilder(keras3, keras1DefaultOrdering(modelSpec)).model(modelSpec, "", 0);
  }

  private static String keras1DefaultOrdering(JsonNode modelSpec) {
    List<JsonNode> stated = modelSpec.findValues("dim_ordering");
    boolean allTheano = !stated.isEmpty() && stated.stream().allMatch(v -> "th".equals(v.asText()));
    return allTheano ? "th" : null;
  }

  public static boolean isModelSpec(JsonNode spec) {
    if (spec == null || !spec.isObject()) {
      return false;
    }
    return MODEL_CLASSES.contains(spec.path("class_name").asText())
        || isFunctionalConfig(spec.get("config"));
  }

  /**
   * A subclassed model (or any layer saved as the top-level object): a configuration that lists no
   * layers, but has the {@code name} and {@code trainable} every Keras layer and model writes, or
   * is empty (tf.keras 2.13–2.15 write {@code {}} for a model whose arguments they cannot
   * serialise).
   */
  static boolean isSubclassedModelSpec(JsonNode spec) {
    if (spec == null
        || !spec.isObject()
        || isModelSpec(spec)
        || !spec.path("class_name").isTextual()) {
      return false;
    }
    JsonNode config = spec.get("config");
    return config != null
        && config.isObject()
        && (config.isEmpty() || config.path("name").isTextual() && config.has("trainable"));
  }

  /**
   * A subclassed model's layers are built by its Python code, which the file does not carry: the
   * model is one unsupported layer that owns every stored weight.
   */
  static ModelGraph subclassedModel(JsonNode spec) {
    String className = spec.get("class_name").asText();
    JsonNode config = spec.get("config");
    // An empty configuration has no name: Keras' default name for an instance of the class.
    String name =
        config.isEmpty() ? KerasArchiveWeights.snakeCase(className) : config.get("name").asText();
    Layer only =
        Layer.unsupported(
            name,
            className,
            config.isEmpty()
                ? "subclassed model: its configuration is empty (its Python code builds its"
                    + " layers), so its stored weights are counted but not verified"
                : "subclassed model: its configuration lists no layers (its Python code builds"
                    + " them), so its stored weights are counted but not verified",
            List.of(new Call(List.of())),
            "/config");
    return new ModelGraph(
        name, className, List.of(only), List.of(), List.of(new TensorRef(name, 0, 0)));
  }

  /** True for the graph {@link #subclassedModel} makes. */
  public static boolean isSubclassedModel(ModelGraph graph) {
    return graph.layers().size() == 1
        && !graph.layers().get(0).supported()
        && graph.layers().get(0).name().equals(graph.name())
        && graph.inputs().isEmpty();
  }

  private static boolean isFunctionalConfig(JsonNode config) {
    return config != null
        && config.isObject()
        && config.has("layers")
        && config.has("input_layers")
        && config.has("output_layers");
  }

  static boolean isSequential(JsonNode spec) {
    return "Sequential".equals(spec.path("class_name").asText())
        && !isFunctionalConfig(spec.get("config"));
  }

  private static boolean hasKeras3Nodes(JsonNode node) {
    if (node == null) {
      return false;
    }
    if (node.isObject() && node.has("args") && node.has("kwargs")) {
      return true;
    }
    for (JsonNode child : node) {
      if (child.isContainerNode() && hasKeras3Nodes(child)) {
        return true;
      }
    }
    return false;
  }

  private ModelGraph model(JsonNode spec, String pointer, int depth) {
    if (depth > ModelGraph.MAX_NESTING) {
      throw new KerasConfigException(
          "models are nested more than " + ModelGraph.MAX_NESTING + " deep");
    }
    String className = spec.path("class_name").asText();
    JsonNode config = spec.get("config");
    if (config == null || !(config.isObject() || config.isArray())) {
      throw new KerasConfigException("model configuration has no 'config'");
    }
    String name =
        config.isObject()
            ? config.path("name").asText(className.toLowerCase())
            : className.toLowerCase();
    if (isSequential(spec)) {
      return sequential(name, config, pointer + "/config", depth);
    }
    return functional(name, className, config, pointer + "/config", depth);
  }

  private ModelGraph sequential(String name, JsonNode config, String pointer, int depth) {
    JsonNode layerSpecs = config.isArray() ? config : config.get("layers");
    String layersPointer = config.isArray() ? pointer : pointer + "/layers";
    if (layerSpecs == null || !layerSpecs.isArray() || layerSpecs.isEmpty()) {
      throw new KerasConfigException("Sequential configuration has no layers");
    }
    List<Layer> layers = new ArrayList<>();
    TensorRef previous = null;
    JsonNode first = layerSpecs.get(0);
    if (!"InputLayer".equals(first.path("class_name").asText())) {
      Shape declared = declaredInputShape(first.path("class_name").asText(), first.path("config"));
      if (declared == null && config.isObject()) {
        declared = lenientShape(config.get("build_input_shape"));
      }
      String inputName = unusedName(layerName(first) + "_input", layerSpecs);
      layers.add(
          Layer.of(
                  inputName,
                  "InputLayer",
                  new InputKind(declared),
                  List.of(new Call(List.of())),
                  layersPointer + "/0")
              .asHidden());
      previous = new TensorRef(inputName, 0, 0);
    }
    TensorRef input = previous;
    for (int i = 0; i < layerSpecs.size(); i++) {
      Cancellation.check();
      List<Call> calls =
          previous == null ? List.of(new Call(List.of())) : List.of(new Call(List.of(previous)));
      Layer layer = layer(layerSpecs.get(i), calls, layersPointer + "/" + i, depth);
      if (previous == null) {
        layer = layer.asHidden();
        input = new TensorRef(layer.name(), 0, 0);
      }
      layers.add(layer);
      previous = new TensorRef(layer.name(), 0, 0);
    }
    return new ModelGraph(name, "Sequential", layers, List.of(input), List.of(previous));
  }

  private ModelGraph functional(
      String name, String className, JsonNode config, String pointer, int depth) {
    JsonNode layerSpecs = config.get("layers");
    if (layerSpecs == null || !layerSpecs.isArray()) {
      throw new KerasConfigException(className + " configuration has no 'layers' list");
    }
    Map<String, JsonNode> specsByName = new HashMap<>();
    for (JsonNode spec : layerSpecs) {
      if (specsByName.put(layerName(spec), spec) != null) {
        throw new KerasConfigException("two layers are named '" + layerName(spec) + "'");
      }
    }
    KerasNodeReader reader = new KerasNodeReader(specsByName, keras3);
    List<Layer> layers = new ArrayList<>();
    for (int i = 0; i < layerSpecs.size(); i++) {
      Cancellation.check();
      JsonNode spec = layerSpecs.get(i);
      layers.add(layer(spec, reader.calls(spec), pointer + "/layers/" + i, depth));
    }
    ModelGraph graph =
        new ModelGraph(
            name,
            className,
            layers,
            reader.modelRefs(config.get("input_layers")),
            reader.modelRefs(config.get("output_layers")));
    checkReferences(graph);
    return graph;
  }

  /** Every reference must name a layer of this model and one of its calls. */
  private static void checkReferences(ModelGraph graph) {
    List<TensorRef> all = new ArrayList<>(graph.inputs());
    all.addAll(graph.outputs());
    for (Layer l : graph.layers()) {
      l.calls().forEach(c -> all.addAll(c.inputs()));
    }
    for (TensorRef ref : all) {
      Layer producer = graph.layer(ref.layer());
      if (producer == null) {
        throw new KerasConfigException(
            "a reference names layer '" + quote(ref.layer()) + "', which the model does not have");
      }
      if (ref.callIndex() >= producer.calls().size()) {
        throw new KerasConfigException(
            "a reference names call "
                + ref.callIndex()
                + " of layer '"
                + ref.layer()
                + "', which is called "
                + producer.calls().size()
                + " time(s)");
      }
    }
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

  private static String unusedName(String wanted, JsonNode layerSpecs) {
    Set<String> taken = new HashSet<>();
    layerSpecs.forEach(
        s -> taken.add(s.path("config").path("name").asText(s.path("name").asText())));
    String name = wanted;
    while (taken.contains(name)) {
      name = "_" + name;
    }
    return name;
  }

  private Layer layer(JsonNode spec, List<Call> calls, String pointer, int depth) {
    Layer layer = bindLayer(spec, RecordedShapeReader.withRecorded(spec, calls), pointer, depth);
    JsonNode config = spec.get("config");
    if (layer.body() == null) {
      layer =
          layer
              .withActivation(KerasActivation.of(layer.className(), config))
              .withSettings(LayerSettings.keras(config));
    }
    return layer.withIdentity(
        layer.className()
            + "|"
            + layer.name()
            + "|"
            + (config == null ? 0 : withoutSharingMarks(config).hashCode()));
  }

  /**
   * Keras 3 archives mark the second appearance of a shared object with {@code shared_object_id}.
   */
  private static JsonNode withoutSharingMarks(JsonNode node) {
    if (node.isObject()) {
      com.fasterxml.jackson.databind.node.ObjectNode copy =
          com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
      node.fields()
          .forEachRemaining(
              e -> {
                if (!e.getKey().equals("shared_object_id")) {
                  copy.set(e.getKey(), withoutSharingMarks(e.getValue()));
                }
              });
      return copy;
    }
    if (node.isArray()) {
      com.fasterxml.jackson.databind.node.ArrayNode copy =
          com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.arrayNode();
      node.forEach(n -> copy.add(withoutSharingMarks(n)));
      return copy;
    }
    return node;
  }

  private Layer bindLayer(JsonNode spec, List<Call> calls, String pointer, int depth) {
    String className = spec.path("class_name").asText("");
    String name = layerName(spec);
    JsonNode config = spec.get("config");
    boolean trainable = config == null || config.path("trainable").asBoolean(true);
    if (isModelSpec(spec)) {
      ModelGraph body = model(spec, pointer, depth + 1);
      return Layer.of(name, className, new NestedModelKind(body, true), calls, pointer)
          .withTrainable(trainable);
    }
    JsonNode wrapped = config == null ? null : config.get("layer");
    if ("TimeDistributed".equals(className) && isModelSpec(wrapped)) {
      ModelGraph body = model(wrapped, pointer + "/config/layer", depth + 1);
      boolean modelTrainable = wrapped.path("config").path("trainable").asBoolean(true);
      return Layer.of(
              name,
              className,
              new TimeDistributedKind(new NestedModelKind(body, modelTrainable)),
              calls,
              pointer)
          .withTrainable(trainable);
    }
    if ("InputLayer".equals(className)) {
      return Layer.of(
          name,
          className,
          new InputKind(declaredInputShape(className, config)),
          List.of(new Call(List.of())),
          pointer);
    }
    LayerKind operation = KerasOperations.kind(className, spec, keras3);
    if (operation != null) {
      return Layer.of(name, className, operation, calls, pointer).withTrainable(trainable);
    }
    String dtypePolicy = config == null ? "" : config.path("dtype").path("class_name").asText("");
    if (isQuantized(config, dtypePolicy)) {
      // Keras 3 quantization (int8, float8) stores other tensors (scales, amax history).
      return Layer.unsupported(
          name,
          className,
          "quantized layers (" + dtypePolicy + ") are not supported yet",
          calls,
          pointer);
    }
    if (keras1DefaultOrdering != null
        && config != null
        && config.isObject()
        && !config.has("dim_ordering")
        && !config.has("data_format")) {
      config =
          ((com.fasterxml.jackson.databind.node.ObjectNode) config.deepCopy())
              .put("dim_ordering", keras1DefaultOrdering);
    }
    BindingResult bound =
        KerasLayerBindings.resolve(className, config, KerasCallFacts.of(spec, keras3));
    Layer layer = bound.layer(name, className, calls, pointer);
    return bound instanceof BindingResult.Bound ? layer.withTrainable(trainable) : layer;
  }

  /**
   * Quantized by Keras 3 ({@code model.quantize}): its dtype policy is {@code QuantizedDTypePolicy}
   * (Keras 3.4 – 3.10) or one per mode ({@code Int8DTypePolicy}, {@code Int4DTypePolicy}, {@code
   * Float8DTypePolicy}, {@code GPTQDTypePolicy}, ... in later versions, whose config names the
   * mode, e.g. {@code "int4/128"}), and from Keras 3.12 on the layer also writes a {@code
   * quantization_config}.
   */
  private static boolean isQuantized(JsonNode config, String dtypePolicy) {
    if (config == null) {
      return false;
    }
    JsonNode quantization = config.get("quantization_config");
    return dtypePolicy.startsWith("Quantized")
        || (dtypePolicy.endsWith("DTypePolicy")
            && !dtypePolicy.equals("DTypePolicy")
            && !dtypePolicy.equals("FloatDTypePolicy")
            && config.path("dtype").path("config").has("mode"))
        || (quantization != null && !quantization.isNull());
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
    Long steps =
        length == null || !length.canConvertToLong() || !length.isIntegralNumber()
            ? null
            : length.asLong();
    if ("Embedding".equals(className)) {
      return steps == null && (length == null || length.isNull()) ? null : Shape.of(null, steps);
    }
    if (inputDim != null && inputDim.isIntegralNumber() && inputDim.canConvertToLong()) {
      return "Dense".equals(className)
          ? Shape.of(null, inputDim.asLong())
          : Shape.of(null, steps, inputDim.asLong());
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
      } else if (d.isIntegralNumber() && d.canConvertToLong() && d.asLong() >= 0) {
        dims.add(d.asLong());
      } else {
        throw new KerasConfigException("bad dimension " + quote(d.toString()) + " in a shape");
      }
    }
    return Shape.of(dims);
  }

  /**
   * A shape the framework recorded, or null when the node is not a list of non-negative integers
   * and nulls: a recorded shape that cannot be read is simply not used.
   */
  static Shape recordedShape(JsonNode node) {
    return lenientShape(node);
  }

  /** tf.keras may store build_input_shape as a nested structure: then it is simply not used. */
  private static Shape lenientShape(JsonNode node) {
    try {
      return shape(node);
    } catch (KerasConfigException e) {
      return null;
    }
  }

  static String quote(String s) {
    return s.length() <= MAX_QUOTED ? s : s.substring(0, MAX_QUOTED) + "…";
  }
}
