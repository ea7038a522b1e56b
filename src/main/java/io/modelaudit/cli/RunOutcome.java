package io.modelaudit.cli;

import io.modelaudit.compare.Finding;
import io.modelaudit.compare.Severity;
import io.modelaudit.report.ModelReport;

/** What the exit code needs to know of the reports of a run, gathered as they stream by. */
final class RunOutcome {
  private final Severity threshold;
  private boolean internalError;
  private boolean unreadable;
  private boolean failing;

  /**
   * @param threshold the severity that fails the run, or null for none ({@code --fail-on never})
   */
  RunOutcome(Severity threshold) {
    this.threshold = threshold;
  }

  void add(OrderedAudits.Audited audited) {
    ModelReport m = audited.report();
    internalError |= audited.internal() != null;
    unreadable |= m.error() != null;
    if (threshold != null) {
      for (Finding f : m.findings()) {
        // a suppressed finding is accepted: it is shown, and does not fail the run
        failing |= f.suppressed() == null && f.severity().compareTo(threshold) >= 0;
      }
    }
  }

  int exitCode() {
    if (internalError) {
      return ExitCodes.INTERNAL;
    }
    if (unreadable) {
      return ExitCodes.UNREADABLE;
    }
    return failing ? ExitCodes.FINDINGS : ExitCodes.CLEAN;
  }
}
