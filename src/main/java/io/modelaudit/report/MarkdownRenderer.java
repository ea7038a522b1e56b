package io.modelaudit.report;

import io.modelaudit.compare.Finding;
import io.modelaudit.ir.Formulas;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * GitHub-flavoured Markdown for pull-request comments: the run's overview, then per model its
 * totals and findings, with the per-layer table folded in a {@code <details>} block. The models'
 * sections are kept as text until the end, so that the overview of all of them comes first.
 */
public final class MarkdownRenderer implements ReportRenderer {

  @Override
  public ReportStream open(String toolVersion, PrintWriter out) {
    return new ReportStream() {
      private final List<String> overview = new ArrayList<>();
      private final StringBuilder sections = new StringBuilder();

      @Override
      public void model(ModelReport m) {
        overview.add(overviewRow(m));
        sections.append('\n').append(section(m));
      }

      @Override
      public void finish(ReportCounts counts) {
        out.print("# model-audit report\n\n");
        out.printf(
            "%d %s: %d ok, %d with mismatches, %d could not be read%s · model-audit %s%n",
            counts.models(),
            counts.models() == 1 ? "model" : "models",
            counts.ok(),
            counts.mismatch(),
            counts.error(),
            counts.skipped() > 0 ? " · " + counts.skipped() + " files skipped (not models)" : "",
            MarkdownText.text(toolVersion));
        if (overview.size() > 1) {
          out.print("\n| Model | Status | Params | Findings |\n|---|---|--:|--:|\n");
          overview.forEach(out::print);
        }
        out.print(sections);
        out.flush();
      }
    };
  }

  private static String overviewRow(ModelReport m) {
    String params = m.totals() == null ? "" : Formulas.number(m.totals().params());
    long open = m.findings().stream().filter(f -> f.suppressed() == null).count();
    return "| "
        + MarkdownText.code(m.path())
        + " | "
        + status(m.status())
        + " | "
        + params
        + " | "
        + open
        + " |\n";
  }

  private static String section(ModelReport m) {
    StringBuilder b = new StringBuilder();
    b.append("## ").append(MarkdownText.code(m.path())).append("\n\n");
    if (ModelReport.ERROR.equals(m.status())) {
      b.append(status(m.status()))
          .append(" — could not be read (")
          .append(MarkdownText.text(m.error().kind()))
          .append("): ")
          .append(MarkdownText.text(m.error().message()))
          .append("\n");
      return b.toString();
    }
    b.append(status(m.status())).append(" · ").append(MarkdownText.text(m.format()));
    if (m.framework() != null && m.framework().version() != null) {
      b.append(" · ")
          .append(MarkdownText.text(LayerCells.frameworkName(m.framework())))
          .append(' ')
          .append(MarkdownText.text(m.framework().version()));
      if (m.framework().backend() != null) {
        b.append(" (").append(MarkdownText.text(m.framework().backend())).append(')');
      }
    }
    if (m.modelName() != null) {
      b.append(" · model ").append(MarkdownText.code(m.modelName()));
    }
    if (m.architecture() != null) {
      b.append(" · architecture from ").append(MarkdownText.code(m.architecture()));
    }
    b.append("\n\n");
    totals(m, b);
    findings(m, b);
    layers(m, b);
    return b.toString();
  }

  private static void totals(ModelReport m, StringBuilder b) {
    b.append("| ")
        .append(String.join(" | ", LayerCells.TOTALS_HEADERS))
        .append(" |\n|--:|--:|--:|--:|\n| ")
        .append(String.join(" | ", LayerCells.totals(m.totals())))
        .append(" |\n\n");
    String compute = LayerCells.compute(m);
    if (compute != null) {
      b.append(MarkdownText.text(compute)).append("\n\n");
    }
  }

  private static void findings(ModelReport m, StringBuilder b) {
    if (m.findings().isEmpty()) {
      b.append("**Findings:** none\n\n");
      return;
    }
    b.append("**Findings (")
        .append(m.findings().size())
        .append("):**\n\n| Severity | Rule | Layer | Message |\n|---|---|---|---|\n");
    for (Finding f : m.findings()) {
      String severity = f.severity().id() + (f.suppressed() == null ? "" : " (suppressed)");
      StringBuilder message = new StringBuilder(MarkdownText.text(f.message()));
      String formula = CountFormula.suffix(f);
      if (!formula.isEmpty()) {
        message.append(" — ours: ").append(MarkdownText.code(f.formula()));
      }
      if (f.explanation() != null) {
        message
            .append(" — why (")
            .append(MarkdownText.text(f.explanation().kind()))
            .append("): ")
            .append(MarkdownText.text(f.explanation().message()));
      }
      if (f.suppressed() != null) {
        message.append(" — suppressed: ").append(MarkdownText.text(f.suppressed().reason()));
      }
      b.append("| ")
          .append(severity)
          .append(" | ")
          .append(f.rule().name())
          .append(" | ")
          .append(MarkdownText.code(f.layer()))
          .append(" | ")
          .append(message)
          .append(" |\n");
    }
    b.append('\n');
  }

  private static void layers(ModelReport m, StringBuilder b) {
    b.append("<details><summary>Layers (")
        .append(m.layers().size())
        .append(")</summary>\n\n")
        .append("| Layer | Class | Output shape | Params | MACs | Share | Status | How |\n")
        .append("|---|---|---|--:|--:|--:|---|---|\n");
    for (LayerReport l : m.layers()) {
      String shapes = MarkdownText.code(LayerCells.outputShapes(l));
      if (l.calls() != null) {
        shapes += " ×" + l.calls().size() + " calls";
      }
      String how =
          LayerCells.explanations(l).stream()
              .map(e -> e.label() + ": " + MarkdownText.code(e.text()))
              .collect(Collectors.joining("<br>"));
      b.append("| ")
          .append(MarkdownText.code(l.path()))
          .append(" | ")
          .append(MarkdownText.code(l.className()))
          .append(" | ")
          .append(shapes)
          .append(" | ")
          .append(MarkdownText.text(LayerCells.params(l)))
          .append(" | ")
          .append(MarkdownText.text(LayerCells.macs(l)))
          .append(" | ")
          .append(MarkdownText.text(LayerCells.share(l)))
          .append(" | ")
          .append(status(l.status()))
          .append(" | ")
          .append(how)
          .append(" |\n");
    }
    b.append('\n');
    if (m.layers().stream().anyMatch(LayerCells::isStoredCount)) {
      b.append("\\* counted from the stored weights (no rule, or an unknown input shape)\n\n");
    }
    b.append("</details>\n");
  }

  /** A status with a sign, so that it reads without colour. */
  private static String status(String s) {
    String sign =
        switch (s) {
          case ModelReport.OK -> "✅ ";
          case ModelReport.MISMATCH -> "❌ ";
          case ModelReport.ERROR -> "⚠️ ";
          case LayerReport.UNVERIFIED, LayerReport.UNSUPPORTED -> "❔ ";
          default -> "";
        };
    return sign + MarkdownText.text(s);
  }
}
