package io.modelaudit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.modelaudit.TestPaths;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Non-ASCII layer names of one UTF-8 length (密集層一, 密集層二), which Keras writes as UTF-8 bytes into
 * ASCII-typed string attributes: each layer finds its own weights, whether the names are
 * variable-length strings (Keras 3, unicode_names.h5) or fixed-length ones (Keras 1 and 2: the
 * variant made by variants/make_variants.py). Read as ASCII they looked alike, and one layer's
 * weights were reported missing. The counts expected are Keras' own (unicode_names.expected.json).
 */
class UnicodeLayerNamesTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @ParameterizedTest
  @ValueSource(strings = {"unicode_names.h5", "variants/unicode_names_fixed_length.h5"})
  void everyLayerFindsItsOwnWeights(String file) throws Exception {
    Path keras = TestPaths.kerasModels();
    Map<String, Long> expected = new HashMap<>();
    for (JsonNode l :
        JSON.readTree(keras.resolve("unicode_names.expected.json").toFile()).get("layers")) {
      expected.put(l.get("name").asText(), l.get("params").asLong());
    }
    CliRun run = CliRun.of("--format", "json", keras.resolve(file).toString());
    assertEquals(0, run.exitCode, run.out + run.err);
    JsonNode model = JSON.readTree(run.out).get("models").get(0);
    assertEquals(0, model.get("findings").size(), model.get("findings").toString());
    Map<String, Long> stored = new HashMap<>();
    for (JsonNode l : model.get("layers")) {
      assertEquals("ok", l.get("status").asText(), l.get("name").asText());
      stored.put(
          l.get("name").asText(), l.path("references").path("stored").path("params").asLong(0));
    }
    assertEquals(expected, stored);
  }
}
