package io.modelaudit.report;

import java.util.List;

/** Hands each model to several report streams, so that one run writes several formats. */
public final class TeeReportStream implements ReportRenderer.ReportStream {
  private final List<ReportRenderer.ReportStream> streams;

  public TeeReportStream(List<ReportRenderer.ReportStream> streams) {
    this.streams = List.copyOf(streams);
  }

  @Override
  public void model(ModelReport m) {
    for (ReportRenderer.ReportStream s : streams) {
      s.model(m);
    }
  }

  @Override
  public void finish(ReportCounts counts) {
    for (ReportRenderer.ReportStream s : streams) {
      s.finish(counts);
    }
  }
}
