package io.modelaudit.compare;

/**
 * Why a reference's numbers differ from ours, for a reader.
 *
 * @param catalogued what kind of difference this is (see {@link ExplanationKind})
 * @param message one or two sentences, with both sides' numbers
 */
public record Explanation(ExplanationKind catalogued, String message) {

  /** The kind's stable identifier. */
  public String kind() {
    return catalogued.id();
  }

  /**
   * True when the difference is the reference's documented convention or limitation; false when the
   * reference reads the model wrongly.
   */
  public boolean expected() {
    return catalogued.expected();
  }
}
