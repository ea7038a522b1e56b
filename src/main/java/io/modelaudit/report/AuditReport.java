package io.modelaudit.report;

import java.util.List;

/** Everything one run found, ready to be rendered. */
public record AuditReport(String toolVersion, List<ModelReport> models) {
  public AuditReport {
    models = List.copyOf(models);
  }

  public long count(String status) {
    return models.stream().filter(m -> m.status().equals(status)).count();
  }
}
