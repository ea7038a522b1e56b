package io.modelaudit.gate;

import io.modelaudit.ir.Shape;
import io.modelaudit.report.LayerReport;
import io.modelaudit.report.ModelReport;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Snapshots of audited models, taken from the audit's own reports. */
public final class Snapshots {
  private Snapshots() {}

  /** The snapshot of a report that is not an error. */
  public static ModelSnapshot of(ModelReport m) {
    if (m.totals() == null) {
      throw new IllegalArgumentException(m.path() + " was not audited");
    }
    ModelSnapshot.Framework framework =
        m.framework() == null
            ? null
            : new ModelSnapshot.Framework(
                m.framework().name(), m.framework().version(), m.framework().backend());
    ModelReport.Totals t = m.totals();
    ModelSnapshot.Totals totals =
        new ModelSnapshot.Totals(
            t.params(), t.trainable(), t.nonTrainable(), t.unverified(), t.stored(), t.complete());
    List<LayerSnapshot> layers = new ArrayList<>();
    for (LayerReport l : m.layers()) {
      layers.add(layer(l));
    }
    return new ModelSnapshot(m.path(), null, m.format(), framework, totals, layers);
  }

  private static LayerSnapshot layer(LayerReport l) {
    Map<String, List<Long>> weights = new LinkedHashMap<>();
    for (LayerReport.WeightReport w : l.weights()) {
      if (w.name() != null && w.shape() != null && !w.shape().isUnknown()) {
        weights.putIfAbsent(w.name(), w.shape().dims());
      }
    }
    return new LayerSnapshot(
        l.name(),
        l.path(),
        l.className(),
        shapes(l.outputShapes()),
        l.params(),
        l.trainable(),
        l.nonTrainable(),
        l.storedParams(),
        l.activation(),
        weights,
        l.config());
  }

  private static List<List<Long>> shapes(List<Shape> shapes) {
    if (shapes == null) {
      return null;
    }
    List<List<Long>> out = new ArrayList<>();
    for (Shape s : shapes) {
      out.add(s == null || s.isUnknown() ? null : s.dims());
    }
    return out;
  }
}
