package io.modelaudit.cli;

import io.modelaudit.gate.Limits;
import java.io.PrintWriter;

/**
 * The four limits a lock file can hold, declared once: {@code baseline} records them in the lock,
 * {@code check} enforces them instead of the lock's. Only the words around each limit differ.
 */
record LimitOptions(
    CliOption<Long> params,
    CliOption<Long> fileBytes,
    CliOption<Long> macs,
    CliOption<Long> weightBytes) {

  /** Each option's help: {@code before} + what the limit forbids + {@code after}. */
  static LimitOptions declared(String before, String after) {
    return new LimitOptions(
        limit("max-params", before + "a model has more than N parameters" + after),
        limit("max-file-bytes", before + "a model file is larger than N bytes" + after),
        limit(
            "max-macs",
            before + "one example costs a model more than N multiply-accumulates" + after),
        limit(
            "max-weight-bytes",
            before + "a model's stored weights take more than N bytes" + after));
  }

  /** The limits given, or null after saying on {@code err} that one is negative. */
  Limits read(ParsedArgs args, PrintWriter err) {
    Long maxParams = args.get(params);
    Long maxFileBytes = args.get(fileBytes);
    Long maxMacs = args.get(macs);
    Long maxWeightBytes = args.get(weightBytes);
    if ((maxParams != null && maxParams < 0)
        || (maxFileBytes != null && maxFileBytes < 0)
        || (maxMacs != null && maxMacs < 0)
        || (maxWeightBytes != null && maxWeightBytes < 0)) {
      GateCommands.error(
          err,
          "--max-params, --max-file-bytes, --max-macs and --max-weight-bytes must not be negative");
      return null;
    }
    return new Limits(maxParams, maxFileBytes, maxMacs, maxWeightBytes);
  }

  private static CliOption<Long> limit(String name, String description) {
    return CliOption.value(null, name, "N", CliOption::toLong, description);
  }
}
