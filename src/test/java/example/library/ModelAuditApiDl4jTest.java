package example.library;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modelaudit.TestPaths;
import io.modelaudit.UsesDl4jWorker;
import io.modelaudit.api.ModelAudit;
import io.modelaudit.api.Options;
import io.modelaudit.api.Reference;
import io.modelaudit.api.Report;
import io.modelaudit.api.Severity;
import org.junit.jupiter.api.Test;

/**
 * The library API with the DL4J reference: DL4J 1.0.0-M2.1 imports Keras 1 and 2 files only, so it
 * refuses seed_cnn.h5 (written by Keras 3.15.1), a warning beside our agreeing numbers.
 */
@UsesDl4jWorker
class ModelAuditApiDl4jTest {
  @Test
  void dl4jIsAskedInItsOwnProcess() {
    Report report =
        ModelAudit.audit(
            TestPaths.kerasModels().resolve("seed_cnn.h5"),
            Options.defaults().withReference(Reference.ALL));

    assertEquals(1966, report.totals().orElseThrow().params());
    assertEquals(1, report.findings().size(), report.findings().toString());
    Report.Finding refused = report.findings().get(0);
    assertEquals("DL4J_IMPORT_FAILED", refused.rule());
    assertEquals(Severity.WARNING, refused.severity());
    assertTrue(refused.message().contains("Keras major version"), refused.message());
    assertTrue(report.hasFindingsAtLeast(Severity.WARNING));
    assertTrue(!report.hasFindingsAtLeast(Severity.ERROR));
  }
}
