package io.modelaudit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.modelaudit.TestPaths;
import org.junit.jupiter.api.Test;

/**
 * A subclassed model written by Keras 3.15.1 (test-models/keras/subclassed/make_subclassed.py): its
 * config lists no layers, so it is one unsupported row that owns every stored weight. Keras reports
 * 74 parameters in 8 tensors (subclassed_model.txt).
 */
class SubclassedModelCliTest {
  private static final String FILE =
      TestPaths.kerasModels().resolve("subclassed").resolve("subclassed_model.keras").toString();

  @Test
  void auditedAsOneUnsupportedRowWithEveryStoredWeight() throws Exception {
    CliRun run = CliRun.of("--format", "json", FILE);
    assertEquals(0, run.exitCode, run.out + run.err);
    JsonNode model = new ObjectMapper().readTree(run.out).get("models").get(0);
    assertEquals(1, model.get("layers").size());
    JsonNode row = model.get("layers").get(0);
    assertEquals("TwoTowers", row.get("class").asText());
    assertEquals("unsupported", row.get("status").asText());
    assertEquals(74, row.get("params").asLong());
    assertEquals(8, row.get("weights").size());
    assertEquals(74, model.get("totals").get("params").asLong());
    assertTrue(row.get("note").asText().contains("subclassed model"), row.toString());
  }
}
