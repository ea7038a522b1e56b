package io.modelaudit.report;

import java.util.List;

/**
 * Results a command adds beside the audit's findings, for the formats that list results (SARIF,
 * JUnit, GitHub annotations): {@code check} adds a model's drift from the lock, a new or gone
 * model, a limit exceeded. The text and JSON formats have their own sections ({@link
 * JsonSections}).
 */
public interface AddedResults {
  AddedResults NONE = new AddedResults() {};

  /** The rules the results name, in a fixed order (SARIF lists them in its driver). */
  default List<AddedRule> rules() {
    return List.of();
  }

  /** The results about model {@code m}; asked while {@code m} is being written. */
  default List<AddedResult> model(ModelReport m) {
    return List.of();
  }

  /** Results about no model that was audited (e.g. a model of the lock not found), at the end. */
  default List<AddedResult> end() {
    return List.of();
  }

  /**
   * A rule behind added results.
   *
   * @param description one sentence
   * @param help what it means and what to do
   */
  record AddedRule(String id, String description, String help) {}

  /**
   * One result.
   *
   * @param path the model file the result is about, as the report names files
   * @param message one line
   * @param details more lines (a per-layer diff), possibly none
   */
  record AddedResult(
      String ruleId, Level level, String path, String message, List<String> details) {
    public AddedResult {
      details = List.copyOf(details);
    }
  }

  /** FAIL fails the run; NOTE is said and passes; PASS says the check was made and passed. */
  enum Level {
    FAIL,
    NOTE,
    PASS
  }
}
