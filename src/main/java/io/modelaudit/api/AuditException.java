package io.modelaudit.api;

/**
 * The audit cannot run at all, e.g. the DL4J reference worker was asked for and is not there. A
 * problem with a model file is not one: it is a {@link Report} with status {@link
 * Report.Status#ERROR}.
 */
public final class AuditException extends RuntimeException {
  AuditException(String message) {
    super(message);
  }
}
