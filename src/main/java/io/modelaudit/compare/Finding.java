package io.modelaudit.compare;

/**
 * One disagreement (or notice) about one layer.
 *
 * @param layer the layer's path ({@code outer/inner} in nested models), or null for the model
 * @param reference which reference disagrees ({@code stored}), or null
 * @param expected our value (from our formula)
 * @param actual the reference's value
 * @param formula how we computed {@code expected}
 * @param explanation why the reference differs, when known, or null
 * @param suppressed why a suppression file entry accepts the finding, or null: a suppressed finding
 *     is reported but does not fail the run
 */
public record Finding(
    Rule rule,
    Severity severity,
    String layer,
    String reference,
    Object expected,
    Object actual,
    String message,
    String formula,
    Explanation explanation,
    Suppressed suppressed) {

  /** A suppression file's entry that matched the finding. */
  public record Suppressed(String reason) {}

  public Finding(
      Rule rule,
      Severity severity,
      String layer,
      String reference,
      Object expected,
      Object actual,
      String message,
      String formula,
      Explanation explanation) {
    this(rule, severity, layer, reference, expected, actual, message, formula, explanation, null);
  }

  public Finding(
      Rule rule,
      Severity severity,
      String layer,
      String reference,
      Object expected,
      Object actual,
      String message,
      String formula) {
    this(rule, severity, layer, reference, expected, actual, message, formula, null, null);
  }

  /** This finding with its explanation, at the severity the explanation's kind calls for. */
  public Finding explained(Explanation why) {
    Severity weight = why.catalogued().severity();
    if (weight == null) {
      throw new IllegalStateException(why.kind() + " explains layers without a finding");
    }
    return new Finding(
        rule, weight, layer, reference, expected, actual, message, formula, why, suppressed);
  }

  /** This finding, suppressed for {@code reason}. */
  public Finding suppressed(String reason) {
    return new Finding(
        rule,
        severity,
        layer,
        reference,
        expected,
        actual,
        message,
        formula,
        explanation,
        new Suppressed(reason));
  }

  public static Finding of(
      Rule rule,
      String layer,
      String reference,
      Object expected,
      Object actual,
      String message,
      String formula) {
    return new Finding(rule, rule.severity(), layer, reference, expected, actual, message, formula);
  }
}
