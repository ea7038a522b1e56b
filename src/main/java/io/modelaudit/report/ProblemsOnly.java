package io.modelaudit.report;

import io.modelaudit.compare.Finding;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code --only-problems}: hands on only the models with a problem (not audited, a mismatch, a
 * finding that is not suppressed, or a layer that is not ok), each with only its layers that have
 * one, and the layers that contain those. The summary still counts every model.
 */
public final class ProblemsOnly implements ReportRenderer.ReportStream {
  private final ReportRenderer.ReportStream next;

  public ProblemsOnly(ReportRenderer.ReportStream next) {
    this.next = next;
  }

  @Override
  public void model(ModelReport m) {
    Set<String> flagged = new HashSet<>();
    for (Finding f : m.findings()) {
      if (f.suppressed() == null) {
        flagged.add(f.layer());
      }
    }
    for (LayerReport l : m.layers()) {
      if (!LayerReport.OK.equals(l.status())) {
        flagged.add(l.path());
      }
    }
    if (ModelReport.OK.equals(m.status()) && flagged.isEmpty()) {
      return;
    }
    List<LayerReport> kept = m.layers().stream().filter(l -> shown(l, flagged)).toList();
    next.model(kept.size() == m.layers().size() ? m : m.withLayers(kept));
  }

  /** A layer with a problem, or one that contains such a layer (a nested model). */
  private static boolean shown(LayerReport l, Set<String> flagged) {
    String inside = l.path() + "/";
    return flagged.stream()
        .anyMatch(p -> p != null && (p.equals(l.path()) || p.startsWith(inside)));
  }

  @Override
  public void finish(ReportCounts counts) {
    next.finish(counts);
  }
}
