package io.modelaudit.cli;

import io.modelaudit.gate.Limits;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code model-audit baseline PATH... -o model-audit.lock}: records the models' audits. */
final class BaselineCommand implements Callable<Integer> {
  static final CliOption<Path> OUTPUT =
      CliOption.value(
              "o",
              "output",
              "FILE",
              CliOption::toPath,
              "The lock file to write (default: ${DEFAULT-VALUE}).")
          .defaultValue("model-audit.lock")
          .files();

  static final LimitOptions LIMITS = LimitOptions.declared("Record a limit: fail when ", ".");

  static final CommandSpec SPEC =
      new CommandSpec(
          "baseline",
          List.of(
              "Audits the models as 'model-audit PATH...' does and records, per model, its path"
                  + " (relative to the current directory), SHA-256, format, framework, totals and"
                  + " layers in a lock file, sorted by path, for 'model-audit check --baseline'."
                  + " Limits given here are recorded too; otherwise an existing lock file's are"
                  + " kept.",
              "Every option of model-audit (--format, --config, --input-shape, ...) applies."),
          List.of(OUTPUT, LIMITS.params(), LIMITS.fileBytes(), LIMITS.macs(), LIMITS.weightBytes()),
          List.of(),
          true,
          List.of(
              "0:recorded; no findings at or above --fail-on",
              "1:recorded, but findings at or above --fail-on",
              "2:usage error",
              "3:a file could not be read or audited (the lock is not written)",
              "4:internal error"),
          List.of());

  private final ParsedArgs args;
  private final PrintWriter out;
  private final PrintWriter err;
  private final boolean terminal;
  private final Map<String, String> environment;

  BaselineCommand(
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
    return AuditCommand.run(
        args,
        out,
        err,
        terminal,
        environment,
        new BaselineExtension(args.get(OUTPUT), limits, err));
  }
}
