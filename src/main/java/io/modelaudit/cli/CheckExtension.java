package io.modelaudit.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.modelaudit.gate.BaselineCheck;
import io.modelaudit.gate.BaselineJson;
import io.modelaudit.gate.BaselineResults;
import io.modelaudit.gate.BaselineText;
import io.modelaudit.gate.BaselineVerdict;
import io.modelaudit.gate.ContentHash;
import io.modelaudit.gate.Limits;
import io.modelaudit.gate.LockFile;
import io.modelaudit.gate.LockPaths;
import io.modelaudit.gate.Snapshots;
import io.modelaudit.report.AddedResults;
import io.modelaudit.report.AddedResults.AddedResult;
import io.modelaudit.report.AddedResults.AddedRule;
import io.modelaudit.report.JsonSections;
import io.modelaudit.report.ModelReport;
import io.modelaudit.report.ReportCounts;
import io.modelaudit.report.ReportRenderer;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/** {@code check}: compares each audited model with the lock, adds that to the output and exit. */
final class CheckExtension implements AuditExtension {
  private final String lockName;
  private final LockFile lock;
  private final Limits limits;
  private final boolean failRetrained;
  private final PrintWriter err;
  private final Map<ModelReport, BaselineVerdict> verdicts = new IdentityHashMap<>();
  private BaselineCheck check;
  private boolean unreadable;

  CheckExtension(
      String lockName, LockFile lock, Limits limits, boolean failRetrained, PrintWriter err) {
    this.lockName = lockName;
    this.lock = lock;
    this.limits = limits;
    this.failRetrained = failRetrained;
    this.err = err;
  }

  @Override
  public void start(List<Path> paths) {
    List<String> scopes = new ArrayList<>();
    for (Path p : paths) {
      try {
        scopes.add(LockPaths.of(p));
      } catch (IllegalArgumentException e) {
        // another drive: no lock entry lies there
      }
    }
    check = new BaselineCheck(lock, limits, scopes, failRetrained);
  }

  @Override
  public JsonSections jsonSections() {
    return new JsonSections() {
      @Override
      public void model(ModelReport m, ObjectNode model) {
        BaselineVerdict v = verdicts.get(m);
        if (v != null) {
          BaselineJson.model(model.putObject("baseline"), v, failRetrained);
        }
      }

      @Override
      public void end(ObjectNode root) {
        BaselineJson.summary(root.putObject("baseline"), check, lockName);
      }
    };
  }

  @Override
  public AddedResults addedResults() {
    return new AddedResults() {
      @Override
      public List<AddedRule> rules() {
        return BaselineResults.RULES;
      }

      @Override
      public List<AddedResult> model(ModelReport m) {
        BaselineVerdict v = verdicts.get(m);
        return v == null ? List.of() : BaselineResults.model(v, m.path(), failRetrained, lockName);
      }

      @Override
      public List<AddedResult> end() {
        return check.gone().stream().map(g -> BaselineResults.gone(g, lockName)).toList();
      }
    };
  }

  @Override
  public ReportRenderer.ReportStream stream(
      ReportRenderer.ReportStream formatted, PrintWriter out, boolean text) {
    return new ReportRenderer.ReportStream() {
      @Override
      public void model(ModelReport m) {
        BaselineVerdict v = verdict(m);
        verdicts.put(m, v);
        formatted.model(m);
        verdicts.remove(m);
        if (text && v != null) {
          BaselineText.model(v, failRetrained).forEach(out::println);
          out.flush();
        }
      }

      @Override
      public void finish(ReportCounts counts) {
        formatted.finish(counts);
      }
    };
  }

  @Override
  public void finish(PrintWriter out, boolean text) {
    if (text) {
      out.println();
      BaselineText.summary(check, lockName).forEach(out::println);
      out.flush();
    }
  }

  /** The model's verdict, or null when it could not be audited (the audit reports that). */
  private BaselineVerdict verdict(ModelReport m) {
    Path file = Path.of(m.path());
    String lockPath;
    try {
      lockPath = LockPaths.of(file);
    } catch (IllegalArgumentException e) {
      return null;
    }
    if (m.error() != null || m.totals() == null) {
      check.addUnaudited(lockPath);
      return null;
    }
    try {
      return check.add(
          Snapshots.of(m).withPath(lockPath, ContentHash.sha256(file)), Files.size(file));
    } catch (IOException e) {
      GateCommands.error(err, m.path() + ": cannot read it again to hash it: " + e.getMessage());
      unreadable = true;
      check.addUnaudited(lockPath);
      return null;
    }
  }

  @Override
  public int exitCode(int auditExitCode) {
    if (auditExitCode != ExitCodes.CLEAN && auditExitCode != ExitCodes.FINDINGS) {
      return auditExitCode;
    }
    if (unreadable) {
      return ExitCodes.UNREADABLE;
    }
    return check.fails() ? ExitCodes.FINDINGS : auditExitCode;
  }
}
