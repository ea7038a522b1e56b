package io.modelaudit.report;

/** How many models a report holds, by status: all that the summary needs of them. */
public final class ReportCounts {
  private long models;
  private long ok;
  private long mismatch;
  private long error;

  public void add(ModelReport m) {
    models++;
    switch (m.status()) {
      case ModelReport.OK -> ok++;
      case ModelReport.MISMATCH -> mismatch++;
      case ModelReport.ERROR -> error++;
      default -> throw new IllegalArgumentException("unknown status " + m.status());
    }
  }

  public long models() {
    return models;
  }

  public long ok() {
    return ok;
  }

  public long mismatch() {
    return mismatch;
  }

  public long error() {
    return error;
  }
}
