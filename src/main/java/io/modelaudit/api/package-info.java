/**
 * The Java library API: audit a model file from Java code, without the command line.
 *
 * <pre>{@code
 * Report report = ModelAudit.audit(Path.of("models/seed_cnn.h5"), Options.defaults());
 * if (report.status() != Report.Status.OK) {
 *   report.findings().forEach(f -> System.out.println(f.severity() + " " + f.rule() + " " + f.message()));
 * }
 * }</pre>
 *
 * <p>Only the types of this package are the library's contract ({@link ModelAudit}, {@link
 * Auditor}, {@link Options}, {@link Report} and what they return); every other package of the jar
 * is internal and may change in any release. Reports are immutable snapshots, safe to share between
 * threads. See {@code docs/library.md}.
 */
package io.modelaudit.api;
