package io.modelaudit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modelaudit.TestPaths;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * How the command line is read (Commons CLI, {@link ArgsParser}): the forms users type, and the one
 * line and hint of a usage error. Values are proven read through the checks they then meet (e.g.
 * {@code -j 0}: "-j must be at least 1").
 */
class CommandLineFormsTest {
  private static final String SEED = TestPaths.kerasModels().resolve("seed_cnn.h5").toString();

  @ParameterizedTest
  @ValueSource(strings = {"-j0", "-j 0", "-j=0", "--jobs=0", "--jobs 0", "-qj0"})
  void aValueJoinedOrApartIsRead(String form) {
    String[] words = form.split(" ");
    String[] args = new String[words.length + 1];
    System.arraycopy(words, 0, args, 0, words.length);
    args[words.length] = SEED;
    CliRun run = CliRun.of(args);
    assertEquals(ExitCodes.USAGE, run.exitCode, run.err);
    assertEquals("model-audit: -j must be at least 1\n", run.err);
  }

  @Test
  void optionsMayFollowThePaths() {
    CliRun run = CliRun.of(SEED, "--format", "JSON", "-o", "markdown=/dev/null");
    assertEquals(0, run.exitCode, run.err);
    assertTrue(run.out.startsWith("{"), run.out);
  }

  @Test
  void dashDashEndsTheOptions() {
    CliRun run = CliRun.of("--", "--quiet");
    assertEquals(ExitCodes.UNREADABLE, run.exitCode, run.err);
    assertTrue(run.err.contains("model-audit: --quiet: no such file"), run.err);
  }

  @Test
  void repeatableOptionsKeepEveryValue() {
    CliRun run = CliRun.of("--input-shape", "a=1", "--input-shape=a=2", SEED);
    assertEquals(ExitCodes.USAGE, run.exitCode);
    assertEquals("model-audit: --input-shape gives 'a' twice\n", run.err);
  }

  @Test
  void colorAndNoColorAreOneOption() {
    assertTrue(CliRun.of("--color", SEED).out.contains("\u001b["));
    assertTrue(CliRun.of("--color=false", SEED).out.indexOf('\u001b') < 0);
    assertTrue(CliRun.of("--no-color", SEED).out.indexOf('\u001b') < 0);
    CliRun both = CliRun.of("--color", "--no-color", SEED);
    assertEquals(ExitCodes.USAGE, both.exitCode);
    assertTrue(both.err.startsWith("model-audit: option '--color' should be specified only once"));
  }

  /** A usage error: one line naming it, one hint, exit 2, nothing on stdout. */
  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "--formt json SEED | Unknown option: '--formt' | model-audit",
        "-verbose SEED | Unknown option: '-verbose' | model-audit",
        "--format xml SEED | Invalid value for option '--format': expected one of [text, json,"
            + " sarif, junit, markdown, csv, html] (case-insensitive) but was 'xml' | model-audit",
        "--format json --format text SEED | option '--format' (FORMAT) should be specified only"
            + " once | model-audit",
        "-q -q SEED | option '--quiet' should be specified only once | model-audit",
        "-j x SEED | Invalid value for option '--jobs': 'x' is not an int | model-audit",
        "SEED --format | Missing required parameter for option '--format' (FORMAT) | model-audit",
        "--quiet=yes SEED | Invalid value for option '--quiet': 'yes' is not a boolean"
            + " | model-audit",
        "--stacktrace | Missing required parameter: 'PATH' | model-audit",
        "check SEED | Missing required option: '--baseline=FILE' | model-audit check",
        "check --baseline x --formt SEED | Unknown option: '--formt' | model-audit check",
        "baseline --max-params x SEED | Invalid value for option '--max-params': 'x' is not a"
            + " long | model-audit baseline",
        "diff SEED | Missing required parameter: 'NEW' | model-audit diff",
        "diff | Missing required parameters: 'OLD', 'NEW' | model-audit diff",
        "diff SEED SEED SEED | Unmatched argument: 'SEED' | model-audit diff",
      })
  void usageErrors(String args, String message, String command) {
    CliRun run = CliRun.of(args.replace("SEED", SEED).split(" "));
    assertEquals(ExitCodes.USAGE, run.exitCode, run.err);
    assertEquals("", run.out);
    assertEquals(
        "model-audit: "
            + message.replace("SEED", SEED)
            + "\nTry '"
            + command
            + " --help' for more information.\n",
        run.err);
  }

  @ParameterizedTest
  @ValueSource(strings = {"--help", "-h", "SEED -h", "--formt --help", "-qh SEED"})
  void helpWinsWherever(String args) {
    CliRun run = CliRun.of(args.replace("SEED", SEED).split(" "));
    assertEquals(0, run.exitCode, run.err);
    assertTrue(run.out.startsWith("Usage: model-audit [-hqV]"), run.out);
    assertEquals("", run.err);
  }

  @ParameterizedTest
  @CsvSource({"baseline, -o FILE", "check, --baseline FILE", "diff, [-hV] [--format=FORMAT] OLD"})
  void eachCommandHasItsHelp(String command, String synopsis) {
    CliRun run = CliRun.of(command, "--help");
    assertEquals(0, run.exitCode, run.err);
    assertTrue(run.out.startsWith("Usage: model-audit " + command + " "), run.out);
    assertTrue(run.out.lines().findFirst().orElseThrow().contains(synopsis), run.out);
    assertTrue(run.out.contains("\nExit codes:\n"), run.out);
    assertTrue(run.out.lines().allMatch(l -> l.length() <= 80), run.out);
  }

  /** A bug of ours is one line and exit 4; its stack trace only with --stacktrace. */
  @Test
  void internalErrors() {
    for (boolean trace : new boolean[] {false, true}) {
      java.io.StringWriter out = new java.io.StringWriter();
      java.io.StringWriter err = new java.io.StringWriter();
      String[] args = trace ? new String[] {SEED, "--stacktrace"} : new String[] {SEED};
      int code =
          CommandRun.run(
              AuditCommand.SPEC,
              args,
              new java.io.PrintWriter(out),
              new java.io.PrintWriter(err),
              parsed -> {
                throw new IllegalStateException("boom");
              });
      assertEquals(ExitCodes.INTERNAL, code);
      assertTrue(
          err.toString()
              .startsWith("model-audit: internal error: java.lang.IllegalStateException: boom\n"),
          err.toString());
      assertEquals(trace, err.toString().contains("\tat "), err.toString());
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"-V", "--version", "diff -V", "check --version"})
  void version(String args) {
    CliRun run = CliRun.of(args.split(" "));
    assertEquals(0, run.exitCode, run.err);
    assertEquals("model-audit " + AuditCommand.VERSION + "\n", run.out);
  }
}
