package io.modelaudit.gate;

import io.modelaudit.report.TerminalText;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** A model diff as lines for people: one per changed layer, then the totals. */
public final class DiffText {
  private DiffText() {}

  /** The lines of a diff, each starting with {@code indent}. */
  public static List<String> lines(ModelDiff diff, String indent) {
    List<String> out = new ArrayList<>();
    for (FieldChange c : diff.model()) {
      out.add(indent + change(c));
    }
    for (LayerChange c : diff.layers()) {
      out.add(indent + layer(c));
    }
    if (!diff.totals().isEmpty()) {
      out.add(
          indent
              + "totals: "
              + diff.totals().stream()
                  .map(DiffText::totalChange)
                  .collect(Collectors.joining("; ")));
    }
    return out;
  }

  static String layer(LayerChange c) {
    switch (c.kind()) {
      case ADDED:
        return "+ " + title(c.after()) + ": added, " + summary(c.after());
      case REMOVED:
        return "- " + title(c.before()) + ": removed, " + summary(c.before());
      case RENAMED:
        return "= "
            + safe(c.before().path())
            + " → "
            + title(c.after())
            + ": renamed, "
            + summary(c.after());
      default:
        return "~ "
            + title(c.after())
            + ": "
            + c.fields().stream().map(DiffText::change).collect(Collectors.joining("; "));
    }
  }

  private static String title(LayerSnapshot l) {
    return safe(l.path()) + " (" + safe(l.className()) + ")";
  }

  private static String summary(LayerSnapshot l) {
    return "output " + shapes(l.outputShapes()) + ", " + count(l.params()) + " params";
  }

  private static String totalChange(FieldChange c) {
    String s = change(c);
    if (c.before() instanceof Long && c.after() instanceof Long) {
      long delta = (Long) c.after() - (Long) c.before();
      s += String.format(Locale.ROOT, " (%s%,d)", delta > 0 ? "+" : "", delta);
    }
    return s;
  }

  /** {@code field old → new}. */
  static String change(FieldChange c) {
    return c.field() + " " + value(c.field(), c.before()) + " → " + value(c.field(), c.after());
  }

  /** A value of a change: counts with separators, shapes Keras-style, text made terminal-safe. */
  static String value(String field, Object v) {
    if (v == null) {
      return "none";
    }
    if (v instanceof Long || v instanceof Integer) {
      return count(((Number) v).longValue());
    }
    if (field.equals("output_shapes")) {
      return shapes((List<?>) v);
    }
    if (v instanceof List) {
      return shape(v);
    }
    return safe(v.toString());
  }

  private static String shapes(List<?> shapes) {
    if (shapes == null) {
      return "unknown";
    }
    return shapes.stream().map(DiffText::shape).collect(Collectors.joining(", "));
  }

  private static String shape(Object dims) {
    if (dims == null) {
      return "(unknown)";
    }
    List<?> list = (List<?>) dims;
    String inner =
        list.stream().map(d -> d == null ? "None" : d.toString()).collect(Collectors.joining(", "));
    return "(" + inner + (list.size() == 1 ? ",)" : ")");
  }

  private static String count(Long n) {
    return n == null ? "?" : String.format(Locale.ROOT, "%,d", n);
  }

  private static String safe(String s) {
    return TerminalText.escape(s);
  }
}
