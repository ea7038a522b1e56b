package io.modelaudit.report;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * One CSV row per layer (nested layers included, after the model that holds them), under a header
 * whose column names are stable (docs/report-formats.md). A file that could not be audited is one
 * row with status {@code error}. Numbers are plain digits; text from the file that a spreadsheet
 * would take for a formula is prefixed with an apostrophe.
 */
public final class CsvRenderer implements ReportRenderer {
  /** The columns, in order; only ever added to at the end. */
  public static final List<String> COLUMNS =
      List.of(
          "file",
          "format",
          "model",
          "layer_path",
          "name",
          "class",
          "depth",
          "inbound",
          "output_shapes",
          "calls",
          "params",
          "trainable",
          "non_trainable",
          "params_source",
          "stored_params",
          "status",
          "formula",
          "note");

  private static final CSVFormat FORMAT =
      CSVFormat.DEFAULT
          .builder()
          .setHeader(COLUMNS.toArray(String[]::new))
          .setRecordSeparator('\n')
          .get();

  @Override
  public ReportStream open(String toolVersion, PrintWriter out) {
    CSVPrinter printer;
    try {
      printer = new CSVPrinter(out, FORMAT);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new ReportStream() {
      @Override
      public void model(ModelReport m) {
        try {
          if (ModelReport.ERROR.equals(m.status())) {
            printer.printRecord(errorRow(m));
          } else {
            for (LayerReport l : m.layers()) {
              printer.printRecord(row(m, l));
            }
          }
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }

      @Override
      public void finish(ReportCounts counts) {
        out.flush();
      }
    };
  }

  private static List<Object> row(ModelReport m, LayerReport l) {
    List<Object> r = new ArrayList<>(COLUMNS.size());
    r.add(text(m.path()));
    r.add(m.format());
    r.add(text(m.modelName()));
    r.add(text(l.path()));
    r.add(text(l.name()));
    r.add(text(l.className()));
    r.add(l.depth());
    r.add(text(l.inbound() == null ? null : String.join("; ", l.inbound())));
    r.add(LayerCells.outputShapes(l));
    r.add(LayerCells.callCount(l));
    r.add(l.params());
    r.add(l.trainable());
    r.add(l.nonTrainable());
    r.add(l.paramsSource());
    r.add(l.storedParams());
    r.add(l.status());
    r.add(text(l.formula()));
    r.add(text(l.note()));
    return r;
  }

  private static List<Object> errorRow(ModelReport m) {
    List<Object> r = new ArrayList<>(COLUMNS.size());
    for (int i = 0; i < COLUMNS.size(); i++) {
      r.add(null);
    }
    r.set(COLUMNS.indexOf("file"), text(m.path()));
    r.set(COLUMNS.indexOf("format"), m.format());
    r.set(COLUMNS.indexOf("status"), m.status());
    r.set(COLUMNS.indexOf("note"), text(m.error().kind() + ": " + m.error().message()));
    return r;
  }

  /** File-supplied text; one a spreadsheet would run as a formula gets an apostrophe first. */
  private static String text(String s) {
    if (s == null || s.isEmpty()) {
      return s;
    }
    char c = s.charAt(0);
    return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r' ? "'" + s : s;
  }
}
