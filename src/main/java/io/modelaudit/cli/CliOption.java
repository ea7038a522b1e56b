package io.modelaudit.cli;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.cli.Option;

/**
 * One option of a command, declared once: its names and value label (a Commons CLI {@link Option}),
 * and what Commons CLI does not hold: how its text becomes a value, its default, its values for
 * completion, its help group, whether it may be repeated or negated ({@code --no-NAME}). Parsing,
 * {@code --help}, the completion script and the man page are all made from it.
 *
 * <p>Configured where it is declared (the fluent methods return it) and never changed after.
 *
 * @param <T> the type of its value; {@code Boolean} for a flag
 */
public final class CliOption<T> {
  /** How an option's text becomes its value. */
  @FunctionalInterface
  interface Converter<T> {
    /** The value, or {@link BadValue} saying why the text is none. */
    T convert(String text) throws BadValue;
  }

  /** A text that is no value of the option; the message says why, e.g. "'x' is not an int". */
  static final class BadValue extends Exception {
    BadValue(String message) {
      super(message);
    }
  }

  /** What the shell completes an option's value with. */
  enum Completion {
    NONE,
    FILES,
    VALUES
  }

  private final String shortName;
  private final String longName;
  private final String label;
  private final Converter<T> converter;
  private final List<String> description;
  private String defaultValue;
  private List<String> candidates = List.of();
  private Completion completion = Completion.NONE;
  private HelpGroup group = HelpGroup.OTHER;
  private boolean repeatable;
  private boolean negatable;
  private boolean required;

  private CliOption(
      String shortName,
      String longName,
      String label,
      Converter<T> converter,
      List<String> description) {
    if (shortName == null && longName == null) {
      throw new IllegalArgumentException("an option needs a name");
    }
    this.shortName = shortName;
    this.longName = longName;
    this.label = label;
    this.converter = converter;
    this.description = description;
  }

  /**
   * A flag, {@code -s}/{@code --long} (either may be null). Each description string is a paragraph
   * of the help; {@code ${DEFAULT-VALUE}} and {@code ${COMPLETION-CANDIDATES}} in it stand for the
   * default and the values.
   */
  static CliOption<Boolean> flag(String shortName, String longName, String... description) {
    return new CliOption<>(shortName, longName, null, null, List.of(description));
  }

  /** An option with a value shown as {@code label}, made by {@code converter}. */
  static <T> CliOption<T> value(
      String shortName,
      String longName,
      String label,
      Converter<T> converter,
      String... description) {
    return new CliOption<>(shortName, longName, label, converter, List.of(description));
  }

  /** An option whose value is one of {@code values}, named case-insensitively. */
  static <E extends Enum<E>> CliOption<E> choice(
      String shortName, String longName, String label, E[] values, String... description) {
    List<String> names = Arrays.stream(values).map(Enum::name).toList();
    return value(shortName, longName, label, text -> choose(values, text), description)
        .candidates(names);
  }

  private static <E extends Enum<E>> E choose(E[] values, String text) throws BadValue {
    for (E e : values) {
      if (e.name().equalsIgnoreCase(text)) {
        return e;
      }
    }
    throw new BadValue(
        "expected one of "
            + Arrays.stream(values).map(Enum::name).toList()
            + " (case-insensitive) but was '"
            + text
            + "'");
  }

  /** The value used when the option is not given, as it would be typed. */
  CliOption<T> defaultValue(String text) {
    this.defaultValue = text;
    return this;
  }

  /** The values the shell offers (the help lists them for {@code ${COMPLETION-CANDIDATES}}). */
  CliOption<T> candidates(List<String> values) {
    this.candidates = List.copyOf(values);
    this.completion = Completion.VALUES;
    return this;
  }

  /** The shell completes the value with file names. */
  CliOption<T> files() {
    this.completion = Completion.FILES;
    return this;
  }

