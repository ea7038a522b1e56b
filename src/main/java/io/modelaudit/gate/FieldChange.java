package io.modelaudit.gate;

/**
 * One value that differs between two audits.
 *
 * @param field the report's key, e.g. {@code params}, {@code output_shapes}, {@code weights.kernel}
 * @param before the old value (a string, number, boolean, shape list or dims), or null
 * @param after the new value, or null
 */
public record FieldChange(String field, Object before, Object after) {}
