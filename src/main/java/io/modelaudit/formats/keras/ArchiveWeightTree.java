package io.modelaudit.formats.keras;

import io.modelaudit.formats.ModelFileException;
import io.modelaudit.ir.Shape;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The stored tensors of a Keras 3 archive as a tree of groups, whatever file held them ({@code
 * model.weights.h5} or {@code model.weights.npz}): {@code layers/dense/vars/0} is the group {@code
 * layers}, its group {@code dense}, its group {@code vars} and the tensor {@code 0}. Groups exist
 * also when they hold nothing, as Keras creates them for every layer.
 */
final class ArchiveWeightTree {
  static final List<String> LAYER_CONTAINERS = List.of("layers", "_layer_checkpoint_dependencies");
  static final int MAX_DEPTH = 64;
  private static final int MAX_TENSORS = 1_000_000;

  /**
   * A stored tensor: its shape (null when unreadable), where the file keeps it, and its element
   * type (null and 0 when unknown).
   */
  record Leaf(Shape shape, String location, String dtype, int itemBytes) {
    Leaf(Shape shape, String location) {
      this(shape, location, null, 0);
    }
  }

  final Map<String, ArchiveWeightTree> children = new TreeMap<>();
  final Map<String, Leaf> tensors = new TreeMap<>();
  private final int[] count;

  ArchiveWeightTree() {
    this(new int[1]);
  }

  private ArchiveWeightTree(int[] count) {
    this.count = count;
  }

  ArchiveWeightTree child(String name) {
    return children.computeIfAbsent(name, k -> new ArchiveWeightTree(count));
  }

  /** The group at {@code path} below this one, created with its parents when missing. */
  ArchiveWeightTree group(List<String> path, String file) {
    if (path.size() > MAX_DEPTH) {
      throw new ModelFileException(
          "corrupt", file + " nests groups more than " + MAX_DEPTH + " deep");
    }
    ArchiveWeightTree t = this;
    for (String segment : path) {
      t = t.child(segment);
    }
    return t;
  }

  void put(String name, Leaf leaf, String file) {
    if (++count[0] > MAX_TENSORS) {
      throw new ModelFileException(
          "corrupt", file + " holds more than " + MAX_TENSORS + " tensors");
    }
    tensors.put(name, leaf);
  }

  ArchiveWeightTree container() {
    for (String name : LAYER_CONTAINERS) {
      if (children.containsKey(name)) {
        return children.get(name);
      }
    }
    return null;
  }
}
