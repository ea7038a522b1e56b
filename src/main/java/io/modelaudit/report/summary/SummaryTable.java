package io.modelaudit.report.summary;

import io.modelaudit.report.LayerReport;
import io.modelaudit.report.ModelReport;
import io.modelaudit.report.TerminalText;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;

/**
 * The per-layer table of the text summary: the columns of {@link SummaryColumns}, aligned in
 * display cells ({@link DisplayWidth}), shrunk to the terminal's width by cutting the longest
 * shrinkable column's cells with an ellipsis, and with {@code --explain}, each layer's formula and
 * shape steps under its row.
 */
public final class SummaryTable {
  private static final String GAP = "  ";

  /** The narrowest a shrinkable column is cut to. */
  private static final int MIN_SHRUNK = 12;

  private final SummaryLayout layout;

  /** Colours a status cell (already padded) by the status it shows. */
  private final BiFunction<String, String, String> paintStatus;

  public SummaryTable(SummaryLayout layout, BiFunction<String, String, String> paintStatus) {
    this.layout = layout;
    this.paintStatus = paintStatus;
  }

  public void print(ModelReport model, PrintWriter out) {
    List<SummaryColumn> columns = SummaryColumns.shown(layout.columns(), model);
    List<LayerReport> layers = new ArrayList<>();
    for (LayerReport l : model.layers()) {
      add(l, layers);
    }
    List<List<List<String>>> rows = new ArrayList<>();
    for (LayerReport l : layers) {
      List<List<String>> cells = new ArrayList<>();
      for (SummaryColumn c : columns) {
        cells.add(c.cells().of(l, model));
      }
      rows.add(cells);
    }
    int[] width = widths(columns, rows);
    int total = totalWidth(width);
    String rule = "─".repeat(total);
    out.println(rule);
    List<List<String>> header = new ArrayList<>();
    columns.forEach(c -> header.add(List.of(c.header())));
    printRow(columns, header, width, false, out);
    out.println(rule);
    for (int r = 0; r < rows.size(); r++) {
      printRow(columns, rows.get(r), width, true, out);
      if (layout.explain()) {
        explain(layers.get(r), out);
      }
    }
    out.println(rule);
  }

  /** The row, and with --expand-nested the rows of the layers it wraps, within --depth. */
  private void add(LayerReport l, List<LayerReport> layers) {
    if (layout.maxDepth() != null && l.depth() > layout.maxDepth()) {
      return;
    }
    layers.add(l);
    if (layout.expandNested()) {
      l.wrapped().forEach(w -> add(w, layers));
    }
  }

  private int[] widths(List<SummaryColumn> columns, List<List<List<String>>> rows) {
    int[] width = new int[columns.size()];
    for (int i = 0; i < width.length; i++) {
      width[i] = DisplayWidth.of(columns.get(i).header());
      for (List<List<String>> row : rows) {
        for (String line : row.get(i)) {
          width[i] = Math.max(width[i], DisplayWidth.of(line));
        }
      }
    }
    if (layout.width() == null) {
      return width;
    }
    int excess = totalWidth(width) - layout.width();
    while (excess > 0) {
      int widest = -1;
      for (int i = 0; i < width.length; i++) {
        int floor = Math.max(MIN_SHRUNK, DisplayWidth.of(columns.get(i).header()));
        if (columns.get(i).shrinkable()
            && width[i] > floor
            && (widest < 0 || width[i] > width[widest])) {
          widest = i;
        }
      }
      if (widest < 0) {
        break; // nothing left to cut: the table is wider than the terminal
      }
      width[widest]--;
      excess--;
    }
    return width;
  }

  private static int totalWidth(int[] width) {
    int total = GAP.length() * (width.length - 1);
    for (int w : width) {
      total += w;
    }
    return total;
  }

  private void printRow(
      List<SummaryColumn> columns,
      List<List<String>> cells,
      int[] width,
      boolean paint,
      PrintWriter out) {
    int lines = 1;
    for (List<String> c : cells) {
      lines = Math.max(lines, c.size());
    }
    for (int line = 0; line < lines; line++) {
      StringBuilder b = new StringBuilder();
      int pending = 0; // spaces owed before the next cell, so that lines end without them
      for (int i = 0; i < columns.size(); i++) {
        SummaryColumn c = columns.get(i);
        List<String> cell = cells.get(i);
        String text = line < cell.size() ? DisplayWidth.truncate(cell.get(line), width[i]) : "";
        String padded =
            c.align() == SummaryColumn.Align.RIGHT
                ? DisplayWidth.padLeft(text, width[i])
                : DisplayWidth.padRight(text, width[i]);
        if (!text.isEmpty()) {
          b.append(" ".repeat(pending));
          pending = 0;
          if (paint && c.name().equals("status")) {
            String trimmed = padded.stripTrailing();
            b.append(paintStatus.apply(trimmed, trimmed.replace(SummaryColumns.RESUMED_MARK, "")));
            pending += padded.length() - trimmed.length();
          } else {
            String trimmed = padded.stripTrailing();
            b.append(trimmed);
            pending += DisplayWidth.of(padded) - DisplayWidth.of(trimmed);
          }
        } else {
          pending += width[i];
        }
        pending += i < columns.size() - 1 ? GAP.length() : 0;
      }
      out.println(b);
    }
  }

  /** The layer's count formula and shape steps, one step a line, under its row. */
  private static void explain(LayerReport l, PrintWriter out) {
    String indent = "  ".repeat(l.depth()) + "  ";
    if (l.formula() != null) {
      out.println(indent + "params: " + TerminalText.escape(l.formula()));
    }
    explainSteps(indent, "shape:  ", l.shapeRule(), out);
    if (l.calls() != null) {
      for (int i = 1; i < l.calls().size(); i++) {
        String rule = l.calls().get(i).shapeRule();
        if (rule != null && !rule.equals(l.shapeRule())) {
          explainSteps(indent, "call " + i + ": ", rule, out);
        }
      }
    }
  }

  private static void explainSteps(String indent, String label, String rule, PrintWriter out) {
    if (rule == null) {
      return;
    }
    String[] steps = rule.split("; ");
    for (int i = 0; i < steps.length; i++) {
      String lead = i == 0 ? label : " ".repeat(label.length());
      out.println(indent + lead + TerminalText.escape(steps[i]));
    }
  }
}
