package io.modelaudit.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modelaudit.TestPaths;
import io.modelaudit.cli.AuditCommand;
import io.modelaudit.cli.CliOption;
import io.modelaudit.cli.Main;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * What documents the command line is made from the command's definitions, or checked against them:
 * {@code --help} groups the options and shows examples, the completion script and the man page the
 * build generates hold every option, and the README's synopsis names exactly the options {@code
 * --help} lists (docs/usage.md holds the whole help: {@link GeneratedDocsTest}).
 */
class CommandDocsTest {
  private static final Path ROOT = TestPaths.projectRoot();

  /** The audit's options as declared, but --help and --version. */
  private static List<CliOption<?>> options() {
    List<CliOption<?>> out = new ArrayList<>();
    for (CliOption<?> o : AuditCommand.options()) {
      if (!o.names().contains("--help") && !o.names().contains("--version")) {
        out.add(o);
      }
    }
    return out;
  }

  static String help() {
    StringWriter out = new StringWriter();
    int code = Main.run(new PrintWriter(out), new PrintWriter(new StringWriter()), false, "--help");
    assertEquals(0, code);
    return out.toString();
  }

  @Test
  void helpHasExamplesAndGroupedOptions() {
    String help = help();
    for (String heading :
        List.of(
            "\nOutput:\n",
            "\nWhat is compared:\n",
            "\nBatch runs:\n",
            "\nOther options:\n",
            "\nExamples:\n")) {
      assertTrue(help.contains(heading), heading + " in\n" + help);
    }
    for (CliOption<?> o : options()) {
      String shown = o.isNegatable() ? o.longestName().replace("--", "--[no-]") : o.longestName();
      assertTrue(help.contains(shown), shown + " in\n" + help);
    }
    assertTrue(help.lines().allMatch(l -> l.length() <= 80), "lines fit 80 columns:\n" + help);
  }

  @Test
  void theGeneratedCompletionScriptAndManPageHoldEveryOption() throws Exception {
    Path completion = ROOT.resolve("target/model-audit_completion");
    Path manPage = ROOT.resolve("target/man/model-audit.adoc");
    String script = Files.readString(completion);
    String man = Files.readString(manPage);
    assertTrue(script.contains("complete -F _complete_model-audit"), script);
    assertTrue(man.contains("= model-audit(1)"), man);
    assertTrue(man.contains("model-audit --only-problems -j 2 models/"), "the examples: " + man);
    for (CliOption<?> o : options()) {
      List<String> names = new ArrayList<>(o.names());
      if (o.isNegatable()) {
        assertTrue(
            script.contains(o.longestName().replace("--", "--no-")), "--no- in " + completion);
      }
      for (String name : names) {
        assertTrue(script.contains(name), name + " in " + completion);
        // the man page writes a negatable option as --[no-]NAME, like --help does
        String shown = o.isNegatable() ? name.replace("--", "--[no-]") : name;
        assertTrue(man.contains("*" + shown + "*"), shown + " in " + manPage);
      }
    }
  }

  /** The completion script completes names, values and commands when bash runs it. */
  @Test
  void theCompletionScriptCompletes() throws Exception {
    assertEquals("--format", complete("model-audit", "--form"));
    assertEquals(
        "text json sarif junit markdown csv html", complete("model-audit", "--format", ""));
    assertEquals("--color --columns --config", complete("model-audit", "x.h5", "--co"));
    assertEquals("--no-color", complete("model-audit", "--no"));
    assertEquals("text json", complete("model-audit", "diff", "--format", ""));
    assertEquals("warning", complete("model-audit", "--fail-on", "w"));
    assertEquals("--baseline", complete("model-audit", "check", "--basel"));
    assertEquals("--fail-on-retrained --fail-on", complete("model-audit", "check", "--fail-o"));
    assertEquals("check", complete("model-audit", "chec"));
  }

  /** What bash offers for the last word after the others (COMPREPLY, space-separated). */
  private static String complete(String... words) throws Exception {
    String script = ROOT.resolve("target/model-audit_completion").toString();
    StringBuilder array = new StringBuilder();
    for (String w : words) {
      array.append(" '").append(w).append("'");
    }
    String command =
        "source '"
            + script
            + "'; COMP_WORDS=("
            + array
            + "); COMP_CWORD="
            + (words.length - 1)
            + "; _complete_model-audit; echo \"${COMPREPLY[*]}\"";
    Process p =
        new ProcessBuilder("bash", "-c", command)
            .directory(Files.createTempDirectory("completion").toFile())
            .redirectErrorStream(true)
            .start();
    String out = new String(p.getInputStream().readAllBytes()).strip();
    assertEquals(0, p.waitFor(), out);
    return out;
  }

  /**
   * The option names in the README's synopsis of the audit (its "## Usage" block's first lines).
   */
  private static Set<String> readmeSynopsisOptions() throws Exception {
    String readme = Files.readString(ROOT.resolve("README.md"));
    int usage = readme.indexOf("## Usage\n\n```\n");
    assertTrue(usage >= 0, "README has a ## Usage block");
    List<String> lines = readme.substring(usage).lines().skip(3).toList();
    StringBuilder synopsis = new StringBuilder(lines.get(0));
    for (String line : lines.subList(1, lines.size())) {
      if (line.startsWith("model-audit ") || line.startsWith("```")) {
        break;
      }
      synopsis.append(' ').append(line);
    }
    Set<String> names = new TreeSet<>();
    Matcher m =
        Pattern.compile("(?<![\\w-])(--(?:\\[no-\\])?[a-z][a-z-]*|-[a-zA-Z])(?![\\w-])")
            .matcher(synopsis);
    while (m.find()) {
      names.add(m.group(1).replace("[no-]", ""));
    }
    return names;
  }

  @Test
  void theReadmeSynopsisNamesEveryOptionOfTheHelp() throws Exception {
    Set<String> readme = readmeSynopsisOptions();
    Set<String> missing = new TreeSet<>();
    Set<String> known = new TreeSet<>();
    for (CliOption<?> o : options()) {
      known.addAll(o.names());
      if (o.names().stream().noneMatch(readme::contains)) {
        missing.add(o.longestName());
      }
    }
    assertEquals(Set.of(), missing, "options of --help missing from README's usage synopsis");
    Set<String> unknown = new TreeSet<>(readme);
    unknown.removeAll(known);
    assertEquals(Set.of(), unknown, "README's usage synopsis names options --help does not");
  }
}
