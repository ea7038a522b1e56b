package io.modelaudit.report;

import io.modelaudit.compare.Finding;
import java.io.PrintWriter;

/**
 * {@code --quiet}: one line per finding that is not suppressed and per file that could not be
 * audited, each naming its file; no tables and no summary (the exit code tells the outcome).
 */
public final class QuietText implements ReportRenderer {
  @Override
  public ReportStream open(String toolVersion, PrintWriter out) {
    return new ReportStream() {
      @Override
      public void model(ModelReport m) {
        String file = TerminalText.escape(m.path());
        if (m.error() != null) {
          out.println(
              file
                  + ": not audited ("
                  + TerminalText.escape(m.error().kind())
                  + "): "
                  + TerminalText.escape(m.error().message()));
        }
        for (Finding f : m.findings()) {
          if (f.suppressed() == null) {
            out.println(
                file
                    + ": "
                    + f.severity().id()
                    + " "
                    + f.rule().name()
                    + (f.layer() == null ? "" : " " + TerminalText.escape(f.layer()))
                    + ": "
                    + TerminalText.escape(f.message()));
          }
        }
        out.flush();
      }

      @Override
      public void finish(ReportCounts counts) {
        out.flush();
      }
    };
  }
}
