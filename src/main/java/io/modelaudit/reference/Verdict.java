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

  /**
   * True when this verdict's error findings make the rows of the layers they name mismatched (the
   * recorded reference's disagreements are the layer's own); false when they stay the model's
   * (Deeplearning4j's, which may be Deeplearning4j's misreading).
   */
  default boolean marksRows() {
    return false;
  }
}
