package io.modelaudit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.modelaudit.TestPaths;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Keras 3 int4- and int8-quantized models (test-models/keras/quantized, written by Keras 3.15.1's
 * model.quantize): their layers are reported unsupported (not as false mismatches), their stored
 * variables counted as Keras' count_params() does, and the bytes line is Keras' own, int4 packed
 * two values to a byte.
 */
class QuantizedModelsTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @ParameterizedTest
  @CsvSource({
    "dense_int4, dense_int4.keras",
    "dense_int4, dense_int4.h5",
    "dense_int8, dense_int8.keras",
    "dense_int8, dense_int8.h5"
  })
  void countedAndSizedAsKerasDoes(String model, String file) throws Exception {
    Path folder = TestPaths.kerasModels().resolve("quantized");
    JsonNode expected = JSON.readTree(folder.resolve(model + ".expected.json").toFile());
    String path = folder.resolve(file).toString();
    CliRun text = CliRun.of(path);
    assertEquals(0, text.exitCode, text.out + text.err);
    // Keras: "Total params: 140 (284.00 B)"
    assertTrue(
        text.out.contains(expected.get("summary_total_line").asText() + "   (stored in the file"),
        text.out);
    JsonNode json = JSON.readTree(CliRun.of("--format", "json", path).out).get("models").get(0);
    assertEquals(expected.get("count_params").asLong(), json.get("totals").get("params").asLong());
    for (JsonNode layer : json.get("layers")) {
      assertEquals("unsupported", layer.get("status").asText(), layer.toString());
      assertTrue(layer.get("note").asText().contains("quantized layers"), layer.toString());
    }
  }
}
