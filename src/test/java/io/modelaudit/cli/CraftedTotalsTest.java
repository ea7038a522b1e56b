package io.modelaudit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modelaudit.TestPaths;
import io.modelaudit.audit.ModelAuditor;
import io.modelaudit.compare.Finding;
import io.modelaudit.compare.Rule;
import io.modelaudit.report.LayerReport;
import io.modelaudit.report.ModelReport;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Hand-made files (test-models/keras/crafted/make_crafted_totals.py) whose totals the audit used to
 * get wrong: what each file really stores is counted once, and how it lists its weights is a
 * finding.
 */
class CraftedTotalsTest {
  private static ModelReport audit(String file) {
    Path path = TestPaths.kerasModels().resolve("crafted").resolve(file);
    ModelReport report = new ModelAuditor(Map.of()).audit(path);
    assertNull(report.error(), () -> "could not audit: " + report.error());
    return report;
  }

  private static List<Rule> rules(ModelReport report, String layer) {
    return report.findings().stream()
        .filter(f -> layer.equals(f.layer()))
        .map(Finding::rule)
        .collect(Collectors.toList());
  }

  private static LayerReport row(ModelReport report, String name) {
    return report.layers().stream().filter(l -> l.name().equals(name)).findFirst().orElseThrow();
  }

  @Test
  void aRepeatedWeightNameIsAFindingNotADoubleCount() {
    ModelReport report = audit("keras31_bidirectional_repeated_names.h5");
    // Three datasets of 48 + 64 + 16 values, listed twice each.
    assertEquals(128L, report.totals().stored());
    assertEquals(128L, row(report, "bi_lstm_concat").storedParams());
    assertTrue(
        rules(report, "bi_lstm_concat").contains(Rule.WEIGHT_NAME_REPEATED),
        report.findings()::toString);
    Finding repeated =
        report.findings().stream()
            .filter(f -> f.rule() == Rule.WEIGHT_NAME_REPEATED)
            .findFirst()
            .orElseThrow();
    assertEquals("kernel, recurrent_kernel, bias", repeated.actual());
    assertEquals(LayerReport.MISMATCH, row(report, "bi_lstm_concat").status());
    assertEquals(ModelReport.MISMATCH, report.status());
  }

  @Test
  void aListedLayerWithoutAGroupIsAFinding() {
    ModelReport report = audit("absent_layer_group.h5");
    assertEquals(List.of(Rule.STORED_LAYER_ABSENT), rules(report, "dropout"));
    assertEquals(LayerReport.MISMATCH, row(report, "dropout").status());
    assertEquals(LayerReport.OK, row(report, "dense").status());
    assertEquals(23L, report.totals().stored());
  }

  @Test
  void aSubclassedModelWithAnEmptyConfigIsOneUnsupportedRowOwningEveryStoredVariable() {
    ModelReport report = audit("tfkeras214_subclassed_empty_config.keras");
    assertEquals(1, report.layers().size());
    LayerReport only = report.layers().get(0);
    assertEquals("two_tower_net", only.name());
    assertEquals(LayerReport.UNSUPPORTED, only.status());
    // dense (4, 8) + (8,), head (8, 1) + (1,); the optimizer's state is not the model's.
    assertEquals(49L, only.params());
    assertEquals(49L, report.totals().params());
    assertEquals(49L, report.totals().stored());
    CliRun run =
        CliRun.of(
            TestPaths.kerasModels()
                .resolve("crafted/tfkeras214_subclassed_empty_config.keras")
                .toString());
    assertEquals(0, run.exitCode, run.err);
  }
}
