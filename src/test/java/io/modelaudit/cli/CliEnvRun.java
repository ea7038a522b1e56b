package io.modelaudit.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;

/** Runs the command line in-process with the given environment variables. */
final class CliEnvRun {
  private CliEnvRun() {}

  static String[] of(Map<String, String> environment, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(new PrintWriter(out), new PrintWriter(err), false, environment, args);
    return new String[] {Integer.toString(code), out.toString(), err.toString()};
  }
}
