package io.modelaudit.cli;

import io.modelaudit.report.TerminalText;
import java.io.PrintWriter;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;

/**
 * Prints a stack trace for {@code --stacktrace} as {@link Throwable#printStackTrace} lays it out,
 * but with every exception's text escaped ({@link TerminalText}): messages quote names and values
 * from the model file, which must not be able to add lines or drive the terminal.
 */
final class StackTraces {
  private StackTraces() {}

  static void print(Throwable t, PrintWriter err) {
    Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    print(t, err, new StackTraceElement[0], "", "", seen);
  }

  private static void print(
      Throwable t,
      PrintWriter err,
      StackTraceElement[] enclosing,
      String caption,
      String prefix,
      Set<Throwable> seen) {
    if (!seen.add(t)) {
      err.println(prefix + caption + "[CIRCULAR REFERENCE: " + line(t) + "]");
      return;
    }
    StackTraceElement[] trace = t.getStackTrace();
    int m = trace.length - 1;
    int n = enclosing.length - 1;
    while (m >= 0 && n >= 0 && trace[m].equals(enclosing[n])) {
      m--;
      n--;
    }
    int inCommon = trace.length - 1 - m;
    err.println(prefix + caption + line(t));
    for (int i = 0; i <= m; i++) {
      err.println(prefix + "\tat " + TerminalText.escape(trace[i].toString()));
    }
    if (inCommon != 0) {
      err.println(prefix + "\t... " + inCommon + " more");
    }
    for (Throwable s : t.getSuppressed()) {
      print(s, err, trace, "Suppressed: ", prefix + "\t", seen);
    }
    if (t.getCause() != null) {
      print(t.getCause(), err, trace, "Caused by: ", prefix, seen);
    }
  }

  private static String line(Throwable t) {
    return TerminalText.escape(t.toString());
  }
}
