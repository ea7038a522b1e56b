package io.modelaudit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.modelaudit.TestPaths;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Copies of seed_cnn.h5 with one stored weight changed
 * (test-models/keras/variants/make_variants.py): the audit must name the layer, the weight, both
 * numbers and our formula.
 */
class DamagedModelTest {
  private static String variant(String name) {
    return TestPaths.kerasModels().resolve("variants").resolve(name).toString();
  }

  private static List<String> findings(CliRun run) throws Exception {
    JsonNode model = new ObjectMapper().readTree(run.out).at("/models/0");
    List<String> out = new ArrayList<>();
    for (JsonNode f : model.get("findings")) {
      out.add(
          f.get("rule").asText()
              + " "
              + f.get("severity").asText()
              + " "
              + f.get("layer").asText()
              + " "
              + f.get("expected").asText()
              + " -> "
              + f.get("actual").asText());
    }
    return out;
  }

  @Test
  void wrongKernelShape() throws Exception {
    CliRun run = CliRun.of("--format", "json", variant("seed_cnn_wrong_kernel.h5"));
    assertEquals(1, run.exitCode, run.err);
    assertEquals(
        List.of(
            "WEIGHT_SHAPE_MISMATCH error conv2d_1 (5, 5, 6, 10) -> (5, 5, 6, 9)",
            "PARAM_MISMATCH error conv2d_1 1510 -> 1360"),
        findings(run));
    JsonNode model = new ObjectMapper().readTree(run.out).at("/models/0");
    assertEquals("mismatch", model.get("status").asText());
    assertEquals("10 × (5·5·6 + 1) = 1,510", model.at("/findings/1/formula").asText());
    assertEquals(1816, model.at("/totals/references/stored").asLong());
  }

  @Test
  void missingBias() throws Exception {
    CliRun run = CliRun.of("--format", "json", variant("seed_cnn_missing_bias.h5"));
    assertEquals(1, run.exitCode, run.err);
    assertEquals(
        List.of(
            "WEIGHT_MISSING error conv2d_1 (10,) -> null",
            "PARAM_MISMATCH error conv2d_1 1510 -> 1500"),
        findings(run));
  }

  @Test
  void textReportNamesLayerNumbersAndFormula() {
    CliRun run = CliRun.of(variant("seed_cnn_wrong_kernel.h5"));
    assertEquals(1, run.exitCode);
    String expected =
        "PARAM_MISMATCH  conv2d_1: expected 1,510 parameters, the file stores 1,360  [ours: 10 × (5·5·6 + 1) = 1,510]";
    assertEquals(true, run.out.contains(expected), run.out);
  }

  @Test
  void failOnControlsTheExitCode() {
    assertEquals(0, CliRun.of("--fail-on", "never", variant("seed_cnn_wrong_kernel.h5")).exitCode);
    assertEquals(
        1, CliRun.of("--fail-on", "warning", variant("seed_cnn_wrong_kernel.h5")).exitCode);
  }
}
