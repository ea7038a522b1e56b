package io.modelaudit.cli;

/** The command line's exit codes (docs/usage.md). */
public final class ExitCodes {
  public static final int CLEAN = 0;
  public static final int FINDINGS = 1;
  public static final int USAGE = 2;
  public static final int UNREADABLE = 3;
  public static final int INTERNAL = 4;

  private ExitCodes() {}
}
