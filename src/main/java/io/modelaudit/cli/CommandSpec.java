package io.modelaudit.cli;

import java.util.ArrayList;
import java.util.List;

/**
 * A command as declared once: its name, help text, options and positional arguments. {@code
 * --help}, parsing, the completion script and the man page are made from it.
 *
 * @param name as typed after {@code model-audit}, or null for the audit itself
 * @param description the help's paragraphs, before the options
 * @param options the command's own options in the order the help lists them ({@code --help} and
 *     {@code --version} come last, added here)
 * @param positionals its arguments that are not options, in order
 * @param auditOptions whether it also takes every option and the PATHs of the audit it runs (its
 *     own options win a name both have); the help then shows {@code [AUDIT OPTIONS] PATH...}
 * @param exitCodes "CODE:meaning"
 * @param footer the help's last lines (examples), as printed
 */
record CommandSpec(
    String name,
    List<String> description,
    List<CliOption<?>> options,
    List<Positional> positionals,
    boolean auditOptions,
    List<String> exitCodes,
    List<String> footer) {

  static final CliOption<Boolean> HELP =
      CliOption.flag("h", "help", "Show this help message and exit.");
  static final CliOption<Boolean> VERSION =
      CliOption.flag("V", "version", "Print version information and exit.");

  CommandSpec {
    List<CliOption<?>> all = new ArrayList<>(options);
    all.add(HELP);
    all.add(VERSION);
    options = List.copyOf(all);
  }

  /** How the help and messages name it: {@code model-audit check}. */
  String usageName() {
    return name == null ? "model-audit" : "model-audit " + name;
  }

  /** Every option the command's parser takes: its own, then the audit's it does not shadow. */
  List<CliOption<?>> accepted() {
    if (!auditOptions) {
      return options;
    }
    List<CliOption<?>> all = new ArrayList<>(options);
    for (CliOption<?> o : AuditCommand.SPEC.options()) {
      if (o.names().stream().noneMatch(n -> all.stream().anyMatch(a -> a.names().contains(n)))) {
        all.add(o);
      }
    }
    return all;
  }

  /** The positional arguments the parser takes: the audit's PATHs for a command that runs it. */
  List<Positional> acceptedPositionals() {
    return auditOptions ? AuditCommand.SPEC.positionals() : positionals;
  }
}
