package io.modelaudit.cli;

import io.modelaudit.report.summary.SummaryColumns;
import io.modelaudit.report.summary.SummaryLayout;
import java.util.Map;
import java.util.Set;
import org.jline.terminal.impl.exec.ExecTerminalProvider;
import org.jline.terminal.spi.SystemStream;

/**
 * The options of the text summary's table: {@code --columns}, {@code --depth}, {@code
 * --expand-nested}, {@code --explain}.
 */
final class SummaryOptions {
  static final CliOption<String> COLUMNS =
      CliOption.value(
              null,
              "columns",
              "NAME,...",
              CliOption::toText,
              "Add columns to the text table, comma-separated: ${COMPLETION-CANDIDATES}.",
              "input: input shape; kernel: weight shapes; trainable, non_trainable: counts; share: %"
                  + " of the total; dtype, bytes: as stored in the file; formula: how the count is"
                  + " made.")
          .candidates(SummaryColumns.ALL.stream().map(c -> c.name()).toList())
          .group(HelpGroup.TABLE);

  static final CliOption<Integer> DEPTH =
      CliOption.value(
              null,
              "depth",
              "N",
              CliOption::toInt,
              "Show the layers of nested models down to N levels (0: top-level layers only;"
                  + " default: all).")
          .group(HelpGroup.TABLE);

  static final CliOption<Boolean> EXPAND_NESTED =
      CliOption.flag(
              null,
              "expand-nested",
              "Also show the layers a wrapper runs (Bidirectional's forward and backward layers,"
                  + " TimeDistributed's layer), indented under it with their own shapes and counts.")
          .group(HelpGroup.TABLE);

  static final CliOption<Boolean> EXPLAIN =
      CliOption.flag(
              null,
              "explain",
              "Under each layer of the text table, how its parameter count and its output shape are"
                  + " computed, with the numbers (JSON always has them: formula, shape_rule).")
          .group(HelpGroup.TABLE);

  /** The smallest width a terminal is taken to have. */
  private static final int NARROWEST = 55;

  private final String columns;
  private final Integer depth;
  private final boolean expandNested;
  private final boolean explain;

  SummaryOptions(ParsedArgs args) {
    this.columns = args.get(COLUMNS);
    this.depth = args.get(DEPTH);
    this.expandNested = args.flag(EXPAND_NESTED);
    this.explain = args.flag(EXPLAIN);
  }

  /** An option value that cannot be used; its message is the one line to print. */
  static final class Unusable extends Exception {
    Unusable(String message) {
      super(message);
    }
  }

  /**
   * The table's layout: long names are cut to {@code COLUMNS} cells when the variable is set, else
   * to the terminal's width on a terminal, and not at all in a pipe or a file.
   */
  SummaryLayout layout(Map<String, String> environment, boolean terminal) throws Unusable {
    Set<String> named;
    try {
      named = columns == null ? Set.of() : SummaryColumns.parse(columns);
    } catch (IllegalArgumentException e) {
      throw new Unusable("--columns: " + e.getMessage());
    }
    if (depth != null && depth < 0) {
      throw new Unusable("--depth must be 0 or more, not " + depth);
    }
    return new SummaryLayout(named, depth, expandNested, explain, width(environment, terminal));
  }

  private static Integer width(Map<String, String> environment, boolean terminal) {
    String columns = environment.get("COLUMNS");
    if (columns != null) {
      try {
        int n = Integer.parseInt(columns.trim());
        if (n > 0) {
          return n;
        }
      } catch (NumberFormatException e) {
        // not a width: ignored, as shells and other tools do
      }
    }
    if (!terminal) {
      return null;
    }
    int detected = new ExecTerminalProvider().systemStreamWidth(SystemStream.Output);
    return detected < 0 ? 80 : Math.max(detected, NARROWEST);
  }
}
