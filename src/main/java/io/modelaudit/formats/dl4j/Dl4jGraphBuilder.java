package io.modelaudit.formats.dl4j;

import com.fasterxml.jackson.databind.JsonNode;
import io.modelaudit.formats.LayerSettings;
import io.modelaudit.ir.Call;
import io.modelaudit.ir.Cancellation;
import io.modelaudit.ir.Layer;
import io.modelaudit.ir.ModelGraph;
import io.modelaudit.ir.Shape;
import io.modelaudit.ir.TensorRef;
import io.modelaudit.ir.layers.InputKind;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Builds our graph from a DL4J configuration: MultiLayerConfiguration ({@code confs}, one layer
 * each, plus {@code inputPreProcessors} by layer index) or ComputationGraphConfiguration ({@code
 * vertices}, {@code vertexInputs}, {@code networkInputs}, {@code networkOutputs}). Records facts
 * only: configured sizes, recorded parameter names, the parameter order.
 */
public final class Dl4jGraphBuilder {
  /** The implicit input of a MultiLayerNetwork (a name no DL4J layer gets by default). */
  static final String MLN_INPUT = "(input)";

  static final int MAX_LAYERS = 100_000;

  private final Map<String, List<String>> variables = new LinkedHashMap<>();
  private boolean legacy;

  private Dl4jGraphBuilder() {}

  public static boolean isMultiLayer(JsonNode root) {
    return root.isObject() && root.path("confs").isArray();
  }

  public static boolean isComputationGraph(JsonNode root) {
    return root.isObject() && root.path("vertices").isObject();
  }

  public static Dl4jModel build(JsonNode root) {
    Dl4jGraphBuilder b = new Dl4jGraphBuilder();
    String dataType = root.path("dataType").isTextual() ? root.get("dataType").asText() : null;
    if (isMultiLayer(root)) {
      ModelGraph g = b.multiLayer(root);
      List<String> order = new ArrayList<>();
      g.layers().stream().filter(l -> !l.hidden()).forEach(l -> order.add(l.name()));
      return new Dl4jModel(
          g, "MultiLayerNetwork", b.legacy ? "legacy" : "@class", b.variables, order, dataType);
    }
    if (isComputationGraph(root)) {
      ModelGraph g = b.computationGraph(root);
      return new Dl4jModel(
          g,
          "ComputationGraph",
          b.legacy ? "legacy" : "@class",
          b.variables,
          parameterOrder(root, g),
          dataType);
    }
    throw new Dl4jConfigException(
        "neither 'confs' (MultiLayerNetwork) nor 'vertices' (ComputationGraph)");
  }

  private ModelGraph multiLayer(JsonNode root) {
    JsonNode confs = root.get("confs");
    if (confs.size() > MAX_LAYERS) {
      throw new Dl4jConfigException(confs.size() + " layers, more than " + MAX_LAYERS);
    }
    JsonNode preprocessors = root.path("inputPreProcessors");
    List<Layer> layers = new ArrayList<>();
    String previous = MLN_INPUT;
    Shape inputShape = Dl4jInputTypes.fromInputType(root.get("inputType"));
    java.util.Set<String> names = new java.util.HashSet<>(List.of(MLN_INPUT));
    boolean folded = false;
    boolean pooled = false;
    for (int i = 0; i < confs.size(); i++) {
      Cancellation.check();
      JsonNode conf = confs.get(i);
      String pointer = "/confs/" + i + "/layer";
      Dl4jTyped layer = Dl4jTyped.of(conf.get("layer"), "layer " + i);
      if (layer == null) {
        throw new Dl4jConfigException("layer " + i + " has no configuration");
      }
      legacy |= layer.legacy();
      String name = layerName(layer, String.valueOf(i));
      if (!names.add(name)) {
        name = name + "_" + i;
        names.add(name);
      }
      JsonNode pre = preprocessors.get(String.valueOf(i));
      if (i == 0 && inputShape == null) {
        inputShape = networkInput(layer, pre, () -> rankAfter(confs, preprocessors));
      }
      recordVariables(name, conf);
      layers.add(
          layer(
              name,
              layer,
              Dl4jTimeFolding.markOneStep(pre, folded),
              List.of(new TensorRef(previous, 0, 0)),
              pointer));
      folded = Dl4jTimeFolding.afterLayer(pre, layer, folded, pooled);
      pooled = Dl4jTimeFolding.poolsSteps(layer);
      previous = name;
    }
    layers.add(0, inputLayer(MLN_INPUT, inputShape));
    return new ModelGraph(
        null,
        "MultiLayerNetwork",
        layers,
        List.of(new TensorRef(MLN_INPUT, 0, 0)),
        List.of(new TensorRef(previous, 0, 0)));
  }

