package io.modelaudit.cli;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import picocli.CommandLine;

/** One {@code -o FORMAT=FILE}: a report format written to a file beside the one on stdout. */
record OutputTarget(AuditCommand.OutputFormat format, Path file, String given) {

  /** Parses {@code FORMAT=FILE}; a wrong one is a usage error naming the formats. */
  static final class Converter implements CommandLine.ITypeConverter<OutputTarget> {
    @Override
    public OutputTarget convert(String value) {
      int eq = value.indexOf('=');
      String formats =
          Arrays.stream(AuditCommand.OutputFormat.values())
              .map(Enum::name)
              .collect(Collectors.joining(", "));
      if (eq <= 0 || eq == value.length() - 1) {
        throw new CommandLine.TypeConversionException(
            "expected FORMAT=FILE (FORMAT one of " + formats + ") but was '" + value + "'");
      }
      String name = value.substring(0, eq).toLowerCase(Locale.ROOT);
      AuditCommand.OutputFormat format;
      try {
        format = AuditCommand.OutputFormat.valueOf(name);
      } catch (IllegalArgumentException e) {
        throw new CommandLine.TypeConversionException(
            "expected FORMAT=FILE with FORMAT one of " + formats + ", but was '" + value + "'");
      }
      String file = value.substring(eq + 1);
      try {
        return new OutputTarget(format, Path.of(file), value);
      } catch (InvalidPathException e) {
        throw new CommandLine.TypeConversionException(
            "'" + value + "': not a file path (" + e.getReason() + ")");
      }
    }
  }
}
