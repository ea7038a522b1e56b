package io.modelaudit.cli;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/**
 * {@code --help} lists the options in groups, by what they are for. The options stay plain fields
 * of the command; an option no group names is listed under "Other options", so none is ever left
 * out of the help.
 */
final class HelpLayout {
  private HelpLayout() {}

  /** A group's heading and its options, by one of their names, in the order shown. */
  record Group(String heading, List<String> options) {}

  static final List<Group> GROUPS =
      List.of(
          new Group(
              "Output",
              List.of("--format", "-o", "--quiet", "--only-problems", "--color", "--verbose")),
          new Group(
              "The text table", List.of("--columns", "--depth", "--expand-nested", "--explain")),
          new Group(
              "What is compared",
              List.of("--reference", "--fail-on", "--suppressions", "--config", "--input-shape")),
          new Group("Batch runs", List.of("--jobs", "--exclude", "--timeout")));

  static final String OTHERS = "Other options";

  static void apply(CommandLine cli) {
    cli.getHelpSectionMap()
        .put(CommandLine.Model.UsageMessageSpec.SECTION_KEY_OPTION_LIST_HEADING, help -> "");
    cli.getHelpSectionMap()
        .put(
            CommandLine.Model.UsageMessageSpec.SECTION_KEY_OPTION_LIST, HelpLayout::groupedOptions);
  }

  private static String groupedOptions(CommandLine.Help help) {
    CommandLine.Model.CommandSpec spec = help.commandSpec();
    Set<OptionSpec> listed = new LinkedHashSet<>();
    StringBuilder text = new StringBuilder();
    for (Group group : GROUPS) {
      List<OptionSpec> options = new ArrayList<>();
      for (String name : group.options()) {
        OptionSpec option = spec.findOption(name);
        if (option != null && listed.add(option)) {
          options.add(option);
        }
      }
      section(help, group.heading(), options, text);
    }
    List<OptionSpec> others = new ArrayList<>(spec.options());
    others.removeAll(listed);
    section(help, OTHERS, others, text);
    return text.toString();
  }

  private static void section(
      CommandLine.Help help, String heading, List<OptionSpec> options, StringBuilder text) {
    if (!options.isEmpty()) {
      text.append(help.createHeading("%n" + heading + ":%n"));
      text.append(help.optionListExcludingGroups(options));
    }
  }
}
