package io.modelaudit.formats.keras;

import io.jhdf.HdfFile;
import io.jhdf.api.Dataset;
import io.jhdf.api.Group;
import io.jhdf.api.Node;
import io.modelaudit.formats.ModelFileException;
import io.modelaudit.formats.StoredTensor;
import io.modelaudit.formats.StoredWeights;
import io.modelaudit.ir.Layer;
import io.modelaudit.ir.ModelGraph;
import io.modelaudit.ir.Shape;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Attributes the weights of a Keras 3 archive to the model's layers, from the tree of stored
 * tensors that {@link #read} builds from {@code model.weights.h5} and {@link
 * KerasArchiveNpzWeights} from {@code model.weights.npz}. Keras stores them by position, not by
 * name: a layer's own variables at {@code layers/<storage name>/vars/<i>}, those of its sub-layers
 * below ({@code cell/vars/0}, {@code forward_layer/cell/vars/0}, a nested model's {@code
 * layers/...}). tf.keras 2.13–2.15 wrote {@code _layer_checkpoint_dependencies} instead of {@code
 * layers}, and archives saved on Windows have backslashes inside link names.
 *
 * <p>The storage name comes from the layer's class ({@code dense}, {@code dense_1}, …; tf.keras
 * skips numbers), so each class's stored groups, in suffix order, are matched to that class's
 * layers in configuration order. Tensors are listed in the order the layer declares its weights
 * (own variables, then its sub-layers in construction order) and named after the layers they belong
 * to ({@code inner_dense/vars/0} for a layer inside a nested model).
 */
final class KerasArchiveWeights {
  private static final Pattern FIRST_WORD_BOUNDARY = Pattern.compile("(.)([A-Z][a-z]+)");
  private static final Pattern SECOND_WORD_BOUNDARY = Pattern.compile("([a-z])([A-Z])");
  private static final Pattern NUMBERED = Pattern.compile("(.*?)(?:_(\\d{1,9}))?");
  private static final List<String> LAYER_CONTAINERS = ArchiveWeightTree.LAYER_CONTAINERS;

  /** Sub-objects in the order layers create them; Keras saves them alphabetically. */
  private static final List<String> CONSTRUCTION_ORDER =
      List.of(
          "vars",
          "layers",
          "_layer_checkpoint_dependencies",
          "cell",
          "forward_layer",
          "backward_layer",
          "layer",
          "query_dense",
          "key_dense",
          "gate_dense",
          "value_dense",
          "output_dense");

  /**
   * Public Keras 3.15.1 classes whose exported name (the configuration's {@code class_name}) is not
   * their Python class name (every {@code KerasSaveable} exported under {@code keras.*}).
   */
  private static final Map<String, String> PYTHON_CLASS_NAMES =
      Map.of("GroupQueryAttention", "GroupedQueryAttention");

  private static final List<String> TRAINING_STATE = List.of("optimizer", "metrics");

  private KerasArchiveWeights() {}

  /** The datasets of {@code model.weights.h5}, as a tree of storage names. */
  static ArchiveWeightTree tree(HdfFile hdf) {
    ArchiveWeightTree root = new ArchiveWeightTree();
    addDatasets(hdf, root, 0, false, new java.util.HashSet<>());
    return root;
  }

  /** A group as walked: at its own place, or below a soft link that leads to it or to a parent. */
  private record Walked(long address, boolean throughLink) {
    // equals and hashCode written out: a record's own are linked through invokedynamic on first
    // use, 10 ms of auditing a .keras file (docs/benchmarks.md).
    @Override
    public boolean equals(Object o) {
      return o instanceof Walked w && address == w.address && throughLink == w.throughLink;
    }

    @Override
    public int hashCode() {
      return Long.hashCode(address) * 31 + (throughLink ? 1 : 0);
    }
  }

  /** The stored tensors of {@code root}, each attributed to its layer of {@code graph}. */
  static StoredWeights match(ArchiveWeightTree root, ModelGraph graph) {
    StoredWeights stored = new StoredWeights(true);
    if (KerasGraphBuilder.isSubclassedModel(graph)) {
      // The model's own objects are its attributes: everything but the training state is its
      // weights.
      List<StoredTensor> tensors = new ArrayList<>();
      root.children.keySet().removeAll(TRAINING_STATE);
      collect(root, null, "", tensors);
      stored.put(graph.layers().get(0).name(), tensors);
      return stored;
    }
    ArchiveWeightTree container = root.container();
    Map<String, ArchiveWeightTree> groups = container == null ? Map.of() : container.children;
    Map<String, Layer> byStorageName = storageNames(graph, groups.keySet());
    for (Layer layer : graph.layers()) {
      stored.put(layer.name(), new ArrayList<>());
    }
    for (Map.Entry<String, ArchiveWeightTree> e : groups.entrySet()) {
      Layer layer = byStorageName.get(e.getKey());
      List<StoredTensor> tensors = new ArrayList<>();
      collect(e.getValue(), layer, "", tensors);
      if (layer != null) {
        stored.put(layer.name(), tensors);
      } else if (!tensors.isEmpty()) {
        stored.put("layers/" + e.getKey(), tensors);
      }
    }
    return stored;
  }

