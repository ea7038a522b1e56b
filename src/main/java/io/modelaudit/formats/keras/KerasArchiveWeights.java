package io.modelaudit.formats.keras;

import io.jhdf.HdfFile;
import io.jhdf.api.Dataset;
import io.jhdf.api.Group;
import io.jhdf.api.Node;
import io.modelaudit.ir.Layer;
import io.modelaudit.ir.ModelGraph;
import io.modelaudit.reference.StoredTensor;
import io.modelaudit.reference.StoredWeights;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads the weights of a Keras 3 archive ({@code model.weights.h5}). Keras stores them by
 * position, not by name: a layer's own variables at {@code layers/<storage name>/vars/<i>}, those
 * of its sub-layers below ({@code cell/vars/0}, {@code forward_layer/cell/vars/0}, a nested
 * model's {@code layers/...}). The storage name comes from the layer's class, numbered in layer
 * order ({@code dense}, {@code dense_1}), so it is matched back to the configuration's layers.
 * Tensors are listed in the order the layer declares its weights (own variables, then its
 * sub-layers in construction order) and named after the layers they belong to
 * ({@code inner_dense/vars/0} for a layer inside a nested model).
 */
final class KerasArchiveWeights {
  private static final Pattern FIRST_WORD_BOUNDARY = Pattern.compile("(.)([A-Z][a-z]+)");
  private static final Pattern SECOND_WORD_BOUNDARY = Pattern.compile("([a-z])([A-Z])");
  /** Sub-objects in the order layers create them; Keras saves them alphabetically. */
  private static final List<String> CONSTRUCTION_ORDER = List.of("vars", "layers", "cell", "forward_layer",
      "backward_layer", "layer", "query_dense", "key_dense", "value_dense", "output_dense");

  private KerasArchiveWeights() {}

  static StoredWeights read(HdfFile hdf, ModelGraph graph) {
    StoredWeights stored = new StoredWeights();
    Node layersNode = hdf.getChildren().get("layers");
    Map<String, Node> groups = layersNode instanceof Group ? ((Group) layersNode).getChildren() : Map.of();
    Map<String, Layer> byStorageName = storageNames(graph);
    for (Map.Entry<String, Layer> e : byStorageName.entrySet()) {
      List<StoredTensor> tensors = new ArrayList<>();
      Node group = groups.get(e.getKey());
      if (group instanceof Group) {
        collect((Group) group, e.getValue().body(), "", tensors);
      }
      stored.put(e.getValue().name(), tensors);
    }
    for (Map.Entry<String, Node> e : groups.entrySet()) {
      if (!byStorageName.containsKey(e.getKey()) && e.getValue() instanceof Group) {
        List<StoredTensor> tensors = new ArrayList<>();
        collect((Group) e.getValue(), null, "", tensors);
        stored.put("layers/" + e.getKey(), tensors);
      }
    }
    return stored;
  }

  /** Storage name → layer, as Keras numbers them: snake-cased class name, then _1, _2, …. */
  static Map<String, Layer> storageNames(ModelGraph graph) {
    Map<String, Integer> used = new HashMap<>();
    Map<String, Layer> out = new java.util.LinkedHashMap<>();
    for (Layer layer : graph.layers()) {
      String base = snakeCase(layer.className());
      Integer n = used.get(base);
      used.put(base, n == null ? 0 : n + 1);
      out.put(n == null ? base : base + "_" + (n + 1), layer);
    }
    return out;
  }

  /** Keras' {@code naming.to_snake_case}. */
  static String snakeCase(String className) {
    String s = className.replaceAll("\\W+", "");
    s = FIRST_WORD_BOUNDARY.matcher(s).replaceAll("$1_$2");
    return SECOND_WORD_BOUNDARY.matcher(s).replaceAll("$1_$2").toLowerCase(Locale.ROOT);
  }

  /**
   * Adds the tensors below {@code group}: its {@code vars} by index, then its sub-objects.
   *
   * @param body the graph of the nested model this group stores, whose {@code layers} children
   *     are renamed after its layers; null for a plain layer
   */
  private static void collect(Group group, ModelGraph body, String prefix, List<StoredTensor> out) {
    List<Map.Entry<String, Node>> children = new ArrayList<>(group.getChildren().entrySet());
    children.sort(Comparator.comparing((Map.Entry<String, Node> c) -> rank(c.getKey())).thenComparing(Map.Entry::getKey));
    for (Map.Entry<String, Node> child : children) {
      String name = child.getKey();
      Node node = child.getValue();
      if (!(node instanceof Group)) {
        continue;
      }
      Group g = (Group) node;
      if (name.equals("vars")) {
        vars(g, prefix + "vars/", out);
      } else if (name.equals("layers") && body != null) {
        Map<String, Layer> inner = storageNames(body);
        for (Map.Entry<String, Layer> e : inner.entrySet()) {
          Node innerNode = g.getChildren().get(e.getKey());
          if (innerNode instanceof Group) {
            collect((Group) innerNode, e.getValue().body(), prefix + e.getValue().name() + "/", out);
          }
        }
        for (Map.Entry<String, Node> e : g.getChildren().entrySet()) {
          if (!inner.containsKey(e.getKey()) && e.getValue() instanceof Group) {
            collect((Group) e.getValue(), null, prefix + "layers/" + e.getKey() + "/", out);
          }
        }
      } else {
        collect(g, body, prefix + name + "/", out);
      }
    }
  }

  private static void vars(Group vars, String prefix, List<StoredTensor> out) {
    List<Map.Entry<String, Node>> items = new ArrayList<>(vars.getChildren().entrySet());
    items.sort(Comparator.comparing((Map.Entry<String, Node> e) -> index(e.getKey())).thenComparing(Map.Entry::getKey));
    for (Map.Entry<String, Node> e : items) {
      if (e.getValue() instanceof Dataset) {
        out.add(new StoredTensor(prefix + e.getKey(), KerasH5Reader.datasetShape(vars, e.getValue(), "/" + e.getKey()),
            e.getValue().getPath()));
      }
    }
  }

  private static int rank(String childName) {
    String bare = childName.startsWith("_") ? childName.substring(1) : childName;
    int i = CONSTRUCTION_ORDER.indexOf(bare);
    return i < 0 ? CONSTRUCTION_ORDER.size() : i;
  }

  private static long index(String name) {
    try {
      return Long.parseLong(name);
    } catch (NumberFormatException e) {
      return Long.MAX_VALUE;
    }
  }
}
