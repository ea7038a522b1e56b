package io.modelaudit.api;

import io.modelaudit.audit.ModelAuditor;
import io.modelaudit.ir.Shape;
import io.modelaudit.reference.dl4j.Dl4jReference;
import io.modelaudit.reference.dl4j.Dl4jReferenceClient;
import io.modelaudit.reference.dl4j.Dl4jWorker;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Audits many files with one set of options, keeping what is costly to start (the DL4J worker
 * process, the time-limit thread) between them. Close it when done. Not for use by several threads
 * at once.
 *
 * <pre>{@code
 * try (Auditor auditor = ModelAudit.open(Options.defaults().withReference(Reference.ALL))) {
 *   for (Path file : files) {
 *     Report report = auditor.audit(file);
 *   }
 * }
 * }</pre>
 */
public final class Auditor implements AutoCloseable {
  private final Dl4jReferenceClient dl4j;
  private final ModelAuditor auditor;

  Auditor(Options options) {
    Objects.requireNonNull(options, "options");
    List<String> worker = null;
    if (options.reference() != Reference.STORED) {
      try {
        worker = Dl4jWorker.command();
      } catch (Dl4jWorker.UnavailableException e) {
        throw new AuditException(
            "reference "
                + options.reference().name().toLowerCase(java.util.Locale.ROOT)
                + ": "
                + e.getMessage());
      }
    }
    Map<String, Shape> shapes = new LinkedHashMap<>();
    options.inputShapes().forEach((name, dims) -> shapes.put(name, Shape.of(dims)));
    this.dl4j = worker == null ? null : new Dl4jReferenceClient(worker, options.timeout());
    this.auditor =
        new ModelAuditor(
            shapes,
            options.architecture(),
            dl4j == null ? List.of() : List.of(new Dl4jReference(dl4j)),
            options.timeout());
  }

  /**
   * Audits one model file. A file that cannot be read, or is no supported model, gives a report
   * with status {@link Report.Status#ERROR}, not an exception.
   */
  public Report audit(Path file) {
    return new Report(auditor.audit(Objects.requireNonNull(file, "file")));
  }

  /** Stops the DL4J worker, if one was started, and the time-limit thread. */
  @Override
  public void close() {
    try {
      auditor.close();
    } finally {
      if (dl4j != null) {
        dl4j.close();
      }
    }
  }
}
