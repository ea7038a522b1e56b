package io.modelaudit.api;

import java.nio.file.Path;

/**
 * The entry point of the library API: what {@code model-audit FILE} does, from Java.
 *
 * <pre>{@code
 * Report report = ModelAudit.audit(Path.of("seed_cnn.h5"), Options.defaults());
 * long params = report.totals().orElseThrow().params();       // 1966
 * boolean failing = report.hasFindingsAtLeast(Severity.ERROR); // as --fail-on error
 * }</pre>
 *
 * <p>Only headers are read, never weight values; nothing in a file is executed or deserialized.
 */
public final class ModelAudit {
  private ModelAudit() {}

  /** Audits one model file with the default options (the stored reference, 60 s per file). */
  public static Report audit(Path file) {
    return audit(file, Options.defaults());
  }

  /**
   * Audits one model file.
   *
   * @throws AuditException when the audit cannot run at all (e.g. {@link Reference#DL4J} and the
   *     worker is not there); a problem with the file is a report with status {@link
   *     Report.Status#ERROR}
   */
  public static Report audit(Path file, Options options) {
    try (Auditor auditor = open(options)) {
      return auditor.audit(file);
    }
  }

  /** An auditor for many files with these options; close it when done. */
  public static Auditor open(Options options) {
    return new Auditor(options);
  }
}
