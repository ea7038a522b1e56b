package io.modelaudit.cli;

import io.modelaudit.gate.Limits;
import io.modelaudit.gate.LockException;
import io.modelaudit.gate.LockFile;
import io.modelaudit.gate.LockJson;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Unmatched;

/** {@code model-audit check --baseline model-audit.lock PATH...}: the CI gate. */
@Command(
    name = "check",
    mixinStandardHelpOptions = true,
    versionProvider = AuditCommand.Version.class,
    sortOptions = false,
    customSynopsis = {
      "model-audit check --baseline FILE [--max-params N] [--max-file-bytes N]",
      "                  [--fail-on-retrained] [AUDIT OPTIONS] PATH..."
    },
    description = {
      "Audits the models as 'model-audit PATH...' does, and compares each with its entry"
          + " in the lock file written by 'model-audit baseline'. Fails when a model"
          + " mismatches its own weights (--fail-on applies), drifted from the lock (a"
          + " per-layer diff is shown), is new (not in the lock), is gone (in the lock,"
          + " within PATH, not found) or exceeds a limit. A file whose bytes changed but"
          + " whose audit did not (retrained weights) is reported and passes.",
      "Every option of model-audit (--format, --fail-on, --config, --input-shape,"
          + " --reference, ...) applies. Run it from the directory the lock was made in:"
          + " its paths are relative to it.",
      ""
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:every model matches the lock and its own weights",
      "1:findings at or above --fail-on, drift, a new or gone model, or a limit exceeded",
      "2:usage error (the lock file is missing, among others)",
      "3:a file or the lock could not be read",
      "4:internal error"
    })
final class CheckCommand implements Callable<Integer> {
  @Option(
      names = "--baseline",
      required = true,
      paramLabel = "FILE",
      description = "The lock file written by 'model-audit baseline'.")
  private Path lockFile;

  @Option(
      names = "--max-params",
      paramLabel = "N",
      description = "Fail when a model has more than N parameters (overrides the lock's limit).")
  private Long maxParams;

  @Option(
      names = "--max-file-bytes",
      paramLabel = "N",
      description = "Fail when a model file is larger than N bytes (overrides the lock's limit).")
  private Long maxFileBytes;

  @Option(
      names = "--fail-on-retrained",
      description = "Fail also when a file's bytes changed though its audit did not.")
  private boolean failOnRetrained;

  @Unmatched private List<String> auditArgs = new ArrayList<>();

  private final PrintWriter out;
  private final PrintWriter err;
  private final boolean terminal;
  private final Map<String, String> environment;

  CheckCommand(
      PrintWriter out, PrintWriter err, boolean terminal, Map<String, String> environment) {
    this.out = out;
    this.err = err;
    this.terminal = terminal;
    this.environment = environment;
  }

  @Override
  public Integer call() {
    Limits limits = limits(maxParams, maxFileBytes, err);
    if (limits == null) {
      return ExitCodes.USAGE;
    }
    if (!Files.exists(lockFile)) {
      GateCommands.error(err, "--baseline " + lockFile + ": no such file");
      return ExitCodes.USAGE;
    }
    LockFile lock;
    try {
      lock = LockJson.read(lockFile);
    } catch (LockException e) {
      GateCommands.error(err, "--baseline " + e.getMessage());
      return ExitCodes.UNREADABLE;
    }
    return AuditCommand.execute(
        out,
        err,
        terminal,
        environment,
        new CheckExtension(lockFile.toString(), lock, limits, failOnRetrained, err),
        auditArgs.toArray(String[]::new));
  }

  /** The command line's limits, or null (after an error line) when one is negative. */
  static Limits limits(Long maxParams, Long maxFileBytes, PrintWriter err) {
    if ((maxParams != null && maxParams < 0) || (maxFileBytes != null && maxFileBytes < 0)) {
      GateCommands.error(err, "--max-params and --max-file-bytes must not be negative");
      return null;
    }
    return new Limits(maxParams, maxFileBytes);
  }
}
