package io.modelaudit.formats.keras;

import io.jhdf.HdfFile;
import io.jhdf.api.Attribute;
import io.jhdf.api.Dataset;
import io.jhdf.api.Group;
import io.jhdf.api.Node;
import io.jhdf.object.datatype.VariableLength;
import io.modelaudit.formats.ModelFileException;
import io.modelaudit.formats.StoredTensor;
import io.modelaudit.formats.StoredWeights;
import io.modelaudit.ir.Cancellation;
import io.modelaudit.ir.Shape;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a Keras HDF5 model file: the root attributes and, for every layer listed in {@code
 * model_weights/layer_names}, the shapes of the datasets named by its {@code weight_names}. Only
 * headers are read, never weight data.
 */
public final class KerasH5Reader {
  /** model_config of the largest real models is a few MB. */
  private static final long MAX_ATTRIBUTE_BYTES = 256L << 20;

  private KerasH5Reader() {}

  /**
   * What a Keras HDF5 file says about itself. {@code modelConfig} is null for a weights-only file.
   * {@code archiveTree} is set instead of {@code stored} for a Keras 3 weights file ({@code
   * model.save_weights("x.weights.h5")}): its tensors are stored by position, not by layer name,
   * and are attributed to layers only once the architecture is known.
   */
  public record Contents(
      String modelConfig,
      String kerasVersion,
      String backend,
      StoredWeights stored,
      boolean hasWeights,
      ArchiveWeightTree archiveTree) {}

  /**
   * @throws ModelFileException when the HDF5 structure cannot be read (truncated or corrupt); jHDF
   *     reports such damage with a variety of runtime exceptions
   */
  public static Contents read(Path file) {
    try {
      return readStructure(file);
    } catch (ModelFileException | Cancellation.CancelledException e) {
      throw e;
    } catch (RuntimeException | StackOverflowError e) {
      String detail =
          e.getMessage() == null
              ? e.getClass().getSimpleName()
              : e.getMessage().lines().findFirst().orElse("");
      throw new ModelFileException("corrupt", "truncated or corrupt HDF5 file (" + detail + ")", e);
    }
  }

  private static Contents readStructure(Path file) {
    try (HdfFile hdf = H5Files.open(file)) {
      String config = stringAttribute(hdf, "model_config");
      String version = stringAttribute(hdf, "keras_version");
      String backend = stringAttribute(hdf, "backend");
      StoredWeights stored = new StoredWeights();
      boolean hasWeights = false;
      Node weightsNode = null;
      try {
        weightsNode = H5Links.follow(hdf.getChildren().get("model_weights"));
      } catch (H5Links.Unfollowed e) {
        stored.unreadable(
            new StoredWeights.Unreadable(null, "/model_weights", e.external(), e.getMessage()));
        hasWeights = true;
      }
      if (weightsNode != null && !(weightsNode instanceof Group)) {
        stored.unreadable(
            new StoredWeights.Unreadable(
                null, "/model_weights", false, "a " + kind(weightsNode) + ", not a group"));
        hasWeights = true;
      } else if (weightsNode instanceof Group) {
        readWeights((Group) weightsNode, stored);
        hasWeights = true;
      } else if (hasWeights) {
        // unreadable: recorded above
      } else if (config == null && !listAttribute(hdf, "layer_names").isEmpty()) {
        readWeights(hdf, stored);
        hasWeights = true;
      } else if (config == null && isKeras3WeightsFile(hdf)) {
        return new Contents(null, null, null, null, true, KerasArchiveWeights.tree(hdf));
      }
      if (version == null && weightsNode != null) {
        version = stringAttribute(weightsNode, "keras_version");
      }
      if (backend == null && weightsNode != null) {
        backend = stringAttribute(weightsNode, "backend");
      }
      return new Contents(config, version, backend, stored, hasWeights, null);
    }
  }

  /**
   * Whether an HDF5 file is a Keras weights-only file (no {@code model_config}, weights in either
   * layout); false for anything unreadable. Reads the root's attributes and links only.
   */
  public static boolean isWeightsOnly(Path file) {
    try (HdfFile hdf = H5Files.open(file)) {
      return hdf.getAttribute("model_config") == null
          && !(followed(hdf, "model_weights") instanceof Group)
          && (hdf.getAttribute("layer_names") != null || isKeras3WeightsFile(hdf));
    } catch (RuntimeException e) {
      return false;
    }
  }

