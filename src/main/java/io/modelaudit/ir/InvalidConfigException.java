package io.modelaudit.ir;

/**
 * A rule cannot be built from the configuration it was given: a value out of its range, a missing
 * or contradictory option. It is a finding about the file ({@code CONFIG_INVALID}). Rules throw it
 * on purpose; any other exception from a rule is a bug in this tool.
 */
public class InvalidConfigException extends IllegalArgumentException {
  public InvalidConfigException(String message) {
    super(message);
  }
}
