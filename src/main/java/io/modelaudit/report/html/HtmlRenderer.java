package io.modelaudit.report.html;

import io.modelaudit.compare.Finding;
import io.modelaudit.ir.Formulas;
import io.modelaudit.report.LayerCells;
import io.modelaudit.report.LayerReport;
import io.modelaudit.report.ModelReport;
import io.modelaudit.report.ReportCounts;
import io.modelaudit.report.ReportRenderer;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * One self-contained HTML page: styles and script inline, nothing fetched. Per model: totals,
 * findings, the graph drawn by {@link GraphSvg} from ELK's layout, and a sortable layer table. The
 * models' sections are kept as text until the end, so that the run's overview comes first.
 */
public final class HtmlRenderer implements ReportRenderer {
  private static final String CSS = resource("report.css");
  private static final String JS = resource("report.js");

  @Override
  public ReportStream open(String toolVersion, PrintWriter out) {
    return new ReportStream() {
      private final List<String> overview = new ArrayList<>();
      private final StringBuilder sections = new StringBuilder();

      @Override
      public void model(ModelReport m) {
        int index = overview.size() + 1;
        overview.add(overviewRow(m, index));
        sections.append(section(m, index));
      }

      @Override
      public void finish(ReportCounts counts) {
        out.print("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
        out.print("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
        out.print("<title>model-audit report</title>\n<style>\n" + CSS + "</style>\n</head>\n");
        out.print("<body>\n<header><h1>model-audit report</h1>\n<p class=\"meta\">");
        out.printf(
            "%d %s: %d ok, %d with mismatches, %d could not be read%s · model-audit %s</p>%n",
            counts.models(),
            counts.models() == 1 ? "model" : "models",
            counts.ok(),
            counts.mismatch(),
            counts.error(),
            counts.skipped() > 0 ? " · " + counts.skipped() + " files skipped (not models)" : "",
            HtmlText.escape(toolVersion));
        out.print("</header>\n");
        if (overview.size() > 1) {
          out.print(
              "<table class=\"overview sortable\"><thead><tr><th>Model</th><th>Status</th>"
                  + "<th class=\"num\" data-type=\"number\">Params</th>"
                  + "<th class=\"num\" data-type=\"number\">Findings</th></tr></thead><tbody>\n");
          overview.forEach(out::print);
          out.print("</tbody></table>\n");
        }
        out.print(sections);
        out.print("<script>\n" + JS + "</script>\n</body>\n</html>\n");
        out.flush();
      }
    };
  }

  private static String overviewRow(ModelReport m, int index) {
    long params = m.totals() == null ? 0 : m.totals().params();
    long open = m.findings().stream().filter(f -> f.suppressed() == null).count();
    return "<tr><td class=\"mono\"><a href=\"#model-"
        + index
        + "\">"
        + HtmlText.escape(m.path())
        + "</a></td><td>"
        + status(m.status())
        + "</td><td class=\"num\" data-sort=\""
        + params
        + "\">"
        + (m.totals() == null ? "" : Formulas.number(params))
        + "</td><td class=\"num\">"
        + open
        + "</td></tr>\n";
  }

  private static String section(ModelReport m, int index) {
    StringBuilder b = new StringBuilder();
    b.append("<section class=\"model\" id=\"model-")
        .append(index)
        .append("\">\n<h2 class=\"mono\">")
        .append(HtmlText.escape(m.path()))
        .append("</h2>\n<p class=\"meta\">")
        .append(status(m.status()));
    if (ModelReport.ERROR.equals(m.status())) {
      b.append(" · could not be read (")
          .append(HtmlText.escape(m.error().kind()))
          .append("): ")
          .append(HtmlText.escape(m.error().message()))
          .append("</p>\n</section>\n");
      return b.toString();
    }
    b.append(" · ").append(HtmlText.escape(m.format()));
    if (m.framework() != null && m.framework().version() != null) {
      b.append(" · ")
          .append(HtmlText.escape(LayerCells.frameworkName(m.framework())))
          .append(' ')
          .append(HtmlText.escape(m.framework().version()));
      if (m.framework().backend() != null) {
        b.append(" (").append(HtmlText.escape(m.framework().backend())).append(')');
      }
    }
    if (m.modelName() != null) {
      b.append(" · model <code>").append(HtmlText.escape(m.modelName())).append("</code>");
    }
    if (m.architecture() != null) {
      b.append(" · architecture from <code>")
          .append(HtmlText.escape(m.architecture()))
          .append("</code>");
    }
    b.append("</p>\n");
    totals(m, b);
    findings(m, b);
    b.append("<h3>Graph</h3>\n<div class=\"graph-wrap\">\n")
        .append(drawing(m, index))
        .append("</div>\n");
    layers(m, b);
    return b.append("</section>\n").toString();
  }

  /**
   * The model's graph; should ELK fail on a graph, the page says so in its place and keeps the rest
   * of the report (HtmlReportTest checks that no test model comes to this).
   */
  private static String drawing(ModelReport m, int index) {
    LayerGraph graph = LayerGraph.of(m.layers());
    try {
      return GraphSvg.draw(graph, GraphLayout.layout(graph), "g" + index);
    } catch (RuntimeException e) {
      return "<p class=\"meta\">"
          + NOT_LAID_OUT
          + " ("
          + HtmlText.escape(String.valueOf(e))
          + "); the layer table below has every layer.</p>\n";
    }
  }

  static final String NOT_LAID_OUT = "The graph could not be laid out";

  private static void totals(ModelReport m, StringBuilder b) {
    b.append("<table class=\"totals\"><thead><tr>");
    LayerCells.TOTALS_HEADERS.forEach(
        h -> b.append("<th class=\"num\">").append(h).append("</th>"));
    b.append("</tr></thead><tbody><tr>");
    LayerCells.totals(m.totals())
        .forEach(c -> b.append("<td class=\"num\">").append(HtmlText.escape(c)).append("</td>"));
    b.append("</tr></tbody></table>\n");
    String compute = LayerCells.compute(m);
    if (compute != null) {
      b.append("<p class=\"meta\">").append(HtmlText.escape(compute)).append("</p>\n");
    }
  }

  private static void findings(ModelReport m, StringBuilder b) {
    if (m.findings().isEmpty()) {
      b.append("<h3>Findings</h3>\n<p>None.</p>\n");
      return;
    }
    b.append("<h3>Findings (")
        .append(m.findings().size())
        .append(")</h3>\n<table class=\"findings\"><thead><tr><th>Severity</th><th>Rule</th>")
        .append("<th>Layer</th><th>Message</th><th>Ours</th></tr></thead><tbody>\n");
    for (Finding f : m.findings()) {
      StringBuilder message = new StringBuilder(HtmlText.escape(f.message()));
      if (f.explanation() != null) {
        message
            .append("<br>why (")
            .append(HtmlText.escape(f.explanation().kind()))
            .append("): ")
            .append(HtmlText.escape(f.explanation().message()));
      }
      if (f.suppressed() != null) {
        message.append("<br>suppressed: ").append(HtmlText.escape(f.suppressed().reason()));
      }
      b.append("<tr><td><span class=\"status ")
          .append(f.severity().id())
          .append("\">")
          .append(f.severity().id())
          .append(f.suppressed() == null ? "" : " (suppressed)")
          .append("</span></td><td>")
          .append(f.rule().name())
          .append("</td><td class=\"mono\">")
          .append(HtmlText.escape(f.layer()))
          .append("</td><td>")
          .append(message)
          .append("</td><td class=\"mono\">")
          .append(HtmlText.escape(f.formula()))
          .append("</td></tr>\n");
    }
    b.append("</tbody></table>\n");
  }

  private static void layers(ModelReport m, StringBuilder b) {
    b.append("<h3>Layers (")
        .append(m.layers().size())
        .append(")</h3>\n<table class=\"layers sortable\"><thead><tr>")
        .append("<th class=\"num\" data-type=\"number\">#</th><th>Layer</th><th>Class</th>")
        .append("<th>Output shape</th><th class=\"num\" data-type=\"number\">Params</th>")
        .append("<th class=\"num\" data-type=\"number\">Trainable</th>")
        .append("<th class=\"num\" data-type=\"number\">Non-trainable</th>")
        .append("<th class=\"num\" data-type=\"number\">Stored</th>")
        .append("<th class=\"num\" data-type=\"number\">MACs</th>")
        .append("<th class=\"num\" data-type=\"number\">Activations (bytes)</th>")
        .append("<th>Status</th><th>How</th>")
        .append("</tr></thead><tbody>\n");
    int row = 0;
    for (LayerReport l : m.layers()) {
      row++;
      String shapes = HtmlText.escape(LayerCells.outputShapes(l));
      if (l.calls() != null) {
        shapes += " ×" + l.calls().size() + " calls";
      }
      String how =
          LayerCells.explanations(l).stream()
              .map(
                  e ->
                      HtmlText.escape(e.label())
                          + ": <code>"
                          + HtmlText.escape(e.text())
                          + "</code>")
              .collect(Collectors.joining("<br>"));
      b.append("<tr data-layer=\"")
          .append(HtmlText.escape(l.path()))
          .append(LayerCells.mismatching(l) ? "\" class=\"mismatch\">" : "\">")
          .append("<td class=\"num\">")
          .append(row)
          .append("</td><td class=\"mono\" style=\"padding-left:")
          .append(8 + 16 * l.depth())
          .append("px\">")
          .append(HtmlText.escape(l.path()))
          .append("</td><td class=\"mono\">")
          .append(HtmlText.escape(l.className()))
          .append("</td><td class=\"mono\">")
          .append(shapes)
          .append("</td>")
          .append(numberCell(l.params(), LayerCells.params(l)))
          .append(numberCell(l.trainable(), LayerCells.number(l.trainable())))
          .append(numberCell(l.nonTrainable(), LayerCells.number(l.nonTrainable())))
          .append(numberCell(l.storedParams(), LayerCells.number(l.storedParams())))
          .append(numberCell(l.cost() == null ? null : l.cost().macs(), LayerCells.macs(l)))
          .append(
              numberCell(
                  l.cost() == null ? null : l.cost().activationBytes(),
                  LayerCells.activationBytes(l)))
          .append("<td>")
          .append(status(l.status()))
          .append("</td><td>")
          .append(how)
          .append("</td></tr>\n");
    }
    b.append("</tbody></table>\n");
    if (m.layers().stream().anyMatch(LayerCells::isStoredCount)) {
      b.append("<p class=\"meta\">* counted from the stored weights (no rule, or an unknown input")
          .append(" shape)</p>\n");
    }
  }

  private static String numberCell(Long value, String shown) {
    return "<td class=\"num\" data-sort=\""
        + (value == null ? "" : value)
        + "\">"
        + HtmlText.escape(shown)
        + "</td>";
  }

  /** A status in words with a sign, coloured by class. */
  private static String status(String s) {
    String sign = LayerReport.MISMATCH.equals(s) || ModelReport.ERROR.equals(s) ? "✗ " : "";
    return "<span class=\"status "
        + HtmlText.escape(s)
        + "\">"
        + sign
        + HtmlText.escape(s)
        + "</span>";
  }

  private static String resource(String name) {
    try (InputStream in = HtmlRenderer.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
