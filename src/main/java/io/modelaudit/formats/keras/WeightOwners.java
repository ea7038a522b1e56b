package io.modelaudit.formats.keras;

import io.modelaudit.formats.StoredTensor;
import io.modelaudit.formats.StoredWeights;
import io.modelaudit.ir.Layer;
import io.modelaudit.ir.ModelGraph;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Groups a flat list of named weights ({@code sequential/conv2d/kernel}, {@code dense_1/bias}) by
 * the top-level layer that owns them, for formats that list weights by name only (TF.js). The owner
 * is the first name segment that is a top-level layer; failing that, a layer inside a nested model,
 * which its top-level model owns; failing that, the first segment itself (which the comparison then
 * reports as a layer the configuration lacks). A name with a {@code ..} or {@code .} segment is no
 * layer's: it stays whole, and is reported so.
 */
final class WeightOwners {
  private WeightOwners() {}

  static StoredWeights group(List<StoredTensor> tensors, ModelGraph graph) {
    Map<String, String> owners = owners(graph);
    Map<String, List<StoredTensor>> byLayer = new LinkedHashMap<>();
    for (Layer l : graph.layers()) {
      byLayer.put(l.name(), new ArrayList<>());
    }
    for (StoredTensor t : tensors) {
      byLayer.computeIfAbsent(owner(t.name(), graph, owners), k -> new ArrayList<>()).add(t);
    }
    StoredWeights stored = new StoredWeights();
    byLayer.forEach(stored::put);
    return stored;
  }

  private static String owner(String weightName, ModelGraph graph, Map<String, String> owners) {
    String[] segments = weightName.split("/");
    int last = segments.length - 1;
    for (String segment : segments) {
      if (segment.equals("..") || segment.equals(".")) {
        // Not a path of layers: TF.js loads weights by exact name, so this one reaches no layer.
        return weightName;
      }
    }
    for (int i = 0; i < last; i++) {
      if (graph.layer(segments[i]) != null) {
        return segments[i];
      }
    }
    for (int i = 0; i < last; i++) {
      String owner = owners.get(segments[i]);
      if (owner != null) {
        return owner;
      }
    }
    return segments[0];
  }

  /** Names of layers inside nested models, at any depth → the top-level layer holding them. */
  private static Map<String, String> owners(ModelGraph graph) {
    Map<String, String> owners = new HashMap<>();
    for (Layer top : graph.layers()) {
      Deque<ModelGraph> bodies = new ArrayDeque<>();
      if (top.body() != null) {
        bodies.add(top.body());
      }
      while (!bodies.isEmpty()) {
        for (Layer inner : bodies.poll().layers()) {
          owners.putIfAbsent(inner.name(), top.name());
          if (inner.body() != null) {
            bodies.add(inner.body());
          }
        }
      }
    }
    return owners;
  }
}
