package io.modelaudit.reference.stored;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.modelaudit.TestPaths;
import io.modelaudit.audit.ModelAuditor;
import io.modelaudit.compare.Finding;
import io.modelaudit.compare.Rule;
import io.modelaudit.compare.Severity;
import io.modelaudit.report.ModelReport;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Layers after a Lambda whose output shape the file records nowhere: their input is unknown, but
 * their stored weights must fit some input together. Files written by Keras 3.15.1, the damaged one
 * by h5py (test-models/keras/behind_lambda/make_behind_lambda.py).
 */
class StoredWeightsFitTest {
  private static final Path DIR = TestPaths.kerasModels().resolve("behind_lambda");

  private static ModelReport audit(String name) throws Exception {
    return new ModelAuditor(Map.of()).audit(DIR.resolve(name));
  }

  @Test
  void weightsThatFitAnInputGiveNoFindingEvenForAGroupedConvolution() throws Exception {
    ModelReport report = audit("behind_lambda.h5");
    assertTrue(report.findings().isEmpty(), () -> report.findings().toString());
    JsonNode keras =
        new ObjectMapper().readTree(DIR.resolve("behind_lambda.expected.json").toFile());
    assertEquals(keras.get("count_params").asLong(), report.totals().params());
  }

  @Test
  void weightsThatContradictEachOtherAreAnErrorAtThatLayer() throws Exception {
    ModelReport report = audit("behind_lambda_wrong_mean.h5");
    List<Finding> errors =
        report.findings().stream().filter(f -> f.severity() == Severity.ERROR).toList();
    assertEquals(1, errors.size(), () -> report.findings().toString());
    Finding f = errors.get(0);
    assertEquals(Rule.STORED_WEIGHTS_FIT_NO_INPUT, f.rule());
    assertEquals("bn", f.layer());
    assertTrue(f.message().contains("moving_mean (5,)"), f.message());
    assertTrue(f.message().contains("with 4 input features"), f.message());
    assertEquals(ModelReport.MISMATCH, report.status());
  }
}
