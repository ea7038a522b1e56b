package io.modelaudit.api;

import io.modelaudit.cli.AuditCommand;
import io.modelaudit.ir.Shape;
import io.modelaudit.report.JsonRenderer;
import io.modelaudit.report.LayerReport;
import io.modelaudit.report.ModelReport;
import io.modelaudit.report.ReportCounts;
import io.modelaudit.report.ReportRenderer;
import io.modelaudit.report.TextRenderer;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The audit of one model file: an immutable snapshot. The same numbers as the command line's
 * reports; {@link #toJson()} and {@link #toText()} give those reports themselves.
 */
public final class Report {
  /** The outcome for the file, as the report's {@code status}. */
  public enum Status {
    /** Every number agrees with every reference asked. */
    OK,
    /** At least one layer disagrees with a reference: see {@link #findings()}. */
    MISMATCH,
    /** The file could not be audited: see {@link #error()}. */
    ERROR
  }

  /**
   * Why a file could not be audited.
   *
   * @param kind a stable identifier: not_found, not_a_model, corrupt, weights_only,
   *     unsupported_format, timeout, ... (docs/json-report.md)
   * @param message one line for a person
   */
  public record ErrorInfo(String kind, String message) {}

  /**
   * Parameter totals of the model.
   *
   * @param params our count over every layer (stored counts for the layers we could not infer)
   * @param trainable the trainable ones among our counts
   * @param nonTrainable the non-trainable ones among our counts
   * @param stored what the file stores in all, or null when it stores no weights
   * @param complete false when any layer's count is not ours
   */
  public record Totals(
      long params, long trainable, long nonTrainable, Long stored, boolean complete) {}

  /**
   * One layer's row, in the model's order; layers of nested models follow their parent with a
   * greater depth.
   *
   * @param name the layer's name
   * @param path {@code outer/inner} for layers of nested models, else the name
   * @param className the framework's class, e.g. {@code Conv2D}
   * @param outputShapes the shapes of the layer's (first call's) outputs, each a list of dims with
   *     null for an unknown dim (null for a shape not known at all); null when unknown
   * @param params the parameter count (ours, or the stored one when we could not infer it), or null
   * @param trainable the trainable part of {@code params}, or null
   * @param nonTrainable the non-trainable part of {@code params}, or null
   * @param storedParams what the file stores for the layer, or null when it stores nothing for it
   * @param status ok, mismatch, unverified or unsupported
   * @param formula how we computed {@code params}, e.g. {@code 6 × (5·5·3 + 1) = 456}, or null
   * @param depth 0 for top-level layers
   */
  public record Layer(
      String name,
      String path,
      String className,
      List<List<Long>> outputShapes,
      Long params,
      Long trainable,
      Long nonTrainable,
      Long storedParams,
      String status,
      String formula,
      int depth) {}

  /**
   * One disagreement or notice.
   *
   * @param rule the rule's identifier, e.g. {@code PARAM_MISMATCH} (docs/generated/rules.md)
   * @param severity how serious it is
   * @param layer the layer's path, or null for the whole model
   * @param reference which reference disagrees ({@code stored}, {@code dl4j}, ...), or null
   * @param expected our value, as the JSON report writes it, or null
   * @param actual the reference's value, or null
   * @param message one line for a person
   * @param formula how we computed {@code expected}, or null
   */
  public record Finding(
      String rule,
      Severity severity,
      String layer,
      String reference,
      String expected,
      String actual,
      String message,
      String formula) {}

  private final ModelReport model;
  private final List<Layer> layers;
  private final List<Finding> findings;

  Report(ModelReport model) {
    this.model = model;
    List<Layer> rows = new ArrayList<>();
    for (LayerReport l : model.layers()) {
      rows.add(layer(l));
    }
    this.layers = Collections.unmodifiableList(rows);
    List<Finding> found = new ArrayList<>();
    for (io.modelaudit.compare.Finding f : model.findings()) {
      found.add(finding(f));
    }
    this.findings = Collections.unmodifiableList(found);
  }

  /** The file as it was given. */
  public String path() {
    return model.path();
  }

  public Status status() {
    return Status.valueOf(model.status().toUpperCase(Locale.ROOT));
  }

  /** Why the file could not be audited; empty unless {@link #status()} is {@link Status#ERROR}. */
  public Optional<ErrorInfo> error() {
    return Optional.ofNullable(model.error()).map(e -> new ErrorInfo(e.kind(), e.message()));
  }

  /** The file's form, e.g. {@code keras-h5}, {@code keras-v3}, {@code dl4j-zip}, or null. */
  public String format() {
    return model.format();
  }

  /** The framework that wrote the file and its version, e.g. {@code keras 3.15.1}, or empty. */
  public Optional<String> framework() {
    ModelReport.Framework f = model.framework();
    if (f == null || f.name() == null) {
      return Optional.empty();
    }
    return Optional.of(f.version() == null ? f.name() : f.name() + " " + f.version());
  }

  /** The totals; empty when the file could not be audited. */
  public Optional<Totals> totals() {
    ModelReport.Totals t = model.totals();
    if (t == null) {
      return Optional.empty();
    }
    return Optional.of(
        new Totals(t.params(), t.trainable(), t.nonTrainable(), t.stored(), t.complete()));
  }

  public List<Layer> layers() {
    return layers;
  }

  public List<Finding> findings() {
    return findings;
  }

  /** Whether any finding is at least this serious: what the command line's --fail-on checks. */
  public boolean hasFindingsAtLeast(Severity severity) {
    return findings.stream().anyMatch(f -> f.severity().compareTo(severity) >= 0);
  }

  /** The command line's JSON report (schema_version 1, docs/json-report.md) of this file alone. */
  public String toJson() {
    return render(new JsonRenderer());
  }

  /** The command line's text report of this file alone, without colours. */
  public String toText() {
    return render(new TextRenderer(false));
  }

  private String render(ReportRenderer renderer) {
    StringWriter text = new StringWriter();
    PrintWriter out = new PrintWriter(text);
    ReportRenderer.ReportStream stream = renderer.open(AuditCommand.VERSION, out);
    stream.model(model);
    ReportCounts counts = new ReportCounts();
    counts.add(model);
    stream.finish(counts);
    out.flush();
    return text.toString();
  }

  @Override
  public String toString() {
    return "Report[" + path() + ", " + status() + "]";
  }

  private static Layer layer(LayerReport l) {
    return new Layer(
        l.name(),
        l.path(),
        l.className(),
        shapes(l.outputShapes()),
        l.params(),
        l.trainable(),
        l.nonTrainable(),
        l.storedParams(),
        l.status(),
        l.formula(),
        l.depth());
  }

  private static List<List<Long>> shapes(List<Shape> shapes) {
    if (shapes == null) {
      return null;
    }
    List<List<Long>> out = new ArrayList<>();
    for (Shape s : shapes) {
      out.add(
          s == null || s.isUnknown()
              ? null
              : Collections.unmodifiableList(new ArrayList<>(s.dims())));
    }
    return Collections.unmodifiableList(out);
  }

  private static Finding finding(io.modelaudit.compare.Finding f) {
    return new Finding(
        f.rule().name(),
        Severity.valueOf(f.severity().name()),
        f.layer(),
        f.reference(),
        value(f.expected()),
        value(f.actual()),
        f.message(),
        f.formula());
  }

  /** As the JSON report writes a finding's value. */
  private static String value(Object v) {
    if (v == null) {
      return null;
    }
    return v instanceof Number ? Long.toString(((Number) v).longValue()) : v.toString();
  }
}
