package io.modelaudit.gate;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Pairs the layers of two audits and lists how they differ: layers are the same layer when they
 * have the same path (name); the others, between the same two named neighbours, are a rename when
 * class, shapes and counts agree, else one was removed and the other added.
 */
final class LayerAlignment {
  private LayerAlignment() {}

  static List<LayerChange> changes(List<LayerSnapshot> before, List<LayerSnapshot> after) {
    Map<String, LayerSnapshot> beforeByPath = byPath(before);
    Map<String, LayerSnapshot> afterByPath = byPath(after);
    List<List<LayerSnapshot>> removedGaps = gaps(before, afterByPath, beforeByPath);
    List<List<LayerSnapshot>> addedGaps = gaps(after, beforeByPath, afterByPath);
    List<LayerSnapshot> anchors = new ArrayList<>();
    for (LayerSnapshot l : after) {
      if (isAnchor(l, beforeByPath, afterByPath)) {
        anchors.add(l);
      }
    }
    List<LayerChange> out = new ArrayList<>();
    for (int g = 0; g <= anchors.size(); g++) {
      gap(removedGaps.get(g), addedGaps.get(g), out);
      if (g < anchors.size()) {
        LayerSnapshot now = anchors.get(g);
        LayerSnapshot then = beforeByPath.get(now.path());
        List<FieldChange> fields = fields(then, now);
        if (!fields.isEmpty()) {
          out.add(new LayerChange(LayerChange.Kind.CHANGED, then, now, fields));
        }
      }
    }
    return out;
  }

  /** Every value that differs between two layers of the same name. */
  static List<FieldChange> fields(LayerSnapshot a, LayerSnapshot b) {
    List<FieldChange> out = new ArrayList<>();
    field(out, "class", a.className(), b.className());
    // A lock or report written before configuration values were recorded compares without them.
    if (a.config() != null && b.config() != null) {
      Set<String> keys = new java.util.LinkedHashSet<>(a.config().keySet());
      keys.addAll(b.config().keySet());
      for (String k : keys) {
        field(out, "config." + k, a.config().get(k), b.config().get(k));
      }
    }
    field(out, "output_shapes", a.outputShapes(), b.outputShapes());
    field(out, "params", a.params(), b.params());
    field(out, "trainable", a.trainable(), b.trainable());
    field(out, "non_trainable", a.nonTrainable(), b.nonTrainable());
    field(out, "stored", a.stored(), b.stored());
    field(out, "activation", a.activation(), b.activation());
    Set<String> names = new java.util.LinkedHashSet<>(a.weights().keySet());
    names.addAll(b.weights().keySet());
    for (String w : names) {
      field(out, "weights." + w, a.weights().get(w), b.weights().get(w));
    }
    return out;
  }

  private static void field(List<FieldChange> out, String name, Object a, Object b) {
    if (!Objects.equals(a, b)) {
      out.add(new FieldChange(name, a, b));
    }
  }

  private static void gap(
      List<LayerSnapshot> removed, List<LayerSnapshot> added, List<LayerChange> out) {
    Set<Integer> used = new HashSet<>();
    int from = 0;
    for (LayerSnapshot old : removed) {
      int match = -1;
      for (int j = from; j < added.size(); j++) {
        if (!used.contains(j) && old.sameExceptName(added.get(j))) {
          match = j;
          break;
        }
      }
      if (match < 0) {
        out.add(new LayerChange(LayerChange.Kind.REMOVED, old, null, List.of()));
      } else {
        used.add(match);
        from = match + 1;
        LayerSnapshot renamed = added.get(match);
        out.add(
            new LayerChange(
                LayerChange.Kind.RENAMED,
                old,
                renamed,
                List.of(new FieldChange("name", old.path(), renamed.path()))));
      }
    }
    for (int j = 0; j < added.size(); j++) {
      if (!used.contains(j)) {
        out.add(new LayerChange(LayerChange.Kind.ADDED, null, added.get(j), List.of()));
      }
    }
  }

  /**
   * The layers of {@code layers} that have no namesake in {@code other}, grouped by how many
   * namesakes come before them: gap {@code g} lies between the {@code g}-th and the next anchor.
   */
  private static List<List<LayerSnapshot>> gaps(
      List<LayerSnapshot> layers,
      Map<String, LayerSnapshot> other,
      Map<String, LayerSnapshot> own) {
    List<List<LayerSnapshot>> gaps = new ArrayList<>();
    gaps.add(new ArrayList<>());
    for (LayerSnapshot l : layers) {
      if (isAnchor(l, other, own)) {
        gaps.add(new ArrayList<>());
      } else {
        gaps.get(gaps.size() - 1).add(l);
      }
    }
    return gaps;
  }

  /** A layer with a namesake on the other side (the first of its name on its own side). */
  private static boolean isAnchor(
      LayerSnapshot l, Map<String, LayerSnapshot> other, Map<String, LayerSnapshot> own) {
    return other.containsKey(l.path()) && own.get(l.path()) == l;
  }

  private static Map<String, LayerSnapshot> byPath(List<LayerSnapshot> layers) {
    Map<String, LayerSnapshot> out = new LinkedHashMap<>();
    for (LayerSnapshot l : layers) {
      out.putIfAbsent(l.path(), l);
    }
    return out;
  }
}