  /** The heading the help lists it under. */
  CliOption<T> group(HelpGroup heading) {
    this.group = heading;
    return this;
  }

  /** May be given several times; each value is kept. */
  CliOption<T> repeatable() {
    this.repeatable = true;
    return this;
  }

  /** A flag with a {@code --no-NAME} form that sets it to false. */
  CliOption<T> negatable() {
    if (converter != null || longName == null) {
      throw new IllegalStateException("only a long flag is negatable");
    }
    this.negatable = true;
    return this;
  }

  /** Must be given. */
  CliOption<T> required() {
    this.required = true;
    return this;
  }

  /** The names as typed, short first: {@code -j}, {@code --jobs}. */
  public List<String> names() {
    List<String> names = new ArrayList<>(2);
    if (shortName != null) {
      names.add("-" + shortName);
    }
    if (longName != null) {
      names.add("--" + longName);
    }
    return names;
  }

  /** The long name, or the short one when it has none: how messages name the option. */
  public String longestName() {
    return longName != null ? "--" + longName : "-" + shortName;
  }

  /** Whether {@code --no-NAME} is accepted too. */
  public boolean isNegatable() {
    return negatable;
  }

  /** The negated form, {@code --no-NAME}, or null. */
  String negatedName() {
    return negatable ? "--no-" + longName : null;
  }

  /** How help, synopsis and man page show a name: {@code --[no-]color} for a negatable one. */
  String shown(String name) {
    return negatable && name.startsWith("--") ? "--[no-]" + name.substring(2) : name;
  }

  String shortName() {
    return shortName;
  }

  String longName() {
    return longName;
  }

  /** The value's label ({@code FORMAT}), or null for a flag. */
  String label() {
    return label;
  }

  boolean takesValue() {
    return converter != null;
  }

  String defaultText() {
    return defaultValue;
  }

  List<String> candidateValues() {
    return candidates;
  }

  Completion completion() {
    return completion;
  }

  HelpGroup group() {
    return group;
  }

  boolean isRepeatable() {
    return repeatable;
  }

  boolean isRequired() {
    return required;
  }

  /** The help's paragraphs, with the default and the values filled in. */
  List<String> description() {
    return description.stream()
        .map(
            p ->
                p.replace("${DEFAULT-VALUE}", String.valueOf(defaultValue))
                    .replace("${COMPLETION-CANDIDATES}", String.join(", ", candidates)))
        .toList();
  }

  T convert(String text) throws BadValue {
    return converter.convert(text);
  }

  /** The Commons CLI options that parse it: itself, and {@code --no-NAME} when negatable. */
  List<Option> parserOptions() {
    Option.Builder b =
        Option.builder(shortName).longOpt(longName).desc(String.join(" ", description()));
    if (takesValue()) {
      b.hasArg().argName(label);
    }
    if (!negatable) {
      return List.of(b.get());
    }
    return List.of(b.get(), Option.builder().longOpt("no-" + longName).get());
  }

  /** Integer values, as {@code Integer.parseInt} reads them. */
  static Integer toInt(String text) throws BadValue {
    try {
      return Integer.parseInt(text);
    } catch (NumberFormatException e) {
      throw new BadValue("'" + text + "' is not an int");
    }
  }

  /** Long values, as {@code Long.parseLong} reads them. */
  static Long toLong(String text) throws BadValue {
    try {
      return Long.parseLong(text);
    } catch (NumberFormatException e) {
      throw new BadValue("'" + text + "' is not a long");
    }
  }

  /** A file path; any text the file system takes. */
  static java.nio.file.Path toPath(String text) throws BadValue {
    try {
      return java.nio.file.Path.of(text);
    } catch (java.nio.file.InvalidPathException e) {
      throw new BadValue("'" + text + "' is not a path (" + e.getReason() + ")");
    }
  }

  /** Text values, as given. */
  static String toText(String text) {
    return text;
  }
}