  private ModelGraph computationGraph(JsonNode root) {
    JsonNode vertices = root.get("vertices");
    JsonNode vertexInputs = root.path("vertexInputs");
    List<String> inputs = strings(root.path("networkInputs"), "networkInputs");
    List<String> outputs = strings(root.path("networkOutputs"), "networkOutputs");
    if (vertices.size() > MAX_LAYERS) {
      throw new Dl4jConfigException(vertices.size() + " vertices, more than " + MAX_LAYERS);
    }
    JsonNode inputTypes = root.path("networkInputTypes");
    List<Layer> layers = new ArrayList<>();
    for (int i = 0; i < inputs.size(); i++) {
      Shape declared =
          inputTypes.isArray() ? Dl4jInputTypes.fromInputType(inputTypes.get(i)) : null;
      layers.add(
          inputLayer(
              inputs.get(i),
              declared != null ? declared : consumerShape(inputs.get(i), vertices, vertexInputs)));
    }
    Map<String, Boolean> folded = new HashMap<>();
    inputs.forEach(n -> folded.put(n, false));
    Iterator<Map.Entry<String, JsonNode>> it = vertices.fields();
    while (it.hasNext()) {
      Map.Entry<String, JsonNode> e = it.next();
      String name = e.getKey();
      String pointer = "/vertices/" + escape(name);
      boolean inputFolded = false;
      for (JsonNode in : vertexInputs.path(name)) {
        inputFolded |= foldedAfter(in.asText(), vertices, vertexInputs, folded, 0);
      }
      List<TensorRef> refs = new ArrayList<>();
      Cancellation.check();
      for (String in : strings(vertexInputs.path(name), "vertexInputs of '" + name + "'")) {
        refs.add(new TensorRef(in, 0, 0));
      }
      Dl4jTyped vertex = Dl4jTyped.of(e.getValue(), "vertex '" + name + "'");
      if (vertex == null) {
        throw new Dl4jConfigException("vertex '" + name + "' has no configuration");
      }
      String inputField = Dl4jVertexBindings.networkInputField(vertex);
      if (inputField != null) {
        String named = new Dl4jArgs(vertex).getString(inputField, null);
        if (named != null && inputs.contains(named) && refs.size() == 1) {
          refs.add(new TensorRef(named, 0, 0));
        }
      }
      legacy |= vertex.legacy();
      layers.add(vertex(name, vertex, refs, pointer, inputFolded));
    }
    List<TensorRef> in = inputs.stream().map(n -> new TensorRef(n, 0, 0)).toList();
    List<TensorRef> out = outputs.stream().map(n -> new TensorRef(n, 0, 0)).toList();
    checkReferences(layers, outputs);
    return new ModelGraph(null, "ComputationGraph", layers, in, out);
  }

  /**
   * Every vertex input and network output must name a vertex or a network input, as DL4J itself
   * requires when it builds the graph (and as the Keras path requires of its references).
   */
  private static void checkReferences(List<Layer> layers, List<String> outputs) {
    Set<String> names = new HashSet<>();
    layers.forEach(l -> names.add(l.name()));
    for (Layer l : layers) {
      for (Call c : l.calls()) {
        for (TensorRef ref : c.inputs()) {
          if (!names.contains(ref.layer())) {
            throw new Dl4jConfigException(
                "vertex '"
                    + l.name()
                    + "' takes input '"
                    + ref.layer()
                    + "', which the graph does not have");
          }
        }
      }
    }
    for (String o : outputs) {
      if (!names.contains(o)) {
        throw new Dl4jConfigException(
            "network output '" + o + "' names a vertex the graph does not have");
      }
    }
  }

  /**
   * Whether the rows of vertex {@code name}'s output are folded time steps ({@link
   * Dl4jTimeFolding}); network inputs and unreadable vertices are not.
   */
  private static boolean foldedAfter(
      String name, JsonNode vertices, JsonNode vertexInputs, Map<String, Boolean> memo, int depth) {
    Boolean known = memo.get(name);
    if (known != null) {
      return known;
    }
    memo.put(name, false); // a cycle is reported where the graph is checked
    boolean in = false;
    boolean pooled = vertexInputs.path(name).size() > 0;
    if (depth < MAX_LAYERS) {
      for (JsonNode n : vertexInputs.path(name)) {
        in |= foldedAfter(n.asText(), vertices, vertexInputs, memo, depth + 1);
        pooled &= Dl4jTimeFolding.poolsSteps(layerOf(vertices.get(n.asText())));
      }
    }
    boolean out = in;
    try {
      Dl4jTyped v = Dl4jTyped.of(vertices.get(name), "vertex");
      String layerField = v == null ? null : Dl4jVertexBindings.layerField(v);
      if (layerField != null) {
        out =
            Dl4jTimeFolding.afterLayer(
                v.fields().get("preProcessor"),
                Dl4jTyped.of(v.fields().path(layerField).get("layer"), "layer"),
                in,
                pooled);
      } else if (v != null && v.fields().has("preProcessor")) {
        out = Dl4jTimeFolding.after(v.fields().get("preProcessor"), in);
      }
    } catch (Dl4jConfigException e) {
      out = in; // reported where the vertex is built
    }
    memo.put(name, out);
    return out;
  }

