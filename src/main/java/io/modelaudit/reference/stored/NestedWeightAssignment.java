package io.modelaudit.reference.stored;

import io.modelaudit.formats.StoredTensor;
import io.modelaudit.infer.LayerInference;
import io.modelaudit.ir.Layer;
import io.modelaudit.ir.ModelGraph;
import io.modelaudit.ir.WeightSpec;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Splits the tensors stored for a nested model among its inner layers. Names decide where they can
 * ({@code sequential_1/dense_1/kernel:0}, Keras 1 {@code dense_1_W}, or the name of a layer further
 * down); otherwise the tensors are dealt out in layer order, as many to each layer as it expects.
 */
final class NestedWeightAssignment {
  static final String UNASSIGNED = "\u0000unassigned";

  private NestedWeightAssignment() {}

  static Map<String, List<StoredTensor>> assign(
      List<StoredTensor> stored, List<LayerInference> children) {
    Map<String, String> owners = owners(children);
    Map<String, List<StoredTensor>> byName = new LinkedHashMap<>();
    for (StoredTensor t : stored) {
      String owner = ownerByName(t.name(), children, owners);
      if (owner == null) {
        return byPosition(stored, children);
      }
      byName.computeIfAbsent(owner, k -> new ArrayList<>()).add(t);
    }
    return byName;
  }

  /**
   * Layer name → the child that holds it: each child's own name, then the names of the layers
   * inside nested children, at any depth (Keras writes {@code bn/gamma}, not {@code
   * inner/bn/gamma}, for a layer two models down).
   */
  private static Map<String, String> owners(List<LayerInference> children) {
    Map<String, String> owners = new HashMap<>();
    for (LayerInference c : children) {
      owners.put(c.layer().name(), c.layer().name());
    }
    for (LayerInference c : children) {
      Deque<ModelGraph> bodies = new ArrayDeque<>();
      if (c.layer().body() != null) {
        bodies.add(c.layer().body());
      }
      while (!bodies.isEmpty()) {
        for (Layer inner : bodies.poll().layers()) {
          owners.putIfAbsent(inner.name(), c.layer().name());
          if (inner.body() != null) {
            bodies.add(inner.body());
          }
        }
      }
    }
    return owners;
  }

  private static String ownerByName(
      String weightName, List<LayerInference> children, Map<String, String> owners) {
    String[] segments = weightName.split("/");
    for (int i = segments.length - 2; i >= 0; i--) {
      String owner = owners.get(stripSuffix(segments[i]));
      if (owner != null) {
        return owner;
      }
    }
    String leaf = segments[segments.length - 1];
    String best = null;
    for (String name : owners.keySet()) {
      if (leaf.startsWith(name + "_") && (best == null || name.length() > best.length())) {
        best = name;
      }
    }
    return best == null ? null : owners.get(best);
  }

  private static String stripSuffix(String segment) {
    int colon = segment.indexOf(':');
    return colon < 0 ? segment : segment.substring(0, colon);
  }

  private static Map<String, List<StoredTensor>> byPosition(
      List<StoredTensor> stored, List<LayerInference> children) {
    Map<String, List<StoredTensor>> out = new LinkedHashMap<>();
    int next = 0;
    for (LayerInference c : children) {
      List<WeightSpec> expected = c.weights();
      int n = expected == null ? 0 : expected.size();
      List<StoredTensor> mine = new ArrayList<>();
      for (int i = 0; i < n && next < stored.size(); i++) {
        mine.add(stored.get(next++));
      }
      out.put(c.layer().name(), mine);
    }
    if (next < stored.size()) {
      out.put(UNASSIGNED, new ArrayList<>(stored.subList(next, stored.size())));
    }
    return out;
  }
}