  /**
   * @param throughLink whether the walk came here through a soft link: a soft link is followed as
   *     Keras follows it, so its target is walked there, and again at its own place (where Keras
   *     never looks for weights, so that copy is unused)
   * @param visited the groups walked: HDF5 hard links can make one group the child of several
   *     others (or of itself), and walking every path through such links is exponential. Each group
   *     is walked at most twice, at its own place and below one soft link.
   */
  private static void addDatasets(
      Group group,
      ArchiveWeightTree tree,
      int depth,
      boolean throughLink,
      java.util.Set<Walked> visited) {
    if (depth > ArchiveWeightTree.MAX_DEPTH) {
      throw new ModelFileException(
          "corrupt",
          KerasArchiveImporter.WEIGHTS_H5
              + " nests groups more than "
              + ArchiveWeightTree.MAX_DEPTH
              + " deep");
    }
    if (!visited.add(new Walked(group.getAddress(), throughLink))) {
      throw new ModelFileException(
          "corrupt",
          KerasArchiveImporter.WEIGHTS_H5
              + " links one group ("
              + group.getName()
              + ") from two places; Keras never does");
    }
    for (Map.Entry<String, Node> e : group.getChildren().entrySet()) {
      String[] segments = e.getKey().split("\\\\");
      ArchiveWeightTree target =
          tree.group(
              Arrays.asList(segments).subList(0, segments.length - 1),
              KerasArchiveImporter.WEIGHTS_H5);
      String last = segments[segments.length - 1];
      Node node = e.getValue();
      boolean linked = throughLink || node.isLink();
      try {
        node = H5Links.follow(node);
      } catch (H5Links.Unfollowed u) {
        throw new ModelFileException(
            "corrupt",
            KerasArchiveImporter.WEIGHTS_H5
                + " stores weights at "
                + group.getPath()
                + e.getKey()
                + ", which is "
                + u.getMessage()
                + (u.external() ? "" : ": they cannot be read"));
      }
      if (node instanceof Group) {
        addDatasets((Group) node, target.child(last), depth + 1, linked, visited);
      } else if (node instanceof Dataset) {
        Dataset d = (Dataset) node;
        Shape shape = KerasH5Reader.datasetShape(d.getParent(), d, "/" + last);
        StoredTensor typed = H5ElementTypes.tensor(last, shape, d.getPath(), d);
        target.put(
            last,
            new ArchiveWeightTree.Leaf(shape, d.getPath(), typed.dtype(), typed.itemBytes()),
            KerasArchiveImporter.WEIGHTS_H5);
      }
    }
  }

  /**
   * Stored group name → layer. The groups of one class, in the order of their numeric suffix,
   * belong to that class's layers in configuration order.
   */
  static Map<String, Layer> storageNames(ModelGraph graph, Iterable<String> groupNames) {
    Map<String, TreeMap<Long, String>> groupsByBase = new LinkedHashMap<>();
    for (String g : groupNames) {
      Matcher m = NUMBERED.matcher(g);
      m.matches();
      long n = m.group(2) == null ? 0 : Long.parseLong(m.group(2));
      groupsByBase.computeIfAbsent(m.group(1), k -> new TreeMap<>()).put(n, g);
    }
    Map<String, List<Layer>> layersByBase = new LinkedHashMap<>();
    for (Layer layer : graph.layers()) {
      layersByBase
          .computeIfAbsent(storageBase(layer.className()), k -> new ArrayList<>())
          .add(layer);
    }
    Map<String, Layer> out = new LinkedHashMap<>();
    layersByBase.forEach(
        (base, layers) -> {
          List<String> groups =
              new ArrayList<>(groupsByBase.getOrDefault(base, new TreeMap<>()).values());
          for (int i = 0; i < Math.min(groups.size(), layers.size()); i++) {
            out.put(groups.get(i), layers.get(i));
          }
        });
    return out;
  }

