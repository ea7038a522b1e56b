package io.modelaudit.formats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.modelaudit.TestPaths;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * JsonTrees builds the tree Jackson's own {@code ObjectMapper.readTree} builds, node class for node
 * class: on edge cases and on every JSON file among the test models.
 */
class JsonTreesTest {
  private static final ObjectMapper JACKSON = new ObjectMapper(BoundedJson.FACTORY);

  @Test
  void edgeCasesReadAsJacksonReadsThem() throws IOException {
    for (String json :
        List.of(
            "{}",
            "[]",
            "{\"a\": {\"b\": [1, [2, [3, {}]], []]}}",
            "{\"k\": 1, \"k\": 2}",
            "[2147483647, 2147483648, 9223372036854775807, 9223372036854775808, -1, 0]",
            "[1.5, -0.0, 1e308, 1E-5, NaN, Infinity, -Infinity]",
            "[true, false, null, \"\", \"λ\\u00e9\\n\"]",
            "\"a string\"",
            "42",
            "{\"a\": 1} trailing")) {
      assertSame(json);
    }
  }

  @Test
  void theEndOfTheInputIsNull() throws IOException {
    try (JsonParser p = BoundedJson.FACTORY.createParser("   ")) {
      assertNull(JsonTrees.read(p));
    }
  }

  @Test
  void everyJsonTestModelReadsAsJacksonReadsIt() throws IOException {
    int files = 0;
    try (Stream<Path> walk = Files.walk(TestPaths.testModels())) {
      for (Path f : walk.filter(p -> p.toString().endsWith(".json")).toList()) {
        String text = BoundedJson.decode(Files.readAllBytes(f));
        try {
          JACKSON.readTree(text);
        } catch (IOException e) {
          continue; // damaged on purpose (test-models/malformed)
        }
        assertSame(text);
        files++;
      }
    }
    assertTrue(files > 100, "only " + files + " JSON files");
  }

  private static void assertSame(String json) throws IOException {
    JsonNode expected = JACKSON.readTree(json);
    JsonNode actual;
    try (JsonParser p = BoundedJson.FACTORY.createParser(json)) {
      actual = JsonTrees.read(p);
    }
    if (expected.isMissingNode()) {
      // No value at all: Jackson's missing node, null here; BoundedJson rejects both alike.
      assertNull(actual, json);
      return;
    }
    assertEquals(expected, actual, json);
    assertSameClasses(expected, actual, json);
  }

  private static void assertSameClasses(JsonNode expected, JsonNode actual, String where) {
    assertEquals(expected.getClass(), actual.getClass(), where);
    if (expected.isContainerNode()) {
      assertEquals(expected.size(), actual.size(), where);
      if (expected.isArray()) {
        for (int i = 0; i < expected.size(); i++) {
          assertSameClasses(expected.get(i), actual.get(i), where);
        }
      } else {
        expected
            .fieldNames()
            .forEachRemaining(k -> assertSameClasses(expected.get(k), actual.get(k), where));
      }
    }
  }
}
