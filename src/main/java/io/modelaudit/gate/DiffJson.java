package io.modelaudit.gate;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** A model diff as JSON: the model's own changes, the layers' and the totals'. */
public final class DiffJson {
  private DiffJson() {}

  /** Puts {@code model}, {@code layers} and {@code totals} (lists of changes) into {@code n}. */
  public static void changes(ObjectNode n, ModelDiff diff) {
    fields(n.putArray("model"), diff.model());
    ArrayNode layers = n.putArray("layers");
    for (LayerChange c : diff.layers()) {
      ObjectNode l = layers.addObject();
      l.put("change", c.kind().id());
      l.put("name", c.name());
      if (c.before() != null) {
        l.set("before", SnapshotJson.layer(c.before()));
      }
      if (c.after() != null) {
        l.set("after", SnapshotJson.layer(c.after()));
      }
      fields(l.putArray("fields"), c.fields());
    }
    fields(n.putArray("totals"), diff.totals());
  }

  private static void fields(ArrayNode a, java.util.List<FieldChange> changes) {
    for (FieldChange c : changes) {
      ObjectNode f = a.addObject();
      f.put("field", c.field());
      f.set("before", SnapshotJson.value(c.before()));
      f.set("after", SnapshotJson.value(c.after()));
    }
  }
}