  /**
   * The layout of Keras 3's {@code save_weights} (and of {@code model.weights.h5} in a {@code
   * .keras} archive): {@code layers/<storage name>/vars/<i>} (tf.keras 2.13–2.15: {@code
   * _layer_checkpoint_dependencies}), no {@code layer_names}.
   */
  private static boolean isKeras3WeightsFile(HdfFile hdf) {
    return ArchiveWeightTree.LAYER_CONTAINERS.stream()
        .anyMatch(c -> followed(hdf, c) instanceof Group);
  }

  /** A child of the root with soft links followed; null when absent or not followable. */
  private static Node followed(HdfFile hdf, String name) {
    try {
      return H5Links.follow(hdf.getChildren().get(name));
    } catch (H5Links.Unfollowed e) {
      return null;
    }
  }

  private static void readWeights(Group group, StoredWeights stored) {
    Map<Group, Map<String, Node>> garbledNames = new IdentityHashMap<>();
    StringAttributes heapStrings = new StringAttributes();
    for (String listed : listAttribute(group, "layer_names", heapStrings)) {
      Cancellation.check();
      Node linked = child(group, listed, garbledNames);
      String layer = linked == null ? listed : linked.getName();
      Node layerNode;
      try {
        layerNode = H5Links.follow(linked);
      } catch (H5Links.Unfollowed e) {
        stored.unreadable(
            new StoredWeights.Unreadable(layer, linked.getPath(), e.external(), e.getMessage()));
        stored.put(layer, List.of());
        continue;
      }
      List<StoredTensor> tensors = new ArrayList<>();
      if (layerNode instanceof Group) {
        Group layerGroup = (Group) layerNode;
        Set<String> seen = new HashSet<>();
        for (String weight : listAttribute(layerGroup, "weight_names", heapStrings)) {
          Found found = descendant(layerGroup, weight, garbledNames);
          if (found.unfollowed() != null) {
            stored.unreadable(
                new StoredWeights.Unreadable(
                    layer,
                    layerGroup.getPath() + found.name(),
                    found.unfollowed().external(),
                    found.unfollowed().getMessage()));
          }
          String name = found.node() == null && found.unfollowed() == null ? weight : found.name();
          if (!seen.add(name)) {
            // One dataset listed twice (Keras 3.1's Bidirectional) is stored once.
            stored.repeatedName(layer, weight);
            continue;
          }
          tensors.add(
              H5ElementTypes.tensor(
                  name,
                  datasetShape(layerGroup, found.node(), name),
                  layerGroup.getPath() + name,
                  found.node() instanceof Dataset d ? d : null));
        }
      } else if (layerNode != null) {
        stored.unreadable(
            new StoredWeights.Unreadable(
                layer, linked.getPath(), false, "a " + kind(layerNode) + ", not a group"));
        stored.put(layer, List.of());
        continue;
      } else {
        stored.absentLayer(layer);
      }
      stored.put(layer, tensors);
    }
  }

  private static String kind(Node node) {
    return node instanceof Dataset ? "dataset" : "node of type " + node.getType();
  }

  /**
   * A child by name. Names listed in attributes are read as UTF-8 ({@link StringAttributes}); a
   * name that reached us garbled all the same (its non-ASCII bytes decoded as ASCII) is matched
   * against the links garbled the same way, unless two links garble alike: then it matches none,
   * never the wrong one.
   */
  private static Node child(Group group, String name, Map<Group, Map<String, Node>> garbledNames) {
    Node exact = group.getChildren().get(name);
    if (exact != null) {
      return exact;
    }
    // Built once per group: looking each missing name up by scanning every child would make a
    // file with thousands of missing names quadratic.
    return garbledNames
        .computeIfAbsent(
            group,
            g -> {
              Map<String, Node> index = new HashMap<>();
              Set<String> ambiguous = new HashSet<>();
              for (Node n : g.getChildren().values()) {
                if (index.putIfAbsent(garbled(n.getName()), n) != null) {
                  ambiguous.add(garbled(n.getName()));
                }
              }
              index.keySet().removeAll(ambiguous);
              return index;
            })
        .get(name);
  }

  private static String garbled(String name) {
    return new String(name.getBytes(StandardCharsets.UTF_8), StandardCharsets.US_ASCII);
  }

  /**
   * What a weight name leads to below its layer group: the node (null when absent or behind a link
   * we do not follow), its path below the group as the file's link names spell it, and the link
   * that stopped the walk.
   */
  private record Found(Node node, String name, H5Links.Unfollowed unfollowed) {}

