package io.modelaudit.reference;

import io.modelaudit.compare.Finding;
import java.util.List;

/** What one reference said about one model. */
public interface Verdict {

  /** The findings this reference adds to the model's, in order. */
  List<Finding> findings();

  /**
   * The rows and totals this verdict sets our numbers beside, or null. Only the stored reference
   * gives them: its findings are already in their rows.
   */
  default LayerTable table() {
    return null;
  }
}
