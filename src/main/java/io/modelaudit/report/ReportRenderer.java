package io.modelaudit.report;

import java.io.PrintWriter;

/** Formats a finished report; one implementation per output format. */
public interface ReportRenderer {
  void render(AuditReport report, PrintWriter out);
}
