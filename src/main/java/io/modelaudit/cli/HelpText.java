package io.modelaudit.cli;

import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * A command's {@code --help}, made from its declaration ({@link CommandSpec}), 80 columns wide:
 * synopsis, description, arguments, options (under their {@link HelpGroup} headings when there are
 * several), exit codes and examples. The layout is the one picocli printed before, so that the help
 * reads as it did.
 */
final class HelpText {
  static final int WIDTH = 80;

  /** Names longer than this do not widen the column: their description starts on the next line. */
  private static final int LONG_NAMES_MAX = 20;

  private HelpText() {}

  static String of(CommandSpec spec) {
    StringBuilder text = new StringBuilder();
    synopsis(spec, text);
    for (String paragraph : spec.description()) {
      lines(text, "", wrap(paragraph, WIDTH, 0, 0));
    }
    text.append('\n');
    int column = longColumnWidth(spec);
    if (!spec.auditOptions()) {
      for (Positional p : spec.positionals()) {
        row(
            text,
            "      " + p.shown(),
            1 + p.shown().length() <= column,
            column,
            List.of(p.description()));
      }
    }
    Map<HelpGroup, List<CliOption<?>>> groups = new EnumMap<>(HelpGroup.class);
    for (CliOption<?> o : spec.options()) {
      groups.computeIfAbsent(o.group(), g -> new ArrayList<>()).add(o);
    }
    for (Map.Entry<HelpGroup, List<CliOption<?>>> group : groups.entrySet()) {
      if (groups.size() > 1) {
        text.append('\n').append(group.getKey().heading()).append(":\n");
      }
      for (CliOption<?> o : group.getValue()) {
        option(text, o, column);
      }
    }
    if (!spec.exitCodes().isEmpty()) {
      text.append("\nExit codes:\n");
      for (String code : spec.exitCodes()) {
        int colon = code.indexOf(':');
        List<String> meaning = wrap(code.substring(colon + 1), WIDTH - 4, 2, 4);
        text.append("  ").append(code, 0, colon).append(" ").append(meaning.get(0)).append('\n');
        lines(text, "    ", meaning.subList(1, meaning.size()));
      }
    }
    if (!spec.footer().isEmpty()) {
      text.append("\nExamples:\n");
      for (String line : spec.footer()) {
        lines(text, "", wrap(line, WIDTH, 0, 0));
      }
    }
    return text.toString();
  }

  /**
   * The synopsis: for the audit and {@code diff}, every option, flags first (short ones clustered),
   * then the others by name; for a command that runs the audit, its own options as declared and
   * {@code [AUDIT OPTIONS] PATH...}.
   */
  private static void synopsis(CommandSpec spec, StringBuilder text) {
    String lead = "Usage: " + spec.usageName();
    List<String> items = synopsisItems(spec);
    // a non-breaking space keeps "[-o FILE]" on one line
    String joined = String.join(" ", items.stream().map(i -> i.replace(' ', '\u00a0')).toList());
    for (String line : wrap(lead + " " + joined, WIDTH, 0, lead.length() + 1)) {
      text.append(line.replace('\u00a0', ' ')).append('\n');
    }
  }

  /** The synopsis after the command's name, item by item: {@code [--format=FORMAT]}. */
  static List<String> synopsisItems(CommandSpec spec) {
    return spec.auditOptions() ? runnerItems(spec) : items(spec);
  }

  private static List<String> items(CommandSpec spec) {
    Comparator<CliOption<?>> byName =
        Comparator.comparing(o -> shortest(o).replace("-", ""), String.CASE_INSENSITIVE_ORDER);
    List<CliOption<?>> options = spec.options();
    List<String> items = new ArrayList<>();
    StringBuilder cluster = new StringBuilder();
    options.stream()
        .filter(o -> !o.takesValue() && o.shortName() != null)
        .sorted(byName)
        .forEach(o -> cluster.append(o.shortName()));
    if (cluster.length() > 0) {
      items.add("[-" + cluster + "]");
    }
    options.stream()
        .filter(o -> !o.takesValue() && o.shortName() == null)
        .sorted(byName)
        .forEach(o -> items.add("[" + o.shown(o.longestName()) + "]"));
    options.stream()
        .filter(o -> o.takesValue() && !o.isRepeatable())
        .sorted(byName)
        .forEach(o -> items.add(bracket(o, shortest(o) + "=" + o.label())));
    options.stream()
        .filter(o -> o.takesValue() && o.isRepeatable())
        .sorted(byName)
        .forEach(o -> items.add(bracket(o, shortest(o) + "=" + o.label()) + "..."));
    for (Positional p : spec.positionals()) {
      items.add(p.shown());
    }
    return items;
  }

