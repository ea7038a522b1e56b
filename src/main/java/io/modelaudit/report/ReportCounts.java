package io.modelaudit.report;

/** How many models a report holds, by status: all that the summary needs of them. */
public final class ReportCounts {
  private long models;
  private long ok;
  private long mismatch;
  private long error;
  private long skipped;

  public void add(ModelReport m) {
    models++;
    switch (m.status()) {
      case ModelReport.OK -> ok++;
      case ModelReport.MISMATCH -> mismatch++;
      case ModelReport.ERROR -> error++;
      default -> throw new IllegalArgumentException("unknown status " + m.status());
    }
  }

  /** Files that folder scans skipped as clearly not models (not among {@code models}). */
  public void skipped(long files) {
    skipped = files;
  }

  public long skipped() {
    return skipped;
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
