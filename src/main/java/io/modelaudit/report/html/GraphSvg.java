package io.modelaudit.report.html;

import io.modelaudit.report.LayerCells;
import io.modelaudit.report.LayerReport;
import java.util.List;
import java.util.Locale;

/**
 * Draws a laid-out {@link LayerGraph} as inline SVG: nested models as titled group boxes behind
 * their layers, edges as paths through ELK's bend points with an arrowhead, and each layer as a box
 * with its name, class, output shape and parameter count. A mismatching layer's box is coloured
 * (class {@code mismatch}) and says so in words.
 */
final class GraphSvg {
  private GraphSvg() {}

  /**
   * @param id unique within the page (one graph per model), used for the arrowhead's id
   */
  static String draw(LayerGraph g, GraphLayout.Result at, String id) {
    StringBuilder b = new StringBuilder();
    b.append("<svg class=\"graph\" xmlns=\"http://www.w3.org/2000/svg\" width=\"")
        .append(num(at.width()))
        .append("\" height=\"")
        .append(num(at.height()))
        .append("\" viewBox=\"0 0 ")
        .append(num(at.width()))
        .append(' ')
        .append(num(at.height()))
        .append("\" role=\"img\" aria-label=\"model graph\">\n")
        .append("<defs><marker id=\"")
        .append(id)
        .append("-arrow\" viewBox=\"0 0 8 8\" refX=\"8\" refY=\"4\" markerWidth=\"8\"")
        .append(
            " markerHeight=\"8\" orient=\"auto\"><path d=\"M0,0 L8,4 L0,8 z\"/></marker></defs>\n");
    for (int i = 0; i < g.layers().size(); i++) {
      if (g.isGroup(i)) {
        group(b, i, g.layers().get(i), at.boxes()[i]);
      }
    }
    for (double[] points : at.edges()) {
      edge(b, points, id);
    }
    for (int i = 0; i < g.layers().size(); i++) {
      if (!g.isGroup(i)) {
        leaf(b, i, g.layers().get(i), at.boxes()[i]);
      }
    }
    return b.append("</svg>\n").toString();
  }

  private static void group(StringBuilder b, int index, LayerReport l, double[] box) {
    open(b, index, l, "group");
    rect(b, box, 8);
    b.append("<text class=\"group-title\" x=\"")
        .append(num(box[0] + NodeLabel.PAD_X))
        .append("\" y=\"")
        .append(num(box[1] + GraphLayout.GROUP_TITLE_HEIGHT / 2 + NodeLabel.FONT_SIZE / 2))
        .append("\">")
        .append(HtmlText.escape(NodeLabel.groupTitle(l)))
        .append("</text></g>\n");
  }

  private static void leaf(StringBuilder b, int index, LayerReport l, double[] box) {
    open(b, index, l, "leaf");
    rect(b, box, 4);
    List<String> lines = NodeLabel.leafLines(l);
    b.append("<text x=\"").append(num(box[0] + NodeLabel.PAD_X)).append("\">");
    for (int k = 0; k < lines.size(); k++) {
      String cls =
          k == 0 ? "name" : lines.get(k).equals(NodeLabel.MISMATCH_MARK) ? "marker" : "detail";
      b.append("<tspan class=\"")
          .append(cls)
          .append("\" x=\"")
          .append(num(box[0] + NodeLabel.PAD_X))
          .append("\" y=\"")
          .append(num(box[1] + NodeLabel.PAD_Y + (k + 1) * NodeLabel.LINE_HEIGHT - 4))
          .append("\">")
          .append(HtmlText.escape(lines.get(k)))
          .append("</tspan>");
    }
    b.append("</text></g>\n");
  }

  /** Opens a layer's element; {@code index} is its place in the report's layer list. */
  private static void open(StringBuilder b, int index, LayerReport l, String kind) {
    b.append("<g class=\"layer ")
        .append(kind)
        .append(LayerCells.mismatching(l) ? " mismatch" : "")
        .append("\" data-index=\"")
        .append(index)
        .append("\" data-layer=\"")
        .append(HtmlText.escape(l.path()))
        .append("\" data-status=\"")
        .append(HtmlText.escape(l.status()))
        .append("\"><title>")
        .append(HtmlText.escape(l.path() + " (" + l.className() + ")"))
        .append("</title>");
  }

  private static void rect(StringBuilder b, double[] box, int radius) {
    b.append("<rect x=\"")
        .append(num(box[0]))
        .append("\" y=\"")
        .append(num(box[1]))
        .append("\" width=\"")
        .append(num(box[2]))
        .append("\" height=\"")
        .append(num(box[3]))
        .append("\" rx=\"")
        .append(radius)
        .append("\"/>");
  }

  private static void edge(StringBuilder b, double[] points, String id) {
    if (points.length < 4) {
      return;
    }
    b.append("<path class=\"edge\" d=\"M");
    for (int k = 0; k < points.length; k += 2) {
      b.append(k == 0 ? "" : " L").append(num(points[k])).append(',').append(num(points[k + 1]));
    }
    b.append("\" marker-end=\"url(#").append(id).append("-arrow)\"/>\n");
  }

  static String num(double v) {
    String s = String.format(Locale.ROOT, "%.1f", v);
    return s.endsWith(".0") ? s.substring(0, s.length() - 2) : s;
  }
}
