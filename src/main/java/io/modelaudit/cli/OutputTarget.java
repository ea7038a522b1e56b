package io.modelaudit.cli;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * One {@code -o}: {@code FORMAT=FILE} writes that format to a file beside the report on stdout; a
 * bare {@code FILE} writes the {@code --format} report there instead of on stdout ({@code format}
 * null until {@link #as} gives it the {@code --format} one).
 */
record OutputTarget(AuditCommand.OutputFormat format, Path file, String given) {

  /** This target writing {@code other}. */
  OutputTarget as(AuditCommand.OutputFormat other) {
    return new OutputTarget(other, file, given);
  }

  /**
   * Parses {@code FORMAT=FILE} or {@code FILE}; a {@code NAME=FILE} whose name is no format is a
   * usage error naming the formats.
   */
  static OutputTarget parse(String value) throws CliOption.BadValue {
    int eq = value.indexOf('=');
    String formats =
        Arrays.stream(AuditCommand.OutputFormat.values())
            .map(Enum::name)
            .collect(Collectors.joining(", "));
    boolean formatName =
        Arrays.stream(AuditCommand.OutputFormat.values())
            .anyMatch(f -> f.name().equals(value.toLowerCase(Locale.ROOT)));
    if (eq < 0 && !value.isEmpty() && !formatName) {
      return target(null, value, value);
    }
    if (eq <= 0 || eq == value.length() - 1) {
      throw new CliOption.BadValue(
          "expected FILE or FORMAT=FILE (FORMAT one of " + formats + ") but was '" + value + "'");
    }
    String name = value.substring(0, eq).toLowerCase(Locale.ROOT);
    AuditCommand.OutputFormat format;
    try {
      format = AuditCommand.OutputFormat.valueOf(name);
    } catch (IllegalArgumentException e) {
      throw new CliOption.BadValue(
          "expected FORMAT=FILE with FORMAT one of " + formats + ", but was '" + value + "'");
    }
    return target(format, value.substring(eq + 1), value);
  }

  private static OutputTarget target(AuditCommand.OutputFormat format, String file, String value)
      throws CliOption.BadValue {
    try {
      return new OutputTarget(format, Path.of(file), value);
    } catch (InvalidPathException e) {
      throw new CliOption.BadValue("'" + value + "': not a file path (" + e.getReason() + ")");
    }
  }
}
