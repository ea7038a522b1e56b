package io.modelaudit.gate;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Check's additions to the JSON report: a {@code baseline} object per model, and one at the end.
 */
public final class BaselineJson {
  private BaselineJson() {}

  public static void model(ObjectNode n, BaselineVerdict v, boolean failRetrained) {
    n.put("status", v.status().id());
    n.put("path", v.current().path());
    n.put("sha256", v.current().sha256());
    n.put("locked_sha256", v.locked() == null ? null : v.locked().sha256());
    if (v.diff() == null) {
      n.putNull("changes");
    } else {
      DiffJson.changes(n.putObject("changes"), v.diff());
    }
    ArrayNode breaches = n.putArray("limits_exceeded");
    for (Limits.Breach b : v.breaches()) {
      ObjectNode o = breaches.addObject();
      o.put("limit", b.limit());
      o.put("max", b.max());
      o.put("actual", b.actual());
    }
    n.put("fails", v.fails(failRetrained));
  }

  public static void summary(ObjectNode n, BaselineCheck check, String lockName) {
    n.put("lock", lockName);
    ObjectNode limits = n.putObject("limits");
    limits.put("max_params", check.limits().maxParams());
    limits.put("max_file_bytes", check.limits().maxFileBytes());
    limits.put("max_macs", check.limits().maxMacs());
    limits.put("max_weight_bytes", check.limits().maxWeightBytes());
    ObjectNode s = n.putObject("summary");
    for (BaselineVerdict.Status status : BaselineVerdict.Status.values()) {
      s.put(status.id(), check.count(status));
    }
    s.put("gone", check.gone().size());
    s.put("over_limit", check.overLimit());
    ArrayNode gone = n.putArray("gone");
    for (ModelSnapshot m : check.gone()) {
      gone.addObject().put("path", m.path()).put("sha256", m.sha256());
    }
    n.put("fails", check.fails());
  }
}
