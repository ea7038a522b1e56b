package io.modelaudit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.modelaudit.TestPaths;
import io.modelaudit.UsesDl4jWorker;
import org.junit.jupiter.api.Test;

/**
 * Each layer's activation as the file names it, beside DL4J's ({@code references.dl4j.activation}),
 * through the real worker.
 */
class Dl4jActivationCliTest {
  private static JsonNode layer(JsonNode model, String name) {
    for (JsonNode l : model.get("layers")) {
      if (l.get("name").asText().equals(name)) {
        return l;
      }
    }
    throw new AssertionError("no layer " + name);
  }

  @Test
  @UsesDl4jWorker
  void kerasActivationsBesideDl4js() throws Exception {
    String file =
        TestPaths.corpus()
            .resolve("dl4j-test-resources/modelimport/keras/examples/12net.h5")
            .toString();
    CliRun run = CliRun.of("--format", "json", "--reference", "dl4j", file);
    assertEquals(0, run.exitCode, () -> run.err + Dl4jAnswers.in(run.out).get());
    JsonNode model = new ObjectMapper().readTree(run.out).at("/models/0");
    JsonNode conv = layer(model, "conv1");
    assertEquals("linear", conv.get("activation").asText());
    assertEquals(
        "identity", conv.at("/references/dl4j/activation").asText(), Dl4jAnswers.of(model));
    assertEquals("softmax", layer(model, "conv4-1").get("activation").asText());
    assertEquals(
        "softmax",
        layer(model, "conv4-1").at("/references/dl4j/activation").asText(),
        Dl4jAnswers.of(model));
    // DL4J's PReLULayer reports its default activation, sigmoid, and computes the parametric ReLU
    // itself.
    JsonNode prelu = layer(model, "PReLU1");
    assertEquals("prelu", prelu.get("activation").asText());
    assertEquals(
        "sigmoid", prelu.at("/references/dl4j/activation").asText(), Dl4jAnswers.of(model));
    assertEquals(
        "prelu_in_layer",
        prelu.at("/references/dl4j/explanation/kind").asText(),
        Dl4jAnswers.of(model));
    assertFalse(layer(model, "max_pooling2d_2").has("activation"));
    for (JsonNode f : model.get("findings")) {
      assertFalse(f.get("rule").asText().equals("DL4J_ACTIVATION_MISMATCH"), f.toString());
    }
  }

  @Test
  @UsesDl4jWorker
  void dl4jConfigurationsNameTheirActivationClass() throws Exception {
    CliRun run =
        CliRun.of(
            "--format",
            "json",
            "--reference",
            "dl4j",
            TestPaths.testModels().resolve("dl4j/mlp.zip").toString());
    assertEquals(0, run.exitCode, () -> run.err + Dl4jAnswers.in(run.out).get());
    JsonNode model = new ObjectMapper().readTree(run.out).at("/models/0");
    JsonNode dense = layer(model, "dense1");
    assertEquals("ActivationReLU", dense.get("activation").asText());
    assertEquals("relu", dense.at("/references/dl4j/activation").asText(), Dl4jAnswers.of(model));
    assertEquals("ActivationSoftmax", layer(model, "out").get("activation").asText());
    assertTrue(run.out.contains("\"activation\""));
  }

  @Test
  void theTextTableStaysAsItWas() {
    String file = TestPaths.testModels().resolve("dl4j/mlp.zip").toString();
    CliRun run = CliRun.of(file);
    assertEquals(0, run.exitCode, run.err);
    assertFalse(run.out.contains("ActivationReLU"), run.out);
  }
}
