package io.modelaudit.cli;

import io.modelaudit.report.TerminalText;
import java.io.PrintWriter;

/**
 * Runs one command from its arguments: {@code --help} and {@code --version}, a usage error as one
 * line and a hint (exit 2), the command's own work, and an internal error as one line (exit 4; the
 * stack trace with {@code --stacktrace}).
 */
final class CommandRun {
  private CommandRun() {}

  /** What the command does with its parsed arguments; returns the exit code. */
  @FunctionalInterface
  interface Body {
    int run(ParsedArgs args);
  }

  static int run(CommandSpec spec, String[] args, PrintWriter out, PrintWriter err, Body body) {
    try {
      return execute(spec, args, out, err, body);
    } finally {
      out.flush();
      err.flush();
    }
  }

  private static int execute(
      CommandSpec spec, String[] args, PrintWriter out, PrintWriter err, Body body) {
    ParsedArgs parsed;
    try {
      parsed = ArgsParser.parse(spec, args);
    } catch (ArgsParser.UsageError e) {
      // --help still helps when another argument is wrong
      if (asks(args, CommandSpec.HELP)) {
        out.print(HelpText.of(spec));
        return ExitCodes.CLEAN;
      }
      return usage(spec, err, e.getMessage());
    }
    if (parsed.flag(CommandSpec.HELP)) {
      out.print(HelpText.of(spec));
      return ExitCodes.CLEAN;
    }
    if (parsed.flag(CommandSpec.VERSION)) {
      out.println("model-audit " + AuditCommand.VERSION);
      return ExitCodes.CLEAN;
    }
    String missing = parsed.missing();
    if (missing != null) {
      return usage(spec, err, missing);
    }
    try {
      return body.run(parsed);
    } catch (RuntimeException e) {
      error(err, "internal error: " + e);
      if (spec.accepted().contains(AuditCommand.STACKTRACE)
          && parsed.flag(AuditCommand.STACKTRACE)) {
        StackTraces.print(e, err);
      }
      return ExitCodes.INTERNAL;
    }
  }

  private static boolean asks(String[] args, CliOption<?> option) {
    for (String arg : args) {
      if (arg.equals("--")) {
        return false;
      }
      if (option.names().contains(arg)) {
        return true;
      }
    }
    return false;
  }

  private static int usage(CommandSpec spec, PrintWriter err, String message) {
    error(err, message);
    err.println("Try '" + spec.usageName() + " --help' for more information.");
    return ExitCodes.USAGE;
  }

  /**
   * One error line on stderr. Paths and messages may carry text from the files, which must not be
   * able to break the line in two or drive the terminal.
   */
  static void error(PrintWriter err, String message) {
    err.println("model-audit: " + TerminalText.escape(message));
  }
}
