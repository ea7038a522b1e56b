package io.modelaudit.compare;

import io.modelaudit.infer.LayerInference;
import io.modelaudit.ir.WeightSpec;
import io.modelaudit.reference.StoredTensor;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Splits the tensors stored for a nested model among its inner layers. Names decide where they
 * can ({@code sequential_1/dense_1/kernel:0}, Keras 1 {@code dense_1_W}); otherwise the tensors
 * are dealt out in layer order, as many to each layer as it expects.
 */
final class NestedWeightAssignment {
  static final String UNASSIGNED = "\u0000unassigned";

  private NestedWeightAssignment() {}

  static Map<String, List<StoredTensor>> assign(List<StoredTensor> stored, List<LayerInference> children) {
    Map<String, List<StoredTensor>> byName = new LinkedHashMap<>();
    boolean allNamed = true;
    for (StoredTensor t : stored) {
      String owner = ownerByName(t.name(), children);
      if (owner == null) {
        allNamed = false;
        break;
      }
      byName.computeIfAbsent(owner, k -> new ArrayList<>()).add(t);
    }
    return allNamed ? byName : byPosition(stored, children);
  }

  private static String ownerByName(String weightName, List<LayerInference> children) {
    String[] segments = weightName.split("/");
    for (int i = segments.length - 2; i >= 0; i--) {
      String segment = stripSuffix(segments[i]);
      for (LayerInference c : children) {
        if (c.layer().name().equals(segment)) {
          return segment;
        }
      }
    }
    String leaf = segments[segments.length - 1];
    String best = null;
    for (LayerInference c : children) {
      String n = c.layer().name();
      if (leaf.startsWith(n + "_") && (best == null || n.length() > best.length())) {
        best = n;
      }
    }
    return best;
  }

  private static String stripSuffix(String segment) {
    int colon = segment.indexOf(':');
    return colon < 0 ? segment : segment.substring(0, colon);
  }

  private static Map<String, List<StoredTensor>> byPosition(List<StoredTensor> stored, List<LayerInference> children) {
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
