package io.modelaudit.reference;

import io.modelaudit.compare.Finding;
import io.modelaudit.report.LayerReport;
import io.modelaudit.report.ModelReport.Framework;
import io.modelaudit.report.ModelReport.Totals;
import java.util.List;

/**
 * Our numbers for every layer beside the file's own: the rows of the report, its totals, and the
 * findings so far (each layer's, in row order, then the model's).
 */
public record LayerTable(
    String format,
    Framework framework,
    String modelName,
    String architecture,
    List<LayerReport> layers,
    Totals totals,
    List<Finding> findings) {

  public LayerTable {
    layers = List.copyOf(layers);
    findings = List.copyOf(findings);
  }
}
