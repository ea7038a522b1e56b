package io.modelaudit.report.html;

import io.modelaudit.ir.Formulas;
import io.modelaudit.report.LayerCells;
import io.modelaudit.report.LayerReport;
import java.util.ArrayList;
import java.util.List;

/**
 * The text a layer's box shows in the graph, and the box size it needs. Text is drawn in a
 * monospace font, so its width follows from its length; long lines are cut with an ellipsis (the
 * box's tooltip and the layer table keep them whole).
 */
final class NodeLabel {
  static final double FONT_SIZE = 12;
  static final double CHAR_WIDTH = 7.4;
  static final double LINE_HEIGHT = 16;
  static final double PAD_X = 10;
  static final double PAD_Y = 8;
  static final int MAX_CHARS = 44;
  static final String MISMATCH_MARK = "✗ MISMATCH";

  private NodeLabel() {}

  /** The lines of a leaf layer's box: name, class, output shape, params, and the marker. */
  static List<String> leafLines(LayerReport l) {
    List<String> lines = new ArrayList<>();
    lines.add(cut(l.name()));
    lines.add(cut(l.className()));
    String shape = LayerCells.outputShapes(l);
    if (l.calls() != null) {
      shape += " ×" + l.calls().size() + " calls";
    }
    lines.add(cut(shape));
    lines.add(cut(LayerCells.params(l) + " params"));
    if (LayerCells.mismatching(l)) {
      lines.add(MISMATCH_MARK);
    }
    return lines;
  }

  /** The header line of a nested model's group. */
  static String groupTitle(LayerReport l) {
    String params = l.params() == null ? "?" : Formulas.number(l.params());
    String title = l.name() + " · " + l.className() + " · " + params + " params";
    if (LayerCells.mismatching(l)) {
      title += " · " + MISMATCH_MARK;
    }
    return cut(title);
  }

  static double width(List<String> lines) {
    int longest = lines.stream().mapToInt(s -> s.codePointCount(0, s.length())).max().orElse(0);
    return Math.ceil(longest * CHAR_WIDTH + 2 * PAD_X);
  }

  static double height(int lines) {
    return lines * LINE_HEIGHT + 2 * PAD_Y;
  }

  static String cut(String s) {
    if (s == null) {
      return "?";
    }
    int count = s.codePointCount(0, s.length());
    if (count <= MAX_CHARS) {
      return s;
    }
    return s.substring(0, s.offsetByCodePoints(0, MAX_CHARS - 1)) + "…";
  }
}
