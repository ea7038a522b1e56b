package io.modelaudit.cli;

import io.modelaudit.gate.Limits;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Unmatched;

/** {@code model-audit baseline PATH... -o model-audit.lock}: records the models' audits. */
@Command(
    name = "baseline",
    mixinStandardHelpOptions = true,
    versionProvider = AuditCommand.Version.class,
    sortOptions = false,
    customSynopsis = {
      "model-audit baseline [-o FILE] [--max-params N] [--max-file-bytes N] [--max-macs N]"
          + " [--max-weight-bytes N]",
      "                     [AUDIT OPTIONS] PATH..."
    },
    description = {
      "Audits the models as 'model-audit PATH...' does and records, per model, its path"
          + " (relative to the current directory), SHA-256, format, framework, totals and"
          + " layers in a lock file, sorted by path, for 'model-audit check --baseline'."
          + " Limits given here are recorded too; otherwise an existing lock file's are kept.",
      "Every option of model-audit (--format, --config, --input-shape, ...) applies.",
      ""
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:recorded; no findings at or above --fail-on",
      "1:recorded, but findings at or above --fail-on",
      "2:usage error",
      "3:a file could not be read or audited (the lock is not written)",
      "4:internal error"
    })
final class BaselineCommand implements Callable<Integer> {
  @Option(
      names = {"-o", "--output"},
      paramLabel = "FILE",
      defaultValue = "model-audit.lock",
      description = "The lock file to write (default: ${DEFAULT-VALUE}).")
  private Path output;

  @Option(
      names = "--max-params",
      paramLabel = "N",
      description = "Record a limit: no model may have more than N parameters.")
  private Long maxParams;

  @Option(
      names = "--max-file-bytes",
      paramLabel = "N",
      description = "Record a limit: no model file may be larger than N bytes.")
  private Long maxFileBytes;

  @Option(
      names = "--max-macs",
      paramLabel = "N",
      description = "Record a limit: a model may cost one example at most N multiply-accumulates.")
  private Long maxMacs;

  @Option(
      names = "--max-weight-bytes",
      paramLabel = "N",
      description = "Record a limit: a model's stored weights may take at most N bytes.")
  private Long maxWeightBytes;

  @Unmatched private List<String> auditArgs = new ArrayList<>();

  private final PrintWriter out;
  private final PrintWriter err;
  private final boolean terminal;
  private final Map<String, String> environment;

  BaselineCommand(
      PrintWriter out, PrintWriter err, boolean terminal, Map<String, String> environment) {
    this.out = out;
    this.err = err;
    this.terminal = terminal;
    this.environment = environment;
  }

  @Override
  public Integer call() {
    Limits limits = CheckCommand.limits(maxParams, maxFileBytes, maxMacs, maxWeightBytes, err);
    if (limits == null) {
      return ExitCodes.USAGE;
    }
    return AuditCommand.execute(
        out,
        err,
        terminal,
        environment,
        new BaselineExtension(output, limits, err),
        auditArgs.toArray(String[]::new));
  }
}