  /** The layer a layer vertex holds; null for other vertices and network inputs. */
  private static Dl4jTyped layerOf(JsonNode vertex) {
    try {
      Dl4jTyped v = Dl4jTyped.of(vertex, "vertex");
      String layerField = v == null ? null : Dl4jVertexBindings.layerField(v);
      return layerField == null
          ? null
          : Dl4jTyped.of(v.fields().path(layerField).get("layer"), "layer");
    } catch (Dl4jConfigException e) {
      return null;
    }
  }

  private Layer vertex(
      String name, Dl4jTyped vertex, List<TensorRef> refs, String pointer, boolean inputFolded) {
    String layerField = Dl4jVertexBindings.layerField(vertex);
    if (layerField != null) {
      Dl4jArgs a = new Dl4jArgs(vertex);
      JsonNode layerConf = a.get(layerField);
      Dl4jTyped layer =
          Dl4jTyped.of(
              layerConf == null ? null : layerConf.get("layer"), "layer of vertex '" + name + "'");
      if (layer == null) {
        return Layer.invalid(
            name,
            vertex.name(),
            "the vertex has no layer configuration",
            List.of(new Call(refs)),
            pointer);
      }
      legacy |= layer.legacy();
      recordVariables(name, layerConf);
      return layer(
          name,
          layer,
          Dl4jTimeFolding.markOneStep(a.get("preProcessor"), inputFolded),
          refs,
          pointer + "/" + layerField + "/layer");
    }
    return Dl4jVertexBindings.resolve(vertex)
        .layer(name, vertex.name(), List.of(new Call(refs)), pointer)
        .withSettings(LayerSettings.dl4j(vertex.fields()));
  }

  private Layer layer(
      String name, Dl4jTyped layer, JsonNode preprocessor, List<TensorRef> refs, String pointer) {
    return Dl4jLayerBindings.resolve(layer, preprocessor)
        .layer(name, layer.name(), List.of(new Call(refs)), pointer)
        .withActivation(Dl4jActivation.of(layer))
        .withSettings(LayerSettings.dl4j(layer.fields()));
  }

  private static Layer inputLayer(String name, Shape shape) {
    return Layer.of(name, "InputLayer", new InputKind(shape), List.of(new Call(List.of())), "/")
        .asHidden();
  }

  /**
   * Without a recorded input type, a network input has the rank of the activation its first
   * consuming layer takes and that layer's configured nIn; its other sizes are unknown.
   */
  private static Shape networkInput(
      Dl4jTyped layer, JsonNode preprocessor, java.util.function.IntSupplier rankDownstream) {
    int rank;
    long nIn;
    try {
      rank = Dl4jLayerBindings.inputRank(layer);
      nIn = Dl4jLayerBindings.nIn(layer);
    } catch (Dl4jConfigException e) {
      return null; // the layer's own problem is reported where it is built
    }
    Dl4jTyped pre;
    try {
      pre = Dl4jTyped.of(preprocessor, "preprocessor");
    } catch (Dl4jConfigException e) {
      pre = null;
    }
    if (pre != null) {
      Shape layerInput =
          rank == Dl4jLayerBindings.ANY
              ? null
              : Dl4jInputTypes.forRank(rank, nIn, rank > 2 && new Dl4jArgs(layer).channelsLast());
      Shape implied = Dl4jPreprocessors.networkInput(pre, nIn, layerInput);
      if (implied != null) {
        return implied;
      }
    }
    if (rank == Dl4jLayerBindings.ANY) {
      rank = rankDownstream.getAsInt();
      if (rank == Dl4jLayerBindings.ANY) {
        return null;
      }
    }
    Shape fixed = Dl4jLayerBindings.networkInput(layer);
    if (fixed != null) {
      return fixed;
    }
    return Dl4jInputTypes.forRank(rank, nIn, rank > 2 && new Dl4jArgs(layer).channelsLast());
  }

