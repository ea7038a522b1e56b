package io.modelaudit.report;

import io.modelaudit.compare.Finding;
import io.modelaudit.compare.Rule;
import io.modelaudit.ir.Formulas;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** A per-layer table like Keras' {@code model.summary()}, then totals and findings. */
public final class TextRenderer implements ReportRenderer {
  /** Marks a layer verified from the input shape the file records instead of one we inferred. */
  private static final String RESUMED_MARK = "†";

  private static boolean resumed(LayerReport l) {
    return l.recorded() != null && l.recorded().resumed();
  }

  private static final String RESET = "\u001b[0m";
  private final boolean color;

  public TextRenderer(boolean color) {
    this.color = color;
  }

  @Override
  public ReportStream open(String toolVersion, PrintWriter out) {
    return new ReportStream() {
      private boolean first = true;

      @Override
      public void model(ModelReport m) {
        if (m.status().equals(ModelReport.ERROR)) {
          return;
        }
        if (!first) {
          out.println();
        }
        first = false;
        TextRenderer.this.model(m, out);
        out.flush();
      }

      @Override
      public void finish(ReportCounts counts) {
        if (counts.models() > 1) {
          out.println();
          out.printf(
              "%d models: %d ok, %d with mismatches, %d could not be read%n",
              counts.models(), counts.ok(), counts.mismatch(), counts.error());
        }
        if (counts.skipped() > 0) {
          if (counts.models() <= 1 && !first) {
            out.println();
          }
          out.printf(
              "%d %s skipped: not models (--verbose lists them)%n",
              counts.skipped(), counts.skipped() == 1 ? "file" : "files");
        }
        out.flush();
      }
    };
  }

  private void model(ModelReport m, PrintWriter out) {
    StringBuilder title = new StringBuilder(safe(m.path())).append("  ").append(safe(m.format()));
    if (m.framework() != null && m.framework().version() != null) {
      title
          .append(" · ")
          .append(safe(capitalize(m.framework().name())))
          .append(' ')
          .append(safe(m.framework().version()));
      if (m.framework().backend() != null) {
        title.append(" (").append(safe(m.framework().backend())).append(')');
      }
    }
    if (m.modelName() != null) {
      title.append(" · model \"").append(safe(m.modelName())).append('"');
    }
    out.println(title);
    if (m.architecture() != null) {
      out.println("architecture read from " + safe(m.architecture()));
    }

    List<String[]> rows = new ArrayList<>();
    for (LayerReport l : m.layers()) {
      String indent = "  ".repeat(l.depth());
      String params =
          l.params() == null
              ? "?"
              : Formulas.number(l.params()) + ("stored".equals(l.paramsSource()) ? "*" : "");
      String status = l.status() + (resumed(l) ? RESUMED_MARK : "");
      rows.add(
          new String[] {
            indent + safe(l.name()) + " (" + safe(l.className()) + ")", shapes(l), params, status
          });
    }
    String[] header = {"Layer (type)", "Output Shape", "Param #", "Status"};
    int[] width = new int[4];
    for (int i = 0; i < 4; i++) {
      width[i] = header[i].length();
      for (String[] r : rows) {
        width[i] = Math.max(width[i], r[i].length());
      }
    }
    int total = width[0] + width[1] + width[2] + width[3] + 6;
    String rule = "─".repeat(total);
    out.println(rule);
    out.println(row(header, width, false));
    out.println(rule);
    for (String[] r : rows) {
      out.println(row(r, width, color));
    }
    out.println(rule);
    ModelReport.Totals t = m.totals();
    String stored =
        t.stored() == null ? "" : "   (stored in the file: " + Formulas.number(t.stored()) + ")";
    long uncounted = m.layers().stream().filter(l -> l.params() == null).count();
    String incomplete =
        uncounted == 0
            ? ""
            : "   (incomplete: "
                + uncounted
                + (uncounted == 1 ? " layer" : " layers")
                + " not counted, marked ?)";
    out.println("Total params: " + Formulas.number(t.params()) + stored + incomplete);
    out.println("Trainable params: " + Formulas.number(t.trainable()));
    out.println("Non-trainable params: " + Formulas.number(t.nonTrainable()));
    if (t.cost() != null) {
      out.println(CostText.summary(t.cost()));
    }
    if (m.dl4j() != null && m.dl4j().totalParams() != null) {
      out.println(
          "DL4J "
              + safe(m.dl4j().dl4jVersion())
              + " params: "
              + Formulas.number(m.dl4j().totalParams())
              + " ("
              + safe(m.dl4j().modelClass())
              + ")");
    }
    if (t.unverified() > 0) {
      out.println(
          "Unverified params: "
              + Formulas.number(t.unverified())
              + " (stored for layers we could not verify; trainable or not is unknown)");
    }
    if (m.layers().stream().anyMatch(l -> "stored".equals(l.paramsSource()))) {
      out.println(
          "* counted from the stored weights: no rule, or an input shape we could not infer");
    }
    if (m.layers().stream().anyMatch(l -> l.params() == null)) {
      out.println("? not counted: no rule or an unknown input shape, and nothing stored to count");
    }
    m.layers().stream()
        .filter(TextRenderer::resumed)
        .map(l -> l.recorded().source())
        .distinct()
        .forEach(
            source ->
                out.println(
                    RESUMED_MARK
                        + " input shape we could not infer, taken from the one the file records ("
                        + safe(source)
                        + ")"));
    List<Finding> open = m.findings().stream().filter(f -> f.suppressed() == null).toList();
    List<Finding> suppressed = m.findings().stream().filter(f -> f.suppressed() != null).toList();
    if (open.isEmpty()) {
      out.println("Findings: none");
    } else {
      out.println("Findings (" + open.size() + "):");
      open.forEach(f -> finding(f, out));
    }
    if (!suppressed.isEmpty()) {
      out.println("Suppressed (" + suppressed.size() + "):");
      for (Finding f : suppressed) {
        finding(f, out);
        out.println("          reason: " + safe(f.suppressed().reason()));
      }
    }
  }

