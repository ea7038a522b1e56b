package io.modelaudit.gate;

import java.util.List;

/**
 * How one layer differs between two audits.
 *
 * @param before the old layer, null when added
 * @param after the new layer, null when removed
 * @param fields what changed: for {@code CHANGED} layers, every differing value; for {@code
 *     RENAMED} ones, the name; empty for added and removed layers
 */
public record LayerChange(
    Kind kind, LayerSnapshot before, LayerSnapshot after, List<FieldChange> fields) {
  public LayerChange {
    fields = List.copyOf(fields);
  }

  public enum Kind {
    ADDED,
    REMOVED,
    /** Another name, the same class, shapes and counts, in the same place among the layers. */
    RENAMED,
    CHANGED;

    public String id() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  /** The layer's name in the newer audit, or in the older one when it was removed. */
  public String name() {
    return after != null ? after.path() : before.path();
  }
}
