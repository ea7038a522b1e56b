package io.modelaudit.formats.keras;

import io.jhdf.HdfFile;
import io.jhdf.api.Attribute;
import io.jhdf.api.Dataset;
import io.jhdf.api.Group;
import io.jhdf.api.Node;
import io.modelaudit.formats.ModelFileException;
import io.modelaudit.formats.StoredTensor;
import io.modelaudit.formats.StoredWeights;
import io.modelaudit.ir.Shape;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
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
   */
  public record Contents(
      String modelConfig,
      String kerasVersion,
      String backend,
      StoredWeights stored,
      boolean hasWeights) {}

  /**
   * @throws ModelFileException when the HDF5 structure cannot be read (truncated or corrupt); jHDF
   *     reports such damage with a variety of runtime exceptions
   */
  public static Contents read(Path file) {
    try {
      return readStructure(file);
    } catch (ModelFileException e) {
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
    try (HdfFile hdf = new HdfFile(file)) {
      String config = stringAttribute(hdf, "model_config");
      String version = stringAttribute(hdf, "keras_version");
      String backend = stringAttribute(hdf, "backend");
      Node weightsNode = hdf.getChildren().get("model_weights");
      StoredWeights stored = new StoredWeights();
      boolean hasWeights = false;
      if (weightsNode instanceof Group) {
        readWeights((Group) weightsNode, stored);
        hasWeights = true;
      } else if (config == null && hdf.getAttribute("layer_names") != null) {
        readWeights(hdf, stored);
        hasWeights = true;
      }
      if (version == null && weightsNode != null) {
        version = stringAttribute(weightsNode, "keras_version");
      }
      if (backend == null && weightsNode != null) {
        backend = stringAttribute(weightsNode, "backend");
      }
      return new Contents(config, version, backend, stored, hasWeights);
    }
  }

  private static void readWeights(Group group, StoredWeights stored) {
    for (String listed : strings(group.getAttribute("layer_names"))) {
      Node layerNode = child(group, listed);
      String layer = layerNode == null ? listed : layerNode.getName();
      List<StoredTensor> tensors = new ArrayList<>();
      if (layerNode instanceof Group) {
        Group layerGroup = (Group) layerNode;
        Set<String> seen = new HashSet<>();
        for (String weight : strings(layerGroup.getAttribute("weight_names"))) {
          Node dataset = descendant(layerGroup, weight);
          String name =
              dataset == null ? weight : dataset.getPath().substring(layerGroup.getPath().length());
          if (!seen.add(name)) {
            // One dataset listed twice (Keras 3.1's Bidirectional) is stored once.
            stored.repeatedName(layer, weight);
            continue;
          }
          tensors.add(
              new StoredTensor(
                  name, datasetShape(layerGroup, dataset, name), layerGroup.getPath() + name));
        }
      } else {
        stored.absentLayer(layer);
      }
      stored.put(layer, tensors);
    }
  }

  /**
   * A child by name. Keras writes names into ASCII-typed string attributes even when they are not
   * ASCII (a layer named {@code denseλ}); those read back garbled, while the HDF5 link names are
   * intact, so a garbled name is matched against the links read the same way.
   */
  private static Node child(Group group, String name) {
    Node exact = group.getChildren().get(name);
    if (exact != null) {
      return exact;
    }
    for (Node n : group.getChildren().values()) {
      if (garbled(n.getName()).equals(name)) {
        return n;
      }
    }
    return null;
  }

  private static String garbled(String name) {
    return new String(name.getBytes(StandardCharsets.UTF_8), StandardCharsets.US_ASCII);
  }

  /** A node below {@code group} by a {@code /}-separated path, segment by segment. */
  private static Node descendant(Group group, String path) {
    Node node = group;
    for (String segment : path.split("/")) {
      if (segment.isEmpty()) {
        continue;
      }
      if (!(node instanceof Group)) {
        return null;
      }
      node = child((Group) node, segment);
      if (node == null) {
        return null;
      }
    }
    return node == group ? null : node;
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
    if (a.getSizeInBytes() > MAX_ATTRIBUTE_BYTES) {
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

  /** A string-array attribute; an absent or empty one (shape [0]) reads as no strings. */
  private static List<String> strings(Attribute a) {
    List<String> out = new ArrayList<>();
    if (a == null || a.isEmpty()) {
      return out;
    }
    Object data;
    try {
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
