package io.modelaudit.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.DefaultParser;
import org.apache.commons.cli.MissingArgumentException;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;
import org.apache.commons.cli.ParseException;
import org.apache.commons.cli.UnrecognizedOptionException;

/**
 * Parses a command's arguments with Commons CLI's {@link DefaultParser}, as GNU tools read them:
 * {@code --opt value}, {@code --opt=value}, {@code -j 2}, {@code -j2}, {@code -j=2}, clustered
 * flags ({@code -qV}), options anywhere among the arguments, {@code --} before arguments that are
 * not options. Long names need two dashes and the whole name; arguments are taken as they are
 * (quotes kept, {@code @file} not read). An option that takes one value may be given once.
 */
final class ArgsParser {
  private ArgsParser() {}

  /** A usage error; the message is the one line to print. */
  static final class UsageError extends Exception {
    UsageError(String message) {
      super(message);
    }
  }

  static ParsedArgs parse(CommandSpec spec, String... args) throws UsageError {
    List<CliOption<?>> declared = spec.accepted();
    Options options = new Options();
    Map<String, CliOption<?>> byKey = new HashMap<>();
    for (CliOption<?> o : declared) {
      for (Option option : o.parserOptions()) {
        options.addOption(option);
        byKey.put(option.getKey(), o);
      }
    }
    CommandLine line;
    try {
      line =
          DefaultParser.builder()
              .setAllowPartialMatching(false)
              .setStripLeadingAndTrailingQuotes(false)
              .get()
              .parse(options, normalized(declared, args));
    } catch (UnrecognizedOptionException e) {
      throw new UsageError("Unknown option: '" + e.getOption() + "'");
    } catch (MissingArgumentException e) {
      CliOption<?> o = byKey.get(e.getOption().getKey());
      throw new UsageError(
          "Missing required parameter for option '" + o.longestName() + "' (" + o.label() + ")");
    } catch (ParseException e) {
      throw new UsageError(e.getMessage());
    }
    Map<CliOption<?>, List<Object>> values = new LinkedHashMap<>();
    Map<CliOption<?>, Boolean> negated = new HashMap<>();
    for (Option given : line.getOptions()) {
      CliOption<?> o = byKey.get(given.getKey());
      List<Object> seen = values.computeIfAbsent(o, k -> new ArrayList<>());
      if (!seen.isEmpty() && !o.isRepeatable()) {
        throw new UsageError(
            "option '"
                + o.longestName()
                + "'"
                + (o.takesValue() ? " (" + o.label() + ")" : "")
                + " should be specified only once");
      }
      if (o.takesValue()) {
        seen.add(converted(o, given.getValue()));
      } else {
        seen.add(Boolean.TRUE);
        negated.put(o, given.getLongOpt() != null && given.getLongOpt().startsWith("no-"));
      }
    }
    List<Path> positionals = new ArrayList<>();
    for (String arg : line.getArgList()) {
      try {
        positionals.add(CliOption.toPath(arg));
      } catch (CliOption.BadValue e) {
        throw new UsageError("Invalid value for parameter: " + e.getMessage());
      }
    }
    Map<CliOption<?>, Object> defaults = new HashMap<>();
    for (CliOption<?> o : declared) {
      if (o.defaultText() != null && !values.containsKey(o)) {
        defaults.put(o, converted(o, o.defaultText()));
      }
    }
    return new ParsedArgs(spec, values, negated, defaults, positionals);
  }

  private static Object converted(CliOption<?> o, String text) throws UsageError {
    try {
      return o.convert(text);
    } catch (CliOption.BadValue e) {
      throw new UsageError("Invalid value for option '" + o.longestName() + "': " + e.getMessage());
    }
  }

  /**
   * The arguments as Commons CLI is to read them. A short option's value may be joined to it, with
   * or without {@code =} ({@code -j2}, {@code -osarif=r.sarif}): split off here, which Commons CLI
   * does not do when the value holds a {@code =}. A long name after one dash ({@code -quiet}) is
   * refused, where Commons CLI would take it as {@code --quiet}.
   */
  private static String[] normalized(List<CliOption<?>> declared, String[] args) throws UsageError {
    List<String> out = new ArrayList<>(args.length);
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      if (arg.equals("--")) {
        out.addAll(List.of(args).subList(i, args.length));
        break;
      }
      if (arg.startsWith("--") && arg.indexOf('=') > 2) {
        String flag = flagWithValue(declared, arg);
        if (flag != null) {
          if (!flag.isEmpty()) {
            out.add(flag);
          }
          continue;
        }
      }
      if (arg.length() <= 2 || !arg.startsWith("-") || arg.startsWith("--")) {
        out.add(arg);
        continue;
      }
      CliOption<?> first = byShortName(declared, arg.substring(1, 2));
      if (first != null && first.takesValue()) {
        out.add(arg.substring(0, 2));
        out.add(arg.charAt(2) == '=' ? arg.substring(3) : arg.substring(2));
        continue;
      }
      if (longAfterOneDash(declared, arg.substring(1))) {
        throw new UsageError("Unknown option: '" + arg + "'");
      }
      out.add(arg);
    }
    return out.toArray(String[]::new);
  }

  /**
   * Whether Commons CLI reads {@code -NAME} as a long option: NAME (before any {@code =}) is a long
   * name, or starts with the long name of an option taking a value, followed by at least two
   * characters ({@code -configX.json}).
   */
  private static boolean longAfterOneDash(List<CliOption<?>> declared, String text) {
    int eq = text.indexOf('=');
    String name = eq < 0 ? text : text.substring(0, eq);
    for (CliOption<?> o : declared) {
      if (o.longName() == null) {
        continue;
      }
      if (name.equals(o.longName()) || name.equals("no-" + o.longName()) && o.isNegatable()) {
        return true;
      }
      if (eq < 0
          && o.takesValue()
          && text.startsWith(o.longName())
          && text.length() - o.longName().length() >= 2) {
        return true;
      }
    }
    return false;
  }

  private static CliOption<?> byShortName(List<CliOption<?>> declared, String name) {
    for (CliOption<?> o : declared) {
      if (name.equals(o.shortName())) {
        return o;
      }
    }
    return null;
  }

  /**
   * A flag given a value, {@code --color=false}: the flag as Commons CLI is to read it ({@code
   * --no-color}, or "" for a flag set to false that has no negated form); null when {@code arg} is
   * no flag.
   */
  private static String flagWithValue(List<CliOption<?>> declared, String arg) throws UsageError {
    int eq = arg.indexOf('=');
    String name = arg.substring(0, eq);
    String value = arg.substring(eq + 1);
    for (CliOption<?> o : declared) {
      if (o.takesValue() || o.longName() == null) {
        continue;
      }
      boolean negated = name.equals(o.negatedName());
      if (!negated && !name.equals(o.longestName())) {
        continue;
      }
      boolean on;
      if (value.equalsIgnoreCase("true")) {
        on = !negated;
      } else if (value.equalsIgnoreCase("false")) {
        on = negated;
      } else {
        throw new UsageError(
            "Invalid value for option '" + name + "': '" + value + "' is not a boolean");
      }
      if (on) {
        return o.longestName();
      }
      return o.isNegatable() ? o.negatedName() : "";
    }
    return null;
  }
}
