package io.modelaudit.cost;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.modelaudit.TestPaths;
import io.modelaudit.audit.ModelAuditor;
import io.modelaudit.ir.Shape;
import io.modelaudit.report.LayerReport;
import io.modelaudit.report.ModelReport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Our activation memory against DL4J's own memory report (test-models/dl4j/NAME.memory.json,
 * written by dl4j-reference's GenerateDl4jMemoryReports: {@code getMemoryReport(InputType)} at
 * inference, minibatch 1, float): per layer and vertex, DL4J's activation bytes are its output's
 * elements × 4, as ours. DL4J's total also holds the parameters and its working memory, which are
 * not activations; only the activation bytes are compared. The DL4J file does not record the input
 * size, so each model is audited with the input type DL4J built it for ({@code NAME.expected.json},
 * as {@code --input-shape} would give it).
 */
class Dl4jMemoryReportTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static Path folder() {
    return TestPaths.testModels().resolve("dl4j");
  }

  @TestFactory
  Stream<DynamicTest> activationBytesMatchDl4jsMemoryReport() throws IOException {
    try (Stream<Path> files = Files.list(folder())) {
      return files
          .filter(p -> p.getFileName().toString().endsWith(".memory.json"))
          .sorted()
          .toList()
          .stream()
          .map(p -> DynamicTest.dynamicTest(p.getFileName().toString(), () -> check(p)));
    }
  }

  private static void check(Path memoryFile) throws IOException {
    JsonNode memory = JSON.readTree(memoryFile.toFile());
    String zip = memory.get("model").asText();
    String name = zip.substring(0, zip.length() - ".zip".length());
    JsonNode expected = JSON.readTree(folder().resolve(name + ".expected.json").toFile());
    Map<String, Shape> inputs = new HashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = expected.get("input_types").fields();
        it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      List<Long> dims = new ArrayList<>();
      dims.add(1L);
      e.getValue().get("shape").forEach(d -> dims.add(d.asLong()));
      inputs.put(e.getKey(), Shape.of(dims));
    }
    ModelReport report = new ModelAuditor(inputs).audit(folder().resolve(zip));
    assertNotNull(report.totals(), name + ": " + report.error());
    long sum = 0;
    for (Iterator<Map.Entry<String, JsonNode>> it = memory.get("layers").fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      LayerReport row =
          report.layers().stream()
              .filter(l -> l.name().equals(e.getKey()))
              .findFirst()
              .orElse(null);
      assertNotNull(row, name + ": no row for DL4J's " + e.getKey());
      assertEquals(
          e.getValue().get("activation_bytes").asLong(),
          row.cost().activationBytes(),
          name + "/" + e.getKey() + ": activation bytes");
      sum += e.getValue().get("activation_bytes").asLong();
    }
    assertEquals(memory.get("activation_bytes").asLong(), sum, name + ": DL4J's own sum");
    assertEquals(sum, report.totals().cost().activationBytes(), name + ": total activation bytes");
  }
}
