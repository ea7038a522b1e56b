package example.library;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modelaudit.TestPaths;
import io.modelaudit.api.AuditException;
import io.modelaudit.api.Auditor;
import io.modelaudit.api.ModelAudit;
import io.modelaudit.api.Options;
import io.modelaudit.api.Reference;
import io.modelaudit.api.Report;
import io.modelaudit.api.Severity;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The library API as a user outside the tool's packages sees it: only {@code io.modelaudit.api}.
 * The numbers are Keras 3.15.1's for seed_cnn.h5 (conv2d (None, 28, 28, 6) 456, conv2d_1 (None, 24,
 * 24, 10) 1,510); the damaged variant stores a (5, 5, 6, 9) kernel, written by h5py
 * (test-models/keras/variants/make_variants.py).
 */
class ModelAuditApiTest {
  private static final Path SEED = TestPaths.kerasModels().resolve("seed_cnn.h5");
  private static final Path WRONG_KERNEL =
      TestPaths.kerasModels().resolve("variants/seed_cnn_wrong_kernel.h5");

  @Test
  void seedCnnHasKerasNumbers() {
    Report report = ModelAudit.audit(SEED, Options.defaults());

    assertEquals(Report.Status.OK, report.status());
    assertTrue(report.error().isEmpty());
    assertEquals("keras-h5", report.format());
    assertEquals("keras 3.15.1", report.framework().orElseThrow());
    Report.Totals totals = report.totals().orElseThrow();
    assertEquals(1966, totals.params());
    assertEquals(1966, totals.trainable());
    assertEquals(0, totals.nonTrainable());
    assertEquals(1966L, totals.stored());
    assertTrue(totals.complete());
    assertEquals(2, report.layers().size());
    Report.Layer conv = report.layers().get(0);
    assertEquals("conv2d", conv.name());
    assertEquals("Conv2D", conv.className());
    assertEquals(List.of(Arrays.asList(null, 28L, 28L, 6L)), conv.outputShapes());
    assertEquals(456L, conv.params());
    assertEquals(456L, conv.storedParams());
    assertEquals("ok", conv.status());
    assertEquals("6 × (5·5·3 + 1) = 456", conv.formula());
    Report.Layer conv1 = report.layers().get(1);
    assertEquals(List.of(Arrays.asList(null, 24L, 24L, 10L)), conv1.outputShapes());
    assertEquals(1510L, conv1.params());
    assertEquals(List.of(), report.findings());
    assertFalse(report.hasFindingsAtLeast(Severity.INFO));
  }

  @Test
  void aDamagedKernelIsAFinding() {
    Report report = ModelAudit.audit(WRONG_KERNEL);

    assertEquals(Report.Status.MISMATCH, report.status());
    assertEquals(1966, report.totals().orElseThrow().params());
    assertEquals(1816L, report.totals().orElseThrow().stored());
    assertEquals("mismatch", report.layers().get(1).status());
    assertEquals(1360L, report.layers().get(1).storedParams());
    Report.Finding shape = report.findings().get(0);
    assertEquals("WEIGHT_SHAPE_MISMATCH", shape.rule());
    assertEquals(Severity.ERROR, shape.severity());
    assertEquals("conv2d_1", shape.layer());
    assertEquals("stored", shape.reference());
    assertEquals("(5, 5, 6, 10)", shape.expected());
    assertEquals("(5, 5, 6, 9)", shape.actual());
    Report.Finding params = report.findings().get(1);
    assertEquals("PARAM_MISMATCH", params.rule());
    assertEquals("1510", params.expected());
    assertEquals("1360", params.actual());
    assertEquals("10 × (5·5·6 + 1) = 1,510", params.formula());
    assertTrue(report.hasFindingsAtLeast(Severity.ERROR));
  }

  @Test
  void theReportsAreTheCommandLines() {
    Report report = ModelAudit.audit(WRONG_KERNEL);
    assertEquals(commandLine("--format", "json", WRONG_KERNEL.toString()), report.toJson());
    assertEquals(commandLine("--no-color", WRONG_KERNEL.toString()), report.toText());
  }

  @Test
  void aFileThatIsNoModelIsAnErrorReportNotAnException(@TempDir Path dir) {
    Report report = ModelAudit.audit(dir.resolve("absent.h5"));

    assertEquals(Report.Status.ERROR, report.status());
    assertEquals("not_found", report.error().orElseThrow().kind());
    assertTrue(report.totals().isEmpty());
    assertEquals(List.of(), report.layers());
  }

  @Test
  void inputShapesFixUnknownDims() {
    Report report =
        ModelAudit.audit(SEED, Options.defaults().withInputShape("input_layer", 8L, 32L, 32L, 3L));
    assertEquals(List.of(List.of(8L, 28L, 28L, 6L)), report.layers().get(0).outputShapes());

    Report wrongName =
        ModelAudit.audit(SEED, Options.defaults().withInputShape("x", null, 32L, 32L, 3L));
    assertEquals(Report.Status.ERROR, wrongName.status());
    assertEquals("bad_input_shape", wrongName.error().orElseThrow().kind());
  }

  @Test
  void oneAuditorAuditsManyFiles() {
    try (Auditor auditor =
        ModelAudit.open(Options.defaults().withTimeout(Duration.ofSeconds(30)))) {
      assertEquals(Report.Status.OK, auditor.audit(SEED).status());
      assertEquals(Report.Status.MISMATCH, auditor.audit(WRONG_KERNEL).status());
    }
  }

  @Test
  void optionsAndReportsAreImmutable() {
    Options defaults = Options.defaults();
    Options changed = defaults.withReference(Reference.ALL).withInputShape("a", 1L, null);
    assertEquals(Reference.STORED, defaults.reference());
    assertTrue(defaults.inputShapes().isEmpty());
    assertEquals(Reference.ALL, changed.reference());
    assertEquals(Arrays.asList(1L, null), changed.inputShapes().get("a"));
    assertEquals(Options.DEFAULT_TIMEOUT, changed.timeout());
    assertNull(changed.architecture());
    assertThrows(IllegalArgumentException.class, () -> defaults.withTimeout(Duration.ZERO));
    assertThrows(IllegalArgumentException.class, () -> defaults.withInputShape("a", -1L));

    Report report = ModelAudit.audit(SEED);
    assertThrows(UnsupportedOperationException.class, () -> report.layers().clear());
    assertThrows(UnsupportedOperationException.class, () -> report.findings().clear());
    assertThrows(
        UnsupportedOperationException.class, () -> report.layers().get(0).outputShapes().clear());
  }

  @Test
  void aMissingDl4jWorkerIsAnAuditException(@TempDir Path empty) {
    // The documented way to point model-audit at its DL4J worker (docs/usage.md).
    System.setProperty("modelaudit.dl4j.home", empty.toString());
    try {
      AuditException e =
          assertThrows(
              AuditException.class,
              () -> ModelAudit.audit(SEED, Options.defaults().withReference(Reference.DL4J)));
      assertTrue(e.getMessage().contains("the DL4J reference worker is not built"), e.getMessage());
    } finally {
      System.clearProperty("modelaudit.dl4j.home");
    }
  }

  private static String commandLine(String... args) {
    StringWriter out = new StringWriter();
    io.modelaudit.cli.Main.run(
        new PrintWriter(out), new PrintWriter(new StringWriter()), false, args);
    return out.toString();
  }
}
