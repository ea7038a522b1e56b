package io.modelaudit.gate;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * How two audits of a model differ. Pure: the same two snapshots give the same diff.
 *
 * @param model the model's own values that differ: {@code format}, {@code framework}
 * @param layers layer by layer, in the newer model's order (removed layers where they were)
 * @param totals the totals that differ: {@code params}, {@code trainable}, ...
 */
public record ModelDiff(
    List<FieldChange> model, List<LayerChange> layers, List<FieldChange> totals) {
  public ModelDiff {
    model = List.copyOf(model);
    layers = List.copyOf(layers);
    totals = List.copyOf(totals);
  }

  public static ModelDiff between(ModelSnapshot before, ModelSnapshot after) {
    List<FieldChange> model = new ArrayList<>();
    field(model, "format", before.format(), after.format());
    field(model, "framework", framework(before.framework()), framework(after.framework()));
    List<FieldChange> totals = new ArrayList<>();
    ModelSnapshot.Totals a = before.totals();
    ModelSnapshot.Totals b = after.totals();
    field(totals, "params", a.params(), b.params());
    field(totals, "trainable", a.trainable(), b.trainable());
    field(totals, "non_trainable", a.nonTrainable(), b.nonTrainable());
    field(totals, "unverified", a.unverified(), b.unverified());
    field(totals, "stored", a.stored(), b.stored());
    field(totals, "complete", a.complete(), b.complete());
    if (a.macs() != null && b.macs() != null) {
      // A lock written before compute costs has none: that is no change of the model.
      field(totals, "macs", a.macs(), b.macs());
    }
    if (a.weightBytes() != null && b.weightBytes() != null) {
      field(totals, "weight_bytes", a.weightBytes(), b.weightBytes());
    }
    return new ModelDiff(model, LayerAlignment.changes(before.layers(), after.layers()), totals);
  }

  /** No difference at all. */
  public boolean identical() {
    return model.isEmpty() && layers.isEmpty() && totals.isEmpty();
  }

  /**
   * The same audit: the same format, layers and totals (the framework's version may differ, as when
   * a model is retrained with a newer Keras).
   */
  public boolean sameAudit() {
    return layers.isEmpty()
        && totals.isEmpty()
        && model.stream().noneMatch(c -> c.field().equals("format"));
  }

  /** {@code keras 3.15.1 (jax)}, or null. */
  static String framework(ModelSnapshot.Framework f) {
    if (f == null) {
      return null;
    }
    StringBuilder s = new StringBuilder(String.valueOf(f.name()));
    if (f.version() != null) {
      s.append(' ').append(f.version());
    }
    if (f.backend() != null) {
      s.append(" (").append(f.backend()).append(')');
    }
    return s.toString();
  }

  private static void field(List<FieldChange> out, String name, Object a, Object b) {
    if (!Objects.equals(a, b)) {
      out.add(new FieldChange(name, a, b));
    }
  }
}
