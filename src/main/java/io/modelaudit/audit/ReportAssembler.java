package io.modelaudit.audit;

import io.modelaudit.compare.Explanation;
import io.modelaudit.compare.Finding;
import io.modelaudit.compare.Severity;
import io.modelaudit.reference.LayerTable;
import io.modelaudit.reference.Verdict;
import io.modelaudit.reference.dl4j.Dl4jVerdict;
import io.modelaudit.report.Dl4jAnswer;
import io.modelaudit.report.LayerReport;
import io.modelaudit.report.ModelReport;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Makes the one report of a model from our rows and every reference's verdict: the rows' findings
 * (ours and the stored reference's, layer by layer), then each further reference's.
 */
final class ReportAssembler {
  private ReportAssembler() {}

  static ModelReport assemble(
      String path, LayerTable table, List<Verdict> verdicts, long batchSize) {
    List<Finding> findings = new ArrayList<>();
    Set<String> mismatched = new HashSet<>();
    Dl4jAnswer dl4j = null;
    Map<String, Explanation> dl4jExplanations = null;
    for (Verdict verdict : verdicts) {
      findings.addAll(verdict.findings());
      if (verdict.marksRows()) {
        verdict.findings().stream()
            .filter(f -> f.severity() == Severity.ERROR && f.layer() != null)
            .forEach(f -> mismatched.add(f.layer()));
      }
      if (verdict instanceof Dl4jVerdict d) {
        dl4j = d.answer();
        dl4jExplanations = d.explanations();
      }
    }
    boolean mismatch = findings.stream().anyMatch(f -> f.severity() == Severity.ERROR);
    return new ModelReport(
        path,
        table.format(),
        table.framework(),
        table.modelName(),
        mismatch ? ModelReport.MISMATCH : ModelReport.OK,
        null,
        withMismatches(table.layers(), mismatched),
        table.totals() == null ? null : table.totals().withBatchSize(batchSize),
        findings,
        table.architecture(),
        dl4j,
        dl4jExplanations);
  }

  private static List<LayerReport> withMismatches(List<LayerReport> rows, Set<String> paths) {
    if (paths.isEmpty()) {
      return rows;
    }
    List<LayerReport> out = new ArrayList<>();
    for (LayerReport row : rows) {
      boolean marked = paths.contains(row.path()) && !LayerReport.UNSUPPORTED.equals(row.status());
      out.add(marked ? row.withStatus(LayerReport.MISMATCH) : row);
    }
    return out;
  }
}
