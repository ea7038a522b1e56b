package io.modelaudit.cli;

import java.io.PrintWriter;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;

/**
 * {@code model-audit baseline|check|diff ...}: the commands for CI. A first argument that is none
 * of them is a path, audited as before ({@link AuditCommand}); a file named like a command is
 * audited as {@code ./NAME}.
 */
final class GateCommands {
  static final Set<String> NAMES = Set.of("baseline", "check", "diff");

  private GateCommands() {}

  static boolean handles(String[] args) {
    return args.length > 0 && NAMES.contains(args[0]);
  }

  static int execute(
      PrintWriter out,
      PrintWriter err,
      boolean terminal,
      Map<String, String> environment,
      String... args) {
    String[] rest = Arrays.copyOfRange(args, 1, args.length);
    return switch (args[0]) {
      case "baseline" ->
          CommandRun.run(
              BaselineCommand.SPEC,
              rest,
              out,
              err,
              parsed -> new BaselineCommand(parsed, out, err, terminal, environment).call());
      case "check" ->
          CommandRun.run(
              CheckCommand.SPEC,
              rest,
              out,
              err,
              parsed -> new CheckCommand(parsed, out, err, terminal, environment).call());
      case "diff" ->
          CommandRun.run(
              DiffCommand.SPEC, rest, out, err, parsed -> new DiffCommand(parsed, out, err).call());
      default -> throw new IllegalArgumentException("not a command: " + args[0]);
    };
  }

  /** One error line on stderr, safe for a terminal. */
  static void error(PrintWriter err, String message) {
    CommandRun.error(err, message);
  }
}
