package io.modelaudit.cli;

import io.modelaudit.report.AddedResults;
import io.modelaudit.report.JsonSections;
import io.modelaudit.report.ReportRenderer;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;

/**
 * What a command built on the audit ({@code baseline}, {@code check}) adds to a run of it: it sees
 * every report as it is written, may add to the output, and has the last word on the exit code.
 */
interface AuditExtension {
  AuditExtension NONE = new AuditExtension() {};

  /** The command line's files and folders, before any is audited. */
  default void start(List<Path> paths) {}

  /** Keys added to the JSON report. */
  default JsonSections jsonSections() {
    return JsonSections.NONE;
  }

  /** Results added to SARIF, JUnit and GitHub annotations. */
  default AddedResults addedResults() {
    return AddedResults.NONE;
  }

  /**
   * The stream the reports go to; it sees each model before the reports do. Its {@code finish} must
   * only finish {@code formatted} (the run may finish that directly).
   *
   * @param formatted the output format's own stream
   * @param text whether the output is the text format (where lines of the extension's own fit)
   */
  default ReportRenderer.ReportStream stream(
      ReportRenderer.ReportStream formatted, PrintWriter out, boolean text) {
    return formatted;
  }

  /**
   * Called after every report is finished: what the extension prints at the end of the run.
   *
   * @param text whether stdout carries the text format
   */
  default void finish(PrintWriter out, boolean text) {}

  /** The run's exit code, given the audit's own. */
  default int exitCode(int auditExitCode) {
    return auditExitCode;
  }
}