  private static List<String> runnerItems(CommandSpec spec) {
    List<String> items = new ArrayList<>();
    for (CliOption<?> o : spec.options()) {
      if (o == CommandSpec.HELP || o == CommandSpec.VERSION) {
        continue;
      }
      items.add(bracket(o, shortest(o) + (o.takesValue() ? " " + o.label() : "")));
    }
    items.add("[AUDIT OPTIONS]");
    items.add(AuditCommand.SPEC.positionals().get(0).shown());
    return items;
  }

  private static String bracket(CliOption<?> o, String item) {
    return o.isRequired() ? item : "[" + item + "]";
  }

  private static String shortest(CliOption<?> o) {
    return o.names().get(0);
  }

  /**
   * The width of the names' column: the longest names (with their label) that are no longer than
   * {@link #LONG_NAMES_MAX}, and three cells.
   */
  private static int longColumnWidth(CommandSpec spec) {
    int most = 0;
    for (CliOption<?> o : spec.options()) {
      int length = longText(o).length();
      if (length <= LONG_NAMES_MAX) {
        most = Math.max(most, length);
      }
    }
    if (!spec.auditOptions()) {
      for (Positional p : spec.positionals()) {
        if (p.shown().length() <= LONG_NAMES_MAX) {
          most = Math.max(most, p.shown().length());
        }
      }
    }
    return most + 3;
  }

  /** What the names' column shows: {@code --jobs=N}, or {@code FORMAT=FILE} after {@code -o=}. */
  private static String longText(CliOption<?> o) {
    String label = o.takesValue() ? "=" + o.label() : "";
    if (o.longName() == null) {
      return label.isEmpty() ? "" : label.substring(1);
    }
    return o.shown(o.longestName()) + label;
  }

  private static void option(StringBuilder text, CliOption<?> o, int column) {
    String left;
    boolean fits;
    if (o.longName() == null) {
      left = "  -" + o.shortName() + (o.takesValue() ? "=" + o.label() : "");
      fits = longText(o).length() <= column;
    } else {
      left = "  " + (o.shortName() == null ? "    " : "-" + o.shortName() + ", ") + longText(o);
      fits = 1 + longText(o).length() <= column;
    }
    row(text, left, fits, column, o.description());
  }

  /**
   * One entry of the options table: {@code left} (the names), then the description's paragraphs in
   * the last column, on the same line when the names fit their column.
   */
  private static void row(
      StringBuilder text, String left, boolean fits, int column, List<String> description) {
    int start = 5 + column;
    int width = WIDTH - start;
    String indent = " ".repeat(start);
    List<String> lines = new ArrayList<>();
    for (String paragraph : description) {
      lines.addAll(wrap(paragraph, width, 1, 3));
    }
    if (fits) {
      text.append(rtrim(left + " ".repeat(start - left.length()) + lines.get(0))).append('\n');
      lines = lines.subList(1, lines.size());
    } else {
      text.append(left).append('\n');
    }
    lines(text, indent, lines);
  }

  private static void lines(StringBuilder text, String indent, List<String> lines) {
    for (String line : lines) {
      text.append(rtrim(indent + line)).append('\n');
    }
  }

  /**
   * {@code text} in a column {@code width} cells wide, broken between words (never after a hyphen):
   * the first line after {@code firstIndent} spaces, the others after {@code nextIndent}. A word
   * fits with the space after it; a word longer than a line is cut.
   */
  static List<String> wrap(String text, int width, int firstIndent, int nextIndent) {
    List<String> lines = new ArrayList<>();
    BreakIterator breaks = BreakIterator.getLineInstance(java.util.Locale.ROOT);
    breaks.setText(text.replace('-', '\u00ff'));
    StringBuilder line = new StringBuilder(" ".repeat(firstIndent));
    int indent = firstIndent;
    int used = 0;
    int start = breaks.first();
    for (int end = breaks.next(); end != BreakIterator.DONE; ) {
      String word = text.substring(start, end);
      if (indent + used + word.length() <= width) {
        line.append(word);
        used += word.length();
        start = end;
        end = breaks.next();
      } else if (used == 0) {
        int room = Math.max(1, width - indent);
        line.append(word, 0, room);
        lines.add(rtrim(line.toString()));
        start += room;
        line = new StringBuilder(" ".repeat(nextIndent));
        indent = nextIndent;
      } else {
        lines.add(rtrim(line.toString()));
        line = new StringBuilder(" ".repeat(nextIndent));
        indent = nextIndent;
        used = 0;
      }
    }
    lines.add(rtrim(line.toString()));
    return lines;
  }

  private static String rtrim(String s) {
    int end = s.length();
    while (end > 0 && s.charAt(end - 1) == ' ') {
      end--;
    }
    return s.substring(0, end);
  }
}
