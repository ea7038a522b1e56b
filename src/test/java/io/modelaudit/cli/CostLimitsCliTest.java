package io.modelaudit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.modelaudit.TestPaths;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --max-weight-bytes} on seed_cnn.h5, whose weights Keras' own summary puts at "Total
 * params: 1,966 (7.68 KB)" (test-models/keras/seed_cnn.keras_summary.txt): 1,966 float32 values,
 * 7,864 bytes. {@code --max-macs} in baseline and check, on Keras' VGG16 architecture: torchvision
 * publishes 15.47 G multiply-accumulates for it (docs/compute-cost.md), so a limit of 15 G fails
 * and one of 16 G passes.
 */
class CostLimitsCliTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path tmp;

  @Test
  void aModelOverItsMacsLimitFailsTheCheck() throws IOException {
    Path models = Files.createDirectories(tmp.resolve("models"));
    Files.copy(
        TestPaths.kerasModels().resolve("applications").resolve("vgg16.json"),
        models.resolve("vgg16.json"));
    Path lock = tmp.resolve("model-audit.lock");
    assertEquals(
        0,
        CliRun.of("baseline", models.toString(), "-o", lock.toString(), "--max-macs", "16000000000")
            .exitCode);
    String written = Files.readString(lock);
    assertTrue(written.contains("\"max_macs\": 16000000000"), written);
    assertTrue(written.contains("\"macs\": 15"), "the lock keeps the model's MACs: " + written);
    assertEquals(0, CliRun.of("check", "--baseline", lock.toString(), models.toString()).exitCode);

    CliRun over =
        CliRun.of(
            "check",
            "--baseline",
            lock.toString(),
            "--max-macs",
            "15000000000",
            "--format",
            "json",
            models.toString());
    assertEquals(1, over.exitCode, over.out);
    JsonNode model = JSON.readTree(over.out).get("models").get(0);
    JsonNode breach = model.get("baseline").get("limits_exceeded").get(0);
    assertEquals("max_macs", breach.get("limit").asText());
    assertEquals(
        model.get("totals").get("cost").get("macs").asLong(), breach.get("actual").asLong());
    assertEquals(
        2,
        CliRun.of("check", "--baseline", lock.toString(), "--max-macs", "-1", models.toString())
            .exitCode,
        "a negative limit is a usage error");
  }

  @Test
  void aModelOverItsWeightBytesLimitFailsTheCheck() throws IOException {
    Path models = Files.createDirectories(tmp.resolve("weights"));
    Files.copy(TestPaths.kerasModels().resolve("seed_cnn.h5"), models.resolve("seed_cnn.h5"));
    Path lock = tmp.resolve("weights.lock");
    assertEquals(
        0,
        CliRun.of(
                "baseline", models.toString(), "-o", lock.toString(), "--max-weight-bytes", "7864")
            .exitCode);
    assertTrue(Files.readString(lock).contains("\"weight_bytes\": 7864"), Files.readString(lock));
    assertEquals(0, CliRun.of("check", "--baseline", lock.toString(), models.toString()).exitCode);
    CliRun over =
        CliRun.of(
            "check",
            "--baseline",
            lock.toString(),
            "--max-weight-bytes",
            "7863",
            "--format",
            "json",
            models.toString());
    assertEquals(1, over.exitCode, over.out);
    JsonNode breach =
        JSON.readTree(over.out).get("models").get(0).get("baseline").get("limits_exceeded").get(0);
    assertEquals("max_weight_bytes", breach.get("limit").asText());
    assertEquals(7864, breach.get("actual").asLong());
  }
}
