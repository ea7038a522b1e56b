package io.modelaudit.cli;

import io.modelaudit.gate.Limits;
import io.modelaudit.gate.LockException;
import io.modelaudit.gate.LockFile;
import io.modelaudit.gate.LockJson;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code model-audit check --baseline model-audit.lock PATH...}: the CI gate. */
final class CheckCommand implements Callable<Integer> {
  static final CliOption<Path> BASELINE =
      CliOption.value(
              null,
              "baseline",
              "FILE",
              CliOption::toPath,
              "The lock file written by 'model-audit baseline'.")
          .required()
          .files();

  static final LimitOptions LIMITS =
      LimitOptions.declared("Fail when ", " (overrides the lock's limit).");

  static final CliOption<Boolean> FAIL_ON_RETRAINED =
      CliOption.flag(
          null,
          "fail-on-retrained",
          "Fail also when a file's bytes changed though its audit did not.");

  static final CommandSpec SPEC =
      new CommandSpec(
          "check",
          List.of(
              "Audits the models as 'model-audit PATH...' does, and compares each with its entry"
                  + " in the lock file written by 'model-audit baseline'. Fails when a model"
                  + " mismatches its own weights (--fail-on applies), drifted from the lock (a"
                  + " per-layer diff is shown), is new (not in the lock), is gone (in the lock,"
                  + " within PATH, not found) or exceeds a limit. A file whose bytes changed but"
                  + " whose audit did not (retrained weights) is reported and passes.",
              "Every option of model-audit (--format, --fail-on, --config, --input-shape,"
                  + " --reference, ...) applies. Run it from the directory the lock was made in:"
                  + " its paths are relative to it."),
          List.of(
              BASELINE,
              LIMITS.params(),
              LIMITS.fileBytes(),
              LIMITS.macs(),
              LIMITS.weightBytes(),
              FAIL_ON_RETRAINED),
          List.of(),
          true,
          List.of(
              "0:every model matches the lock and its own weights",
              "1:findings at or above --fail-on, drift, a new or gone model, or a limit exceeded",
              "2:usage error (the lock file is missing, among others)",
              "3:a file or the lock could not be read",
              "4:internal error"),
          List.of());

  private final ParsedArgs args;
  private final PrintWriter out;
  private final PrintWriter err;
  private final boolean terminal;
  private final Map<String, String> environment;

  CheckCommand(
      ParsedArgs args,
      PrintWriter out,
      PrintWriter err,
      boolean terminal,
      Map<String, String> environment) {
    this.args = args;
    this.out = out;
    this.err = err;
    this.terminal = terminal;
    this.environment = environment;
  }

  @Override
  public Integer call() {
    Limits limits = LIMITS.read(args, err);
    if (limits == null) {
      return ExitCodes.USAGE;
    }
    Path lockFile = args.get(BASELINE);
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
    return AuditCommand.run(
        args,
        out,
        err,
        terminal,
        environment,
        new CheckExtension(lockFile.toString(), lock, limits, args.flag(FAIL_ON_RETRAINED), err));
  }
}