  /**
   * The storage name of a class's first layer: Keras names a layer's group after its Python class,
   * while the configuration names a public class by the name Keras exports it under.
   */
  static String storageBase(String className) {
    return snakeCase(PYTHON_CLASS_NAMES.getOrDefault(className, className));
  }

  /** Keras' {@code naming.to_snake_case}. */
  static String snakeCase(String className) {
    String s = className.replaceAll("\\W+", "");
    s = FIRST_WORD_BOUNDARY.matcher(s).replaceAll("$1_$2");
    return SECOND_WORD_BOUNDARY.matcher(s).replaceAll("$1_$2").toLowerCase(Locale.ROOT);
  }

  /**
   * Adds the tensors of the layer stored at {@code tree}: its {@code vars} by index, then its
   * sub-objects, those its class lists first in the order it creates them.
   *
   * @param layer the layer stored here, whose nested model's layer container's children are renamed
   *     after its layers; null when unknown
   */
  private static void collect(
      ArchiveWeightTree tree, Layer layer, String prefix, List<StoredTensor> out) {
    collect(
        tree,
        layer == null ? null : layer.body(),
        layer == null ? List.of() : KerasHubBindings.archiveSubLayerOrder(layer.className()),
        prefix,
        out);
  }

  /**
   * Adds the tensors below {@code tree}: its {@code vars} by index, then its sub-objects.
   *
   * @param body the graph of the nested model stored here, whose layer container's children are
   *     renamed after its layers; null for a plain layer
   * @param subLayerOrder sub-objects of this group in creation order, ranked before the others
   */
  private static void collect(
      ArchiveWeightTree tree,
      ModelGraph body,
      List<String> subLayerOrder,
      String prefix,
      List<StoredTensor> out) {
    List<Map.Entry<String, ArchiveWeightTree>> children = new ArrayList<>(tree.children.entrySet());
    children.sort(
        Comparator.comparing(
                (Map.Entry<String, ArchiveWeightTree> c) -> rank(c.getKey(), subLayerOrder))
            .thenComparing(Map.Entry::getKey));
    for (Map.Entry<String, ArchiveWeightTree> child : children) {
      String name = child.getKey();
      ArchiveWeightTree sub = child.getValue();
      if (name.equals("vars")) {
        vars(sub, prefix + "vars/", out);
      } else if (LAYER_CONTAINERS.contains(name) && body != null) {
        Map<String, Layer> inner = storageNames(body, sub.children.keySet());
        for (Map.Entry<String, ArchiveWeightTree> e : sub.children.entrySet()) {
          Layer layer = inner.get(e.getKey());
          if (layer != null) {
            collect(e.getValue(), layer, prefix + layer.name() + "/", out);
          } else {
            collect(e.getValue(), null, List.of(), prefix + name + "/" + e.getKey() + "/", out);
          }
        }
      } else {
        collect(sub, body, List.of(), prefix + name + "/", out);
      }
    }
  }

  private static void vars(ArchiveWeightTree vars, String prefix, List<StoredTensor> out) {
    List<Map.Entry<String, ArchiveWeightTree.Leaf>> items =
        new ArrayList<>(vars.tensors.entrySet());
    items.sort(
        Comparator.comparing((Map.Entry<String, ArchiveWeightTree.Leaf> e) -> index(e.getKey()))
            .thenComparing(Map.Entry::getKey));
    for (Map.Entry<String, ArchiveWeightTree.Leaf> e : items) {
      ArchiveWeightTree.Leaf leaf = e.getValue();
      out.add(
          new StoredTensor(
              prefix + e.getKey(), leaf.shape(), leaf.location(), leaf.dtype(), leaf.itemBytes()));
    }
  }

  /** Own variables first, then the class's sub-layers in creation order, then the others. */
  private static int rank(String childName, List<String> subLayerOrder) {
    String bare =
        childName.startsWith("_") && !LAYER_CONTAINERS.contains(childName)
            ? childName.substring(1)
            : childName;
    int i = CONSTRUCTION_ORDER.indexOf(bare);
    if (i == 0) {
      return 0;
    }
    int own = subLayerOrder.indexOf(bare);
    if (own >= 0) {
      return 1 + own;
    }
    return 1 + subLayerOrder.size() + (i < 0 ? CONSTRUCTION_ORDER.size() : i);
  }

  private static long index(String name) {
    try {
      return Long.parseLong(name);
    } catch (NumberFormatException e) {
      return Long.MAX_VALUE;
    }
  }
}
