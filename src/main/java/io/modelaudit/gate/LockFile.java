package io.modelaudit.gate;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A baseline: the audits of a set of models as they were accepted, and the limits they must keep.
 * Models are sorted by path, one per path.
 */
public record LockFile(Limits limits, List<ModelSnapshot> models) {
  public static final int LOCK_VERSION = 1;

  public LockFile {
    Map<String, ModelSnapshot> byPath = new LinkedHashMap<>();
    for (ModelSnapshot m : models) {
      byPath.put(m.path(), m);
    }
    List<ModelSnapshot> sorted = new ArrayList<>(byPath.values());
    sorted.sort(Comparator.comparing(ModelSnapshot::path));
    models = List.copyOf(sorted);
  }

  public ModelSnapshot model(String path) {
    for (ModelSnapshot m : models) {
      if (m.path().equals(path)) {
        return m;
      }
    }
    return null;
  }
}
