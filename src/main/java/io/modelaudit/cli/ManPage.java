package io.modelaudit.cli;

import java.util.ArrayList;
import java.util.List;

/**
 * The man page of model-audit in AsciiDoc ({@code asciidoctor -b manpage} makes {@code
 * model-audit.1} of it), made from the commands' declarations: synopsis, description, options,
 * arguments, the commands {@code baseline}, {@code check} and {@code diff}, exit codes, examples.
 */
final class ManPage {
  private ManPage() {}

  static String of(CommandSpec audit, List<CommandSpec> commands) {
    StringBuilder s = new StringBuilder();
    String version = "model-audit " + AuditCommand.VERSION;
    s.append(":doctype: manpage\n")
        .append(":revnumber: ")
        .append(version)
        .append("\n:manmanual: Model-audit Manual\n:mansource: ")
        .append(version)
        .append("\n:man-linkstyle: pass:[blue R < >]\n= model-audit(1)\n\n");
    s.append("== Name\n\nmodel-audit - ").append(firstSentence(audit)).append("\n\n");
    s.append("== Synopsis\n\n").append(synopsis(audit)).append("\n\n");
    for (CommandSpec c : commands) {
      s.append(synopsis(c)).append("\n\n");
    }
    s.append("== Description\n\n");
    paragraphs(s, List.of(String.join(" ", audit.description())));
    s.append("== Options\n\n");
    options(s, audit);
    s.append("== Arguments\n\n");
    for (Positional p : audit.positionals()) {
      s.append('_').append(p.label()).append('_').append(p.max() > 1 ? "..." : "").append("::\n");
      s.append("  ").append(escaped(p.description())).append("\n\n");
    }
    s.append("== Commands\n\n");
    for (CommandSpec c : commands) {
      s.append("=== ").append(c.usageName()).append("\n\n");
      paragraphs(s, c.description());
      options(s, c);
      exitCodes(s, c, "Exit codes of " + c.usageName());
    }
    s.append("== Exit codes\n\n");
    exitCodes(s, audit, null);
    s.append("== Examples\n\n....\n");
    for (String line : audit.footer()) {
      s.append(line).append('\n');
    }
    s.append("....\n");
    return s.toString();
  }

  private static String firstSentence(CommandSpec spec) {
    String all = String.join(" ", spec.description());
    int end = all.indexOf(". ");
    return escaped(end < 0 ? all : all.substring(0, end + 1));
  }

  /** The synopsis as one paragraph: names bold, values italic. */
  private static String synopsis(CommandSpec spec) {
    StringBuilder s = new StringBuilder("*model-audit*");
    if (spec.name() != null) {
      s.append(" *").append(spec.name()).append('*');
    }
    for (String item : HelpText.synopsisItems(spec)) {
      s.append(' ').append(marked(item));
    }
    return s.toString();
  }

  /** {@code [--format=FORMAT]} as {@code [*--format*=_FORMAT_]}. */
  private static String marked(String word) {
    StringBuilder s = new StringBuilder();
    int i = 0;
    while (i < word.length() && (word.charAt(i) == '[')) {
      s.append(word.charAt(i++));
    }
    int end = word.endsWith("...") ? word.length() - 3 : word.length();
    while (end > i && word.charAt(end - 1) == ']') {
      end--;
    }
    String core = word.substring(i, end);
    if (core.startsWith("-")) {
      int eq = core.replace(' ', '=').indexOf('=');
      String name = eq < 0 ? core : core.substring(0, eq);
      s.append('*').append(name).append('*');
      if (eq >= 0) {
        s.append(core.charAt(eq)).append('_').append(core.substring(eq + 1)).append('_');
      }
    } else if (!core.isEmpty()) {
      s.append('_').append(core).append('_');
    }
    return s.append(word, end, word.length()).toString();
  }

  private static void options(StringBuilder s, CommandSpec spec) {
    for (CliOption<?> o : spec.options()) {
      List<String> names = new ArrayList<>();
      for (String name : o.names()) {
        names.add("*" + o.shown(name) + "*");
      }
      s.append(String.join(", ", names));
      if (o.takesValue()) {
        s.append("=_").append(o.label()).append('_');
      }
      s.append("::\n  ");
      s.append(String.join("\n+\n", o.description().stream().map(ManPage::escaped).toList()));
      s.append("\n\n");
    }
  }

  private static void exitCodes(StringBuilder s, CommandSpec spec, String title) {
    if (title != null) {
      s.append('.').append(title).append('\n');
    }
    for (String code : spec.exitCodes()) {
      int colon = code.indexOf(':');
      s.append('*')
          .append(code, 0, colon)
          .append("*::\n  ")
          .append(escaped(code.substring(colon + 1)))
          .append("\n\n");
    }
  }

  private static void paragraphs(StringBuilder s, List<String> paragraphs) {
    for (String p : paragraphs) {
      s.append(escaped(p)).append("\n\n");
    }
  }

  /** Text as AsciiDoc shows it as it is: an asterisk (as in "**" of globs) is no bold mark. */
  private static String escaped(String text) {
    return text.replace("*", "{asterisk}");
  }
}
