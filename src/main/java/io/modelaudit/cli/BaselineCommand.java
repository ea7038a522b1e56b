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

  static final CliOption<Long> MAX_PARAMS =
      CliOption.value(
          null,
          "max-params",
          "N",
          CliOption::toLong,
          "Record a limit: no model may have more than N parameters.");

  static final CliOption<Long> MAX_FILE_BYTES =
      CliOption.value(
          null,
          "max-file-bytes",
          "N",
          CliOption::toLong,
          "Record a limit: no model file may be larger than N bytes.");

  static final CliOption<Long> MAX_MACS =
      CliOption.value(
          null,
          "max-macs",
          "N",
          CliOption::toLong,
          "Record a limit: a model may cost one example at most N multiply-accumulates.");

  static final CliOption<Long> MAX_WEIGHT_BYTES =
      CliOption.value(
          null,
          "max-weight-bytes",
          "N",
          CliOption::toLong,
          "Record a limit: a model's stored weights may take at most N bytes.");

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
          List.of(OUTPUT, MAX_PARAMS, MAX_FILE_BYTES, MAX_MACS, MAX_WEIGHT_BYTES),
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
    Limits limits =
        CheckCommand.limits(
            args.get(MAX_PARAMS),
            args.get(MAX_FILE_BYTES),
            args.get(MAX_MACS),
            args.get(MAX_WEIGHT_BYTES),
            err);
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
