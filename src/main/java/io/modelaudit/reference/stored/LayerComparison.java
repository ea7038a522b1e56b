package io.modelaudit.reference.stored;

import io.modelaudit.compare.Finding;
import io.modelaudit.formats.StoredTensor;
import io.modelaudit.ir.Checked;
import java.util.List;

/**
 * How one layer's expected weights compare with what the file stores.
 *
 * @param matches expected weights with their stored counterparts (empty when ours are unknown)
 * @param stored every tensor the file stores for this layer, or null when the file has no entry
 */
public record LayerComparison(
    List<WeightMatch> matches, List<StoredTensor> stored, List<Finding> findings) {

  public Long storedParams() {
    if (stored == null) {
      return null;
    }
    long n = 0;
    for (StoredTensor t : stored) {
      n = Checked.add(n, t.size());
    }
    return n;
  }
}
