package io.modelaudit.cli;

import io.modelaudit.report.TerminalText;
import java.io.PrintWriter;
import java.util.Map;
import java.util.Set;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code model-audit baseline|check|diff ...}: the commands for CI. A first argument that is none
 * of them is a path, audited as before ({@link AuditCommand}); a file named like a command is
 * audited as {@code ./NAME}.
 */
@Command(
    name = "model-audit",
    subcommands = {BaselineCommand.class, CheckCommand.class, DiffCommand.class})
final class GateCommands {
  static final Set<String> NAMES = Set.of("baseline", "check", "diff");

  static boolean handles(String[] args) {
    return args.length > 0 && NAMES.contains(args[0]);
  }

  static int execute(
      PrintWriter out,
      PrintWriter err,
      boolean terminal,
      Map<String, String> environment,
      String... args) {
    CommandLine.IFactory factory =
        new CommandLine.IFactory() {
          @Override
          public <K> K create(Class<K> cls) throws Exception {
            if (cls == BaselineCommand.class) {
              return cls.cast(new BaselineCommand(out, err, terminal, environment));
            }
            if (cls == CheckCommand.class) {
              return cls.cast(new CheckCommand(out, err, terminal, environment));
            }
            if (cls == DiffCommand.class) {
              return cls.cast(new DiffCommand(out, err));
            }
            return CommandLine.defaultFactory().create(cls);
          }
        };
    CommandLine cli =
        new CommandLine(new GateCommands(), factory)
            .setOut(out)
            .setErr(err)
            .setCaseInsensitiveEnumValuesAllowed(true)
            .setExpandAtFiles(false)
            .setExecutionExceptionHandler(
                (e, cmd, parsed) -> {
                  error(err, "internal error: " + e);
                  err.flush();
                  return ExitCodes.INTERNAL;
                });
    cli.setParameterExceptionHandler(
        (e, a) -> {
          error(err, e.getMessage());
          err.println(
              "Try 'model-audit "
                  + e.getCommandLine().getCommandName()
                  + " --help' for more information.");
          err.flush();
          return ExitCodes.USAGE;
        });
    int code = cli.execute(args);
    out.flush();
    err.flush();
    return code;
  }

  /** One error line on stderr, safe for a terminal. */
  static void error(PrintWriter err, String message) {
    err.println("model-audit: " + TerminalText.escape(message));
  }
}
