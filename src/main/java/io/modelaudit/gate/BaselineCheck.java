package io.modelaudit.gate;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The check of one run against a lock: it is given each audited model in turn and knows at the end
 * which of the lock's models were not found.
 */
public final class BaselineCheck {
  private final LockFile lock;
  private final Limits limits;
  private final List<String> scopes;
  private final boolean failRetrained;
  private final Set<String> seen = new HashSet<>();
  private final Map<BaselineVerdict.Status, Integer> counts =
      new EnumMap<>(BaselineVerdict.Status.class);
  private int overLimit;
  private boolean failing;

  /**
   * @param limits the command line's limits; the lock's apply where these are not set
   * @param scopes the lock paths of the command line's files and folders: the lock's models within
   *     them must be found
   * @param failRetrained whether a model whose bytes changed but whose audit did not fails
   */
  public BaselineCheck(LockFile lock, Limits limits, List<String> scopes, boolean failRetrained) {
    this.lock = lock;
    this.limits = limits.orElse(lock.limits());
    this.scopes = List.copyOf(scopes);
    this.failRetrained = failRetrained;
  }

  /** The verdict for one audited model ({@code current} carries its lock path and hash). */
  public BaselineVerdict add(ModelSnapshot current, long fileBytes) {
    seen.add(current.path());
    BaselineVerdict v =
        BaselineVerdict.of(
            lock.model(current.path()), current, limits.breaches(current, fileBytes));
    counts.merge(v.status(), 1, Integer::sum);
    overLimit += v.breaches().isEmpty() ? 0 : 1;
    failing |= v.fails(failRetrained);
    return v;
  }

  /** A model of the lock that could not be audited still counts as found. */
  public void addUnaudited(String lockPath) {
    seen.add(lockPath);
  }

  /** The lock's models, within the checked files and folders, that were not audited. */
  public List<ModelSnapshot> gone() {
    List<ModelSnapshot> out = new ArrayList<>();
    for (ModelSnapshot m : lock.models()) {
      if (!seen.contains(m.path())
          && scopes.stream().anyMatch(s -> LockPaths.within(m.path(), s))) {
        out.add(m);
      }
    }
    return out;
  }

  public int count(BaselineVerdict.Status status) {
    return counts.getOrDefault(status, 0);
  }

  public int overLimit() {
    return overLimit;
  }

  public Limits limits() {
    return limits;
  }

  public boolean failRetrained() {
    return failRetrained;
  }

  /** Whether the check fails: a model drifted, is new, over a limit or gone. */
  public boolean fails() {
    return failing || !gone().isEmpty();
  }
}
