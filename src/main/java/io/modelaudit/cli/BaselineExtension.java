package io.modelaudit.cli;

import io.modelaudit.gate.ContentHash;
import io.modelaudit.gate.Limits;
import io.modelaudit.gate.LockException;
import io.modelaudit.gate.LockFile;
import io.modelaudit.gate.LockJson;
import io.modelaudit.gate.LockPaths;
import io.modelaudit.gate.ModelSnapshot;
import io.modelaudit.gate.Snapshots;
import io.modelaudit.report.ModelReport;
import io.modelaudit.report.ReportCounts;
import io.modelaudit.report.ReportRenderer;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** {@code baseline}: keeps a snapshot of each audited model and writes the lock at the end. */
final class BaselineExtension implements AuditExtension {
  private final Path output;
  private final Limits limits;
  private final PrintWriter err;
  private final List<ModelSnapshot> models = new ArrayList<>();
  private PrintWriter out;
  private boolean text;
  private boolean failed;

  BaselineExtension(Path output, Limits limits, PrintWriter err) {
    this.output = output;
    this.limits = limits;
    this.err = err;
  }

  @Override
  public ReportRenderer.ReportStream stream(
      ReportRenderer.ReportStream formatted, PrintWriter out, boolean text) {
    this.out = out;
    this.text = text;
    return new ReportRenderer.ReportStream() {
      @Override
      public void model(ModelReport m) {
        formatted.model(m);
        record(m);
      }

      @Override
      public void finish(ReportCounts counts) {
        formatted.finish(counts);
      }
    };
  }

  private void record(ModelReport m) {
    if (m.error() != null || m.totals() == null) {
      return; // the audit reports it and exits with 3: no lock is written
    }
    Path file = Path.of(m.path());
    try {
      models.add(Snapshots.of(m).withPath(LockPaths.of(file), ContentHash.sha256(file)));
    } catch (IOException | IllegalArgumentException e) {
      GateCommands.error(err, m.path() + ": cannot be recorded: " + e.getMessage());
      failed = true;
    }
  }

  @Override
  public int exitCode(int auditExitCode) {
    if (failed || (auditExitCode != ExitCodes.CLEAN && auditExitCode != ExitCodes.FINDINGS)) {
      GateCommands.error(
          err,
          output
              + " not written: "
              + (failed
                  ? "a model could not be recorded"
                  : "the run failed (exit " + auditExitCode + ")"));
      return failed ? ExitCodes.UNREADABLE : auditExitCode;
    }
    Limits recorded = limits;
    if (Files.exists(output)) {
      try {
        recorded = limits.orElse(LockJson.read(output).limits());
      } catch (LockException e) {
        GateCommands.error(err, "note: the limits of " + e.getMessage() + " are not kept");
      }
    }
    LockFile lock = new LockFile(recorded, models);
    try {
      LockJson.write(lock, output);
    } catch (IOException e) {
      GateCommands.error(err, output + ": cannot write it: " + e.getMessage());
      return ExitCodes.UNREADABLE;
    }
    String line =
        "Recorded "
            + lock.models().size()
            + " model"
            + (lock.models().size() == 1 ? "" : "s")
            + " in "
            + output;
    if (text) {
      out.println();
      out.println(line);
      out.flush();
    } else {
      GateCommands.error(err, "note: " + line);
    }
    return auditExitCode;
  }
}
