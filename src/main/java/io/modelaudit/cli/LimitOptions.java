package io.modelaudit.cli;

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

  private static CliOption<Long> limit(String name, String description) {
    return CliOption.value(null, name, "N", CliOption::toLong, description);
  }
}
