package io.modelaudit.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A command line as parsed ({@link ArgsParser}): each option's values, then the other arguments.
 */
final class ParsedArgs {
  private final CommandSpec spec;
  private final Map<CliOption<?>, List<Object>> values;
  private final Map<CliOption<?>, Boolean> negated;
  private final Map<CliOption<?>, Object> defaults;
  private final List<Path> positionals;

  ParsedArgs(
      CommandSpec spec,
      Map<CliOption<?>, List<Object>> values,
      Map<CliOption<?>, Boolean> negated,
      Map<CliOption<?>, Object> defaults,
      List<Path> positionals) {
    this.spec = spec;
    this.values = values;
    this.negated = negated;
    this.defaults = defaults;
    this.positionals = positionals;
  }

  /** The option's value, its default when it was not given, or null. */
  @SuppressWarnings("unchecked")
  <T> T get(CliOption<T> option) {
    List<Object> given = values.get(option);
    return (T) (given == null ? defaults.get(option) : given.get(0));
  }

  /** Every value given to a repeatable option, in order. */
  @SuppressWarnings("unchecked")
  <T> List<T> all(CliOption<T> option) {
    return new ArrayList<>((List<T>) values.getOrDefault(option, List.of()));
  }

  /** Whether a flag was given (and, for a negatable one, not as {@code --no-NAME}). */
  boolean flag(CliOption<Boolean> option) {
    return values.containsKey(option) && !negated.getOrDefault(option, false);
  }

  /** A negatable flag: true, false for {@code --no-NAME}, or null when not given. */
  Boolean choice(CliOption<Boolean> option) {
    return values.containsKey(option) ? !negated.getOrDefault(option, false) : null;
  }

  /** The arguments that are not options. */
  List<Path> positionals() {
    return positionals;
  }

  /**
   * What the command needs and was not given, as the one line to print; null when nothing is
   * missing. Checked after {@code --help}, which needs nothing.
   */
  String missing() {
    for (CliOption<?> o : spec.options()) {
      if (o.isRequired() && !values.containsKey(o)) {
        return "Missing required option: '" + o.longestName() + "=" + o.label() + "'";
      }
    }
    List<Positional> declared = spec.acceptedPositionals();
    List<String> absent = new ArrayList<>();
    int index = 0;
    long most = 0;
    for (Positional p : declared) {
      if (positionals.size() < index + p.min()) {
        absent.add("'" + p.label() + "'");
      }
      index += p.min();
      most = Math.min(Positional.UNBOUNDED, most + p.max());
    }
    if (!absent.isEmpty()) {
      return "Missing required parameter"
          + (absent.size() > 1 ? "s" : "")
          + ": "
          + String.join(", ", absent);
    }
    if (positionals.size() > most) {
      return "Unmatched argument: '" + positionals.get((int) most) + "'";
    }
    return null;
  }
}