  /**
   * For a MultiLayerNetwork whose first layer takes any rank (batch normalization, activation,
   * dropout): the rank the first layer after it that fixes one takes, provided no preprocessor or
   * rank-changing layer sits between them; {@link Dl4jLayerBindings#ANY} when none does.
   */
  private static int rankAfter(JsonNode confs, JsonNode preprocessors) {
    for (int i = 1; i < confs.size(); i++) {
      if (preprocessors.has(String.valueOf(i))) {
        return Dl4jLayerBindings.ANY;
      }
      Dl4jTyped layer;
      int rank;
      try {
        layer = Dl4jTyped.of(confs.get(i).get("layer"), "layer");
        if (layer == null || Dl4jLayerBindings.changesRank(layer)) {
          return Dl4jLayerBindings.ANY;
        }
        rank = Dl4jLayerBindings.inputRank(layer);
      } catch (Dl4jConfigException e) {
        return Dl4jLayerBindings.ANY;
      }
      if (rank != Dl4jLayerBindings.ANY) {
        return rank;
      }
    }
    return Dl4jLayerBindings.ANY;
  }

  /**
   * The input shape of a graph input, from the layer vertices that consume it directly: the one
   * that fixes the most sizes (an EmbeddingSequenceLayer takes [mb, T] or [mb, 1, T], so an LSTM
   * beside it decides), the first on a tie. An index sequence that a vertex without a layer reads
   * too is the [mb, 1, T] array DL4J's recurrent(1, T) type names: the vertex sees that rank.
   */
  private static Shape consumerShape(String input, JsonNode vertices, JsonNode vertexInputs) {
    Shape best = null;
    boolean bestIsIndexSequence = false;
    boolean vertexReads = false;
    Iterator<Map.Entry<String, JsonNode>> it = vertexInputs.fields();
    while (it.hasNext()) {
      Map.Entry<String, JsonNode> e = it.next();
      boolean consumes = false;
      for (JsonNode n : e.getValue()) {
        consumes |= n.asText().equals(input);
      }
      if (!consumes) {
        continue;
      }
      try {
        Dl4jTyped v = Dl4jTyped.of(vertices.get(e.getKey()), "vertex");
        String layerField = v == null ? null : Dl4jVertexBindings.layerField(v);
        vertexReads |= v != null && layerField == null;
        if (layerField != null) {
          Dl4jTyped layer = Dl4jTyped.of(v.fields().path(layerField).get("layer"), "layer");
          if (layer != null) {
            Shape s =
                networkInput(layer, v.fields().get("preProcessor"), () -> Dl4jLayerBindings.ANY);
            // Only the input's rank is known when it is merged with others before the layer.
            Shape candidate =
                s == null || e.getValue().size() == 1
                    ? s
                    : Dl4jInputTypes.forRank(s.rank(), 0, false);
            if (candidate != null && (best == null || knownSizes(candidate) > knownSizes(best))) {
              best = candidate;
              bestIsIndexSequence = layer.name().equals("EmbeddingSequenceLayer");
            }
          }
        }
      } catch (Dl4jConfigException ignored) {
        // an unreadable consumer is reported where it is built
      }
    }
    if (vertexReads && bestIsIndexSequence && best.rank() == 2) {
      return Shape.of(null, 1L, null);
    }
    return best;
  }

  private static int knownSizes(Shape s) {
    int n = 0;
    for (int i = 1; i < s.rank(); i++) {
      n += s.dim(i) != null ? 1 : 0;
    }
    return n;
  }

  /**
   * DL4J flattens a ComputationGraph's parameters in its topological order, recorded as {@code
   * topologicalOrderStr} from 1.0.0-beta; older files: the vertices' order.
   */
  private static List<String> parameterOrder(JsonNode root, ModelGraph g) {
    List<String> order = new ArrayList<>();
    JsonNode recorded = root.get("topologicalOrderStr");
    if (recorded != null && recorded.isArray()) {
      for (JsonNode n : recorded) {
        Layer l = g.layer(n.asText());
        if (l != null && !l.hidden()) {
          order.add(l.name());
        }
      }
      if (order.size() == g.layers().stream().filter(l -> !l.hidden()).count()) {
        return order;
      }
      order.clear();
    }
    g.layers().stream().filter(l -> !l.hidden()).forEach(l -> order.add(l.name()));
    return order;
  }

  private void recordVariables(String name, JsonNode conf) {
    List<String> names = new ArrayList<>();
    JsonNode v = conf == null ? null : conf.get("variables");
    if (v != null && v.isArray()) {
      for (JsonNode n : v) {
        names.add(n.asText());
      }
    }
    variables.put(name, names);
  }

  private static String layerName(Dl4jTyped layer, String fallback) {
    JsonNode n = layer.fields().get("layerName");
    return n == null || n.isNull() || n.asText().isEmpty() ? fallback : n.asText();
  }

  private static List<String> strings(JsonNode array, String what) {
    if (array.isMissingNode() || array.isNull()) {
      return List.of();
    }
    if (!array.isArray()) {
      throw new Dl4jConfigException(what + " is not a list");
    }
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.asText()));
    return out;
  }

  private static String escape(String name) {
    return name.replace("~", "~0").replace("/", "~1");
  }
}
