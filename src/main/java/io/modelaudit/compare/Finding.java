package io.modelaudit.compare;

/**
 * One disagreement (or notice) about one layer.
 *
 * @param layer the layer's path ({@code outer/inner} in nested models), or null for the model
 * @param reference which reference disagrees ({@code stored}), or null
 * @param expected our value (from our formula)
 * @param actual the reference's value
 * @param formula how we computed {@code expected}
 */
public record Finding(Rule rule, Severity severity, String layer, String reference, Object expected,
    Object actual, String message, String formula) {

  public static Finding of(Rule rule, String layer, String reference, Object expected, Object actual, String message, String formula) {
    return new Finding(rule, rule.severity(), layer, reference, expected, actual, message, formula);
  }
}
