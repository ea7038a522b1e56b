package io.modelaudit.report;

import java.io.PrintWriter;

/**
 * Formats reports; one implementation per output format. Models are written one at a time as they
 * are audited ({@link #open}), so that a run over many files keeps none of them in memory.
 */
public interface ReportRenderer {
  /** Starts a report on {@code out}; the stream writes each model as it is given. */
  ReportStream open(String toolVersion, PrintWriter out);

  /** Writes a finished report at once. */
  default void render(AuditReport report, PrintWriter out) {
    ReportStream stream = open(report.toolVersion(), out);
    ReportCounts counts = new ReportCounts();
    for (ModelReport m : report.models()) {
      stream.model(m);
      counts.add(m);
    }
    stream.finish(counts);
  }

  /** One report being written. */
  interface ReportStream {
    void model(ModelReport m);

    /** Writes what follows the models (the summary) and flushes. */
    void finish(ReportCounts counts);
  }
}
