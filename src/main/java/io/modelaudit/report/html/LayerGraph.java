package io.modelaudit.report.html;

import io.modelaudit.report.LayerReport;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A model's layers as a graph to draw: one node per layer (a nested model is a group holding its
 * layers) and one edge per distinct inbound connection of any call, from the producing layer to the
 * consuming one. Inbound names are resolved within the consumer's own model; a name that is no
 * layer there (the implicit input of a nested Sequential) has no edge.
 *
 * @param parent for each layer (by index in {@code layers}), the index of the nested model holding
 *     it, or -1 at the top level
 */
record LayerGraph(List<LayerReport> layers, int[] parent, List<Edge> edges) {
  /** Keras' {@code name[call][tensor]} form of an inbound tensor. */
  private static final Pattern CALL_SUFFIX = Pattern.compile("^(.*?)(\\[\\d+]\\[\\d+])?$");

  record Edge(int from, int to) {}

  boolean isGroup(int i) {
    return i + 1 < layers.size() && parent[i + 1] == i;
  }

  static LayerGraph of(List<LayerReport> layers) {
    int n = layers.size();
    int[] parent = new int[n];
    // Nested layers follow the model that holds them, one level deeper.
    List<Integer> open = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      int depth = layers.get(i).depth();
      while (open.size() > depth) {
        open.remove(open.size() - 1);
      }
      parent[i] = depth == 0 || open.size() < depth ? -1 : open.get(depth - 1);
      open.add(i);
    }
    Map<String, Integer> byScopedName = new HashMap<>();
    for (int i = 0; i < n; i++) {
      byScopedName.putIfAbsent(parent[i] + "/" + layers.get(i).name(), i);
    }
    Set<Edge> edges = new LinkedHashSet<>();
    for (int i = 0; i < n; i++) {
      LayerReport l = layers.get(i);
      List<List<String>> inbounds = new ArrayList<>();
      if (l.calls() == null) {
        inbounds.add(l.inbound());
      } else {
        l.calls().forEach(c -> inbounds.add(c.inbound()));
      }
      for (List<String> inbound : inbounds) {
        if (inbound == null) {
          continue;
        }
        for (String name : inbound) {
          Matcher m = CALL_SUFFIX.matcher(name);
          String bare = m.matches() ? m.group(1) : name;
          Integer from = byScopedName.get(parent[i] + "/" + bare);
          if (from != null && from != i) {
            edges.add(new Edge(from, i));
          }
        }
      }
    }
    return new LayerGraph(List.copyOf(layers), parent, List.copyOf(edges));
  }
}
