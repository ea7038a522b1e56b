package io.modelaudit.dl4j;

import java.io.BufferedReader;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Runs Deeplearning4j on model files and prints, per file, one line of JSON with DL4J's own
 * numbers (see {@link ReferenceResult}).
 *
 * <pre>
 * java -cp ... io.modelaudit.dl4j.ReferenceWorker PATH...     one line per PATH
 * java -cp ... io.modelaudit.dl4j.ReferenceWorker --batch     {"ready": true} once ND4J is loaded,
 *                                                            then one line per request read from stdin:
 *                                                            PATH, or PATH TAB ARCHITECTURE.json for a
 *                                                            weights-only Keras file
 * </pre>
 *
 * Only the result lines go to the process's standard output; everything DL4J, ND4J or Java code
 * would print there goes to standard error. After an {@link Error} (out of memory, a linkage error
 * inside DL4J) the worker prints that file's result and exits with status 3, so that a caller
 * never feeds another file to a JVM in an unknown state.
 */
public final class ReferenceWorker {
  static final int EXIT_UNSTABLE = 3;

  private ReferenceWorker() {}

  public static void main(String[] args) throws Exception {
    PrintStream results = new PrintStream(new FileOutputStream(FileDescriptor.out), false, StandardCharsets.UTF_8);
    System.setOut(System.err);
    Quiet.silenceLogging();
    if (args.length == 1 && args[0].equals("--batch")) {
      // Loading ND4J's native backend takes seconds: done before the first file, so that a caller's
      // time limit per file measures DL4J's work on that file.
      Nd4j.getBackend();
      results.println("{\"ready\":true}");
      results.flush();
      BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        int tab = line.indexOf('\t');
        Path file = Path.of(tab < 0 ? line : line.substring(0, tab));
        Path architecture = tab < 0 ? null : Path.of(line.substring(tab + 1));
        if (!line.isBlank() && !inspectAndPrint(file, architecture, results)) {
          System.exit(EXIT_UNSTABLE);
        }
      }
    } else if (args.length > 0 && !args[0].startsWith("--")) {
      for (String arg : args) {
        if (!inspectAndPrint(Path.of(arg), null, results)) {
          System.exit(EXIT_UNSTABLE);
        }
      }
    } else {
      System.err.println("usage: ReferenceWorker PATH... | ReferenceWorker --batch (paths on standard input)");
      System.exit(2);
    }
    results.flush();
    // ND4J's native threads would otherwise keep the JVM alive for a while.
    System.exit(0);
  }

  /** Prints the file's result; false when the JVM should not be used for another file. */
  private static boolean inspectAndPrint(Path file, Path architecture, PrintStream results) {
    ReferenceResult result;
    boolean stable = true;
    try {
      result = Dl4jInspector.inspect(file, architecture);
    } catch (VirtualMachineError e) {
      stable = false;
      result = ReferenceResult.error(file, null, "jvm_error", e.toString());
    } catch (Error e) {
      // A linkage or class initialisation error in DL4J: its finding, but the JVM's classes may now be unusable.
      stable = false;
      result = ReferenceResult.failed(file, null, null, e);
    }
    results.println(result.toJson());
    results.flush();
    return stable;
  }
}
