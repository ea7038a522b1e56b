package io.modelaudit.report;

import io.modelaudit.compare.Finding;
import io.modelaudit.compare.Rule;

/**
 * The formula behind a count finding, as the one-line reports show it after the message ({@code
 * [ours: 10 × (5·5·6 + 1) = 1,510]}); shape findings carry it only in the structured fields.
 */
final class CountFormula {
  private CountFormula() {}

  static String suffix(Finding f) {
    boolean count = f.rule() == Rule.PARAM_MISMATCH || f.rule() == Rule.DL4J_PARAM_MISMATCH;
    return count && f.formula() != null ? " [ours: " + f.formula() + "]" : "";
  }
}
