package io.modelaudit.report;

import io.modelaudit.compare.Finding;
import io.modelaudit.compare.Rule;
import io.modelaudit.ir.Formulas;
import io.modelaudit.report.summary.ByteSizes;
import io.modelaudit.report.summary.SummaryColumns;
import io.modelaudit.report.summary.SummaryLayout;
import io.modelaudit.report.summary.SummaryTable;
import java.io.PrintWriter;
import java.util.List;

/** A per-layer table like Keras' {@code model.summary()}, then totals and findings. */
public final class TextRenderer implements ReportRenderer {
  /** Marks a layer verified from the input shape the file records instead of one we inferred. */
  private static final String RESUMED_MARK = SummaryColumns.RESUMED_MARK;

  private static boolean resumed(LayerReport l) {
    return SummaryColumns.resumed(l);
  }

  private static final String RESET = "\u001b[0m";
  private final boolean color;
  private final SummaryLayout layout;

  public TextRenderer(boolean color) {
    this(color, SummaryLayout.DEFAULT);
  }

  public TextRenderer(boolean color, SummaryLayout layout) {
    this.color = color;
    this.layout = layout;
  }

  @Override
  public ReportStream open(String toolVersion, PrintWriter out) {
    return new ReportStream() {
      private boolean first = true;

      @Override
      public void model(ModelReport m) {
        if (!first) {
          out.println();
        }
        first = false;
        if (m.status().equals(ModelReport.ERROR)) {
          notAudited(m, out);
        } else {
          TextRenderer.this.model(m, out);
        }
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

  /** A file that could not be audited is named in the report too, not only on stderr. */
  private void notAudited(ModelReport m, PrintWriter out) {
    out.println(safe(m.path()) + (m.format() == null ? "" : "  " + safe(m.format())));
    out.println(
        paint("Not audited", ModelReport.ERROR)
            + " ("
            + safe(m.error().kind())
            + "): "
            + safe(m.error().message()));
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

    new SummaryTable(layout, this::paint).print(m, out);
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
    out.println(
        "Total params: " + Formulas.number(t.params()) + size(t.bytes()) + stored + incomplete);
    out.println("Trainable params: " + Formulas.number(t.trainable()) + size(t.trainableBytes()));
    out.println(
        "Non-trainable params: " + Formulas.number(t.nonTrainable()) + size(t.nonTrainableBytes()));
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

  /** Keras' " (7.68 KB)" after a count: the bytes the file stores them in. */
  private static String size(Long bytes) {
    return bytes == null ? "" : " (" + ByteSizes.readable(bytes) + ")";
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

  /** File-supplied text, made safe for a terminal. */
  private static String safe(String s) {
    return TerminalText.escape(s);
  }

  private static String capitalize(String s) {
    return s == null || s.isEmpty() ? "" : Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }
}
