package io.modelaudit.report;

/** What reports say about the tool itself beyond its name and version. */
public final class ToolInfo {
  private ToolInfo() {}

  /**
   * The project's public home page, for SARIF's {@code informationUri}; null while the project has
   * none, and then SARIF leaves the key out (it is optional).
   */
  public static final String INFORMATION_URI = null;
}
