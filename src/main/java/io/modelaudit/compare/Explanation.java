package io.modelaudit.compare;

/**
 * Why a reference's numbers differ from ours, for a reader.
 *
 * @param kind a stable identifier (README lists them)
 * @param expected true when the difference is the reference's documented convention or
 *     limitation; false when the reference reads the model wrongly
 * @param message one or two sentences, with both sides' numbers
 */
public record Explanation(String kind, boolean expected, String message) {}
