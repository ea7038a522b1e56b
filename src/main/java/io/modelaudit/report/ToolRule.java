package io.modelaudit.report;

/**
 * Rules about the run rather than a model's layers, for reports whose every entry needs a rule id
 * (SARIF, GitHub annotations): a file that could not be audited (exit 3, or 4 for a bug of ours).
 */
public final class ToolRule {
  private ToolRule() {}

  public static final String FILE_NOT_AUDITED = "FILE_NOT_AUDITED";
  public static final String FILE_NOT_AUDITED_DESCRIPTION =
      "the file could not be audited: it could not be read, is not a supported model, or the audit"
          + " failed";
  public static final String FILE_NOT_AUDITED_HELP =
      "The file was named on the command line or found in a folder, but could not be audited: it"
          + " does not exist, is not a model file, is damaged, is a weights-only HDF5 file without"
          + " its architecture, took longer than --timeout, or the tool failed on it (an internal"
          + " error). The message gives the reason; the run exits with 3 (4 for an internal"
          + " error).";
}
