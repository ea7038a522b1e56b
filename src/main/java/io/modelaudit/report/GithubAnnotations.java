package io.modelaudit.report;

import io.modelaudit.compare.Finding;
import java.io.PrintWriter;
import java.nio.file.Path;

/**
 * GitHub Actions workflow commands, one line per finding ({@code ::error file=PATH,title=RULE::
 * layer: message}, {@code ::warning}, {@code ::notice}) and per file that could not be audited, so
 * that GitHub shows them as annotations on the run and the pull request (docs/ci.md). Text from the
 * file is made safe for the log first (control characters shown escaped, as on a terminal), then
 * escaped as workflow commands require.
 */
public final class GithubAnnotations implements ReportRenderer {
  private final Path base;
  private final AddedResults added;

  /** Paths are written relative to {@code base}, the directory the run was started in. */
  public GithubAnnotations(Path base) {
    this(base, AddedResults.NONE);
  }

  /** {@code added}: what a command (check) annotates beside the findings. */
  public GithubAnnotations(Path base, AddedResults added) {
    this.base = base;
    this.added = added;
  }

  @Override
  public ReportStream open(String toolVersion, PrintWriter out) {
    return new ReportStream() {
      @Override
      public void model(ModelReport m) {
        String file = ArtifactUri.relativePath(m.path(), base);
        if (m.error() != null) {
          out.println(command("error", file, ToolRule.FILE_NOT_AUDITED, m.error().message()));
        }
        for (Finding f : m.findings()) {
          String text =
              (f.layer() == null ? "" : f.layer() + ": ") + f.message() + CountFormula.suffix(f);
          if (f.suppressed() != null) {
            // accepted: a notice, never an error on the pull request
            text = "suppressed (" + f.suppressed().reason() + "): " + text;
          }
          out.println(
              command(f.suppressed() != null ? "notice" : level(f), file, f.rule().name(), text));
        }
        added.model(m).forEach(r -> annotate(r, out));
        out.flush();
      }

      @Override
      public void finish(ReportCounts counts) {
        added.end().forEach(r -> annotate(r, out));
        out.flush();
      }
    };
  }

  private void annotate(AddedResults.AddedResult r, PrintWriter out) {
    if (r.level() != AddedResults.Level.PASS) {
      out.println(
          command(
              r.level() == AddedResults.Level.FAIL ? "error" : "notice",
              ArtifactUri.relativePath(r.path(), base),
              r.ruleId(),
              r.message()));
    }
  }

  public static String command(String level, String file, String title, String message) {
    return "::"
        + level
        + " file="
        + WorkflowCommand.property(TerminalText.escape(file))
        + ",title="
        + WorkflowCommand.property(title)
        + "::"
        + WorkflowCommand.data(TerminalText.escape(message));
  }

  private static String level(Finding f) {
    return switch (f.severity()) {
      case ERROR -> "error";
      case WARNING -> "warning";
      case INFO -> "notice";
    };
  }
}
