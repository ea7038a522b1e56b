package io.modelaudit.gate;

import java.util.List;

/**
 * How one audited model stands against the lock.
 *
 * @param locked the lock's entry, null for a new model
 * @param current the model as audited now (its lock path and hash)
 * @param diff how the audit differs from the lock's, null for a new model
 * @param breaches the limits the model exceeds
 */
public record BaselineVerdict(
    Status status,
    ModelSnapshot locked,
    ModelSnapshot current,
    ModelDiff diff,
    List<Limits.Breach> breaches) {

  public BaselineVerdict {
    breaches = List.copyOf(breaches);
  }

  public enum Status {
    /** The same bytes as in the lock. */
    UNCHANGED,
    /** Other bytes, the same audit: e.g. the weights were retrained. */
    RETRAINED,
    /** The audit differs from the lock's. */
    DRIFTED,
    /** Not in the lock. */
    NEW;

    public String id() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  /** Whether this model fails the check ({@code failRetrained}: retrained models fail too). */
  public boolean fails(boolean failRetrained) {
    return status == Status.DRIFTED
        || status == Status.NEW
        || (failRetrained && status == Status.RETRAINED)
        || !breaches.isEmpty();
  }

  /**
   * Compares a model with its lock entry.
   *
   * @param locked the lock's entry, or null
   * @param current the model now, with its lock path and hash
   */
  public static BaselineVerdict of(
      ModelSnapshot locked, ModelSnapshot current, List<Limits.Breach> breaches) {
    if (locked == null) {
      return new BaselineVerdict(Status.NEW, null, current, null, breaches);
    }
    ModelDiff diff = ModelDiff.between(locked, current);
    Status status;
    if (!diff.sameAudit()) {
      status = Status.DRIFTED;
    } else if (current.sha256() != null && current.sha256().equals(locked.sha256())) {
      status = diff.identical() ? Status.UNCHANGED : Status.DRIFTED;
    } else {
      status = Status.RETRAINED;
    }
    return new BaselineVerdict(status, locked, current, diff, breaches);
  }
}