  /** A node below {@code group} by a {@code /}-separated path, segment by segment. */
  private static Found descendant(
      Group group, String path, Map<Group, Map<String, Node>> garbledNames) {
    Node node = group;
    StringBuilder name = new StringBuilder();
    for (String segment : path.split("/")) {
      if (segment.isEmpty()) {
        continue;
      }
      if (!(node instanceof Group)) {
        return new Found(null, name.toString(), null);
      }
      Node linked = child((Group) node, segment, garbledNames);
      if (linked == null) {
        return new Found(null, name.toString(), null);
      }
      name.append(name.length() == 0 ? "" : "/").append(linked.getName());
      try {
        node = H5Links.follow(linked);
      } catch (H5Links.Unfollowed e) {
        return new Found(null, name.toString(), e);
      }
    }
    return new Found(node == group ? null : node, name.toString(), null);
  }

  static Shape datasetShape(Group group, Node node, String path) {
    try {
      if (!(node instanceof Dataset)) {
        return null;
      }
      Dataset d = (Dataset) node;
      if (d.isScalar()) {
        return Shape.of();
      }
      long[] dims = new long[d.getDimensions().length];
      for (int i = 0; i < dims.length; i++) {
        dims[i] = d.getDimensions()[i];
      }
      Shape shape = Shape.ofKnown(dims);
      shape.size(); // a header claiming more elements than a long holds is damage, not a model
      return shape;
    } catch (ArithmeticException e) {
      throw new ModelFileException(
          "corrupt", "dataset " + group.getPath() + path + " claims an impossible shape");
    } catch (RuntimeException e) {
      return null;
    }
  }

  private static String stringAttribute(Node node, String name) {
    Attribute a = node.getAttribute(name);
    if (a == null) {
      return null;
    }
    if (a.getSizeInBytes() > MAX_ATTRIBUTE_BYTES || variableLengthBytes(a) > MAX_ATTRIBUTE_BYTES) {
      throw new ModelFileException(
          "corrupt",
          "attribute " + name + " is larger than " + (MAX_ATTRIBUTE_BYTES >> 20) + " MB");
    }
    Object data = a.getData();
    if (data instanceof String) {
      return (String) data;
    }
    if (data instanceof String[] && ((String[]) data).length == 1) {
      return ((String[]) data)[0];
    }
    if (data instanceof byte[]) {
      return new String((byte[]) data, java.nio.charset.StandardCharsets.UTF_8);
    }
    return null;
  }

  /**
   * The bytes a variable-length attribute's heap references claim, from the lengths they declare
   * (its size in bytes counts only the references); 0 for other attributes.
   */
  private static long variableLengthBytes(Attribute a) {
    if (!(a.getDataType() instanceof VariableLength)) {
      return 0;
    }
    VariableLength type = (VariableLength) a.getDataType();
    long element = type.getParent() == null ? 1 : Math.max(1, type.getParent().getSize());
    ByteBuffer refs = a.getBuffer().duplicate().order(ByteOrder.LITTLE_ENDIAN);
    long total = 0;
    for (int at = refs.position(); at + 4 <= refs.limit(); at += type.getSize()) {
      total += Integer.toUnsignedLong(refs.getInt(at)) * element;
    }
    return total;
  }

  /** A string-array attribute; an absent or empty one (shape [0]) reads as no strings. */
  /**
   * A list of names Keras stores as a string array attribute. A list too large for one HDF5 object
   * header (64 KB) Keras splits into {@code name0}, {@code name1}, … ({@code
   * save_attributes_to_hdf5_group}); they are read back in order.
   */
  private static List<String> listAttribute(Node node, String name) {
    return listAttribute(node, name, new StringAttributes());
  }

  private static List<String> listAttribute(Node node, String name, StringAttributes heapStrings) {
    Attribute whole = node.getAttribute(name);
    if (whole != null) {
      return strings(whole, heapStrings);
    }
    List<String> out = new ArrayList<>();
    for (int chunk = 0; ; chunk++) {
      Attribute part = node.getAttribute(name + chunk);
      if (part == null) {
        return out;
      }
      out.addAll(strings(part, heapStrings));
    }
  }

  private static List<String> strings(Attribute a, StringAttributes heapStrings) {
    List<String> out = new ArrayList<>();
    if (a == null || a.isEmpty()) {
      return out;
    }
    Object data;
    try {
      List<String> read = heapStrings.read(a);
      if (read != null) {
        return read;
      }
      data = a.getData();
    } catch (RuntimeException e) {
      return out;
    }
    if (data instanceof String) {
      out.add((String) data);
    } else if (data instanceof String[]) {
      for (String s : (String[]) data) {
        out.add(s);
      }
    } else if (data instanceof Object[]) {
      for (Object o : (Object[]) data) {
        out.add(
            o instanceof byte[]
                ? new String((byte[]) o, java.nio.charset.StandardCharsets.UTF_8)
                : String.valueOf(o));
      }
    }
    return out;
  }
}
