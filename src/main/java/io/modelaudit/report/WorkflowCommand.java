package io.modelaudit.report;

/**
 * The escaping of GitHub Actions workflow commands ({@code ::error file=F,title=T::message}): in
 * the message {@code %}, CR and LF become {@code %25}, {@code %0D} and {@code %0A}; in a property
 * value {@code :} and {@code ,} too ({@code %3A}, {@code %2C}), as GitHub's toolkit escapes them.
 */
public final class WorkflowCommand {
  private WorkflowCommand() {}

  public static String data(String s) {
    return s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A");
  }

  public static String property(String s) {
    return data(s).replace(":", "%3A").replace(",", "%2C");
  }
}
