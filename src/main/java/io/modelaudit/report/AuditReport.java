package io.modelaudit.report;

import java.util.List;

/** Everything one run found, when it is rendered at once (tests); the tool streams instead. */
public record AuditReport(String toolVersion, List<ModelReport> models) {
  public AuditReport {
    models = List.copyOf(models);
  }
}