  private void finding(Finding f, PrintWriter out) {
    String where = f.layer() == null ? "" : safe(f.layer()) + ": ";
    // The formula explains a count; shape findings carry it in JSON only, to keep lines short.
    String formula =
        f.formula() == null
                || (f.rule() != Rule.PARAM_MISMATCH && f.rule() != Rule.DL4J_PARAM_MISMATCH)
            ? ""
            : "  [ours: " + safe(f.formula()) + "]";
    out.println(
        "  "
            + paint(pad(f.severity().id(), 7), f.severity().id())
            + " "
            + f.rule().name()
            + "  "
            + where
            + safe(f.message())
            + formula);
    if (f.explanation() != null) {
      out.println(
          "          why ("
              + safe(f.explanation().kind())
              + (f.explanation().expected() ? ", expected" : "")
              + "): "
              + safe(f.explanation().message()));
    }
  }

  private static String shapes(LayerReport l) {
    if (l.outputShapes() == null) {
      return "?";
    }
    String s =
        l.outputShapes().stream()
            .map(x -> x == null ? "?" : x.toString())
            .collect(Collectors.joining(", "));
    if (l.outputShapes().size() > 1) {
      s = "[" + s + "]";
    }
    if (l.calls() != null) {
      s += "  ×" + l.calls().size() + " calls";
    }
    return s;
  }

  private String row(String[] cells, int[] width, boolean paintStatus) {
    String status = paintStatus ? paint(cells[3], cells[3].replace(RESUMED_MARK, "")) : cells[3];
    return pad(cells[0], width[0])
        + "  "
        + pad(cells[1], width[1])
        + "  "
        + padLeft(cells[2], width[2])
        + "  "
        + status;
  }

  private String paint(String text, String key) {
    if (!color) {
      return text;
    }
    String code;
    switch (key.trim()) {
      case "ok":
        code = "\u001b[32m";
        break;
      case "mismatch":
      case "error":
        code = "\u001b[31m";
        break;
      case "unverified":
      case "warning":
        code = "\u001b[33m";
        break;
      default:
        code = "\u001b[36m";
    }
    return code + text + RESET;
  }

  private static String pad(String s, int w) {
    return s + " ".repeat(Math.max(0, w - s.length()));
  }

  private static String padLeft(String s, int w) {
    return " ".repeat(Math.max(0, w - s.length())) + s;
  }

  /** File-supplied text, made safe for a terminal. */
  private static String safe(String s) {
    return TerminalText.escape(s);
  }

  private static String capitalize(String s) {
    return s == null || s.isEmpty() ? "" : Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }
}
