package io.modelaudit.report.summary;

import io.modelaudit.report.LayerReport;
import io.modelaudit.report.ModelReport;
import java.util.HashSet;
import java.util.Set;

/** What the summary needs to know of a model's graph as a whole. */
final class ModelShape {
  private ModelShape() {}

  /**
   * True when the top-level layers form one chain: one input, each layer called once on one tensor,
   * and no tensor used twice. Keras' summary shows "Connected to" only for other models ({@code
   * sequential_like} in {@code print_summary}).
   */
  static boolean isChain(ModelReport model) {
    Set<String> used = new HashSet<>();
    int starts = 0;
    for (LayerReport l : model.layers()) {
      if (l.depth() > 0) {
        continue;
      }
      if (l.calls() != null || l.inbound().size() > 1) {
        return false;
      }
      if (l.inbound().isEmpty()) {
        starts++;
      } else if (!used.add(l.inbound().get(0))) {
        return false;
      }
    }
    return starts <= 1;
  }
}
