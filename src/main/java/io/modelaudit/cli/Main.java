package io.modelaudit.cli;

import io.modelaudit.formats.ZipArchive;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.slf4j.nop.NOPServiceProvider;

/** Entry point: runs the command and exits with its code. */
public final class Main {
  private static final String SLF4J_PROVIDER = "slf4j.provider";

  private Main() {}

  public static void main(String[] args) {
    // jHDF logs through SLF4J, whose first use otherwise searches the class path for providers
    // (a ServiceLoader scan of the whole jar, 9 ms of each start); we ship only the no-op one.
    // Named this way SLF4J says so on stderr unless its own messages are limited to warnings.
    if (System.getProperty(SLF4J_PROVIDER) == null) {
      System.setProperty(SLF4J_PROVIDER, NOPServiceProvider.class.getName());
      System.setProperty("slf4j.internal.verbosity", "WARN");
    }
    if (namesAnArchive(args)) {
      ZipArchive.prepareInBackground();
    }
    PrintWriter out =
        new PrintWriter(new java.io.OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
    PrintWriter err =
        new PrintWriter(new java.io.OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
    boolean terminal = System.console() != null && System.getenv("NO_COLOR") == null;
    System.exit(run(out, err, terminal, System.getenv(), args));
  }

  /**
   * Whether an argument is named like a Keras or Deeplearning4j archive: only a hint, taken before
   * the options are parsed, of whether {@link ZipArchive#prepareInBackground} will pay off.
   */
  static boolean namesAnArchive(String[] args) {
    for (String a : args) {
      String name = a.toLowerCase(Locale.ROOT);
      if (name.endsWith(".keras") || name.endsWith(".zip") || name.endsWith(".bin")) {
        return true;
      }
    }
    return false;
  }

  /** Runs the tool as from the command line and returns its exit code; testable without exiting. */
  public static int run(PrintWriter out, PrintWriter err, boolean terminal, String... args) {
    return AuditCommand.execute(out, err, terminal, args);
  }

  /** The same, with the environment variables the run looks at (GITHUB_ACTIONS). */
  public static int run(
      PrintWriter out,
      PrintWriter err,
      boolean terminal,
      java.util.Map<String, String> environment,
      String... args) {
    return AuditCommand.execute(out, err, terminal, environment, args);
  }
}
