package io.modelaudit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A batch run keeps no report once it is written: 2,000 models, each report tens of kilobytes in
 * memory, run in a 24 MB heap while every format is written at once. Holding the reports (tried: a
 * stream that kept each model) runs out of memory after a few hundred.
 */
class BoundedMemoryTest {
  private static final Path MODEL = Path.of("test-models/keras/hub_encoder.json");
  private static final int FILES = 2_000;

  @Test
  void twoThousandReportsFitInASmallHeap(@TempDir Path dir) throws Exception {
    Path models = Files.createDirectory(dir.resolve("models"));
    for (int i = 0; i < FILES; i++) {
      Files.copy(MODEL, models.resolve(String.format("m%04d.json", i)));
    }
    Path json = dir.resolve("report.json");
    Process p =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx24m",
                "-XX:+UseSerialGC",
                "-cp",
                System.getProperty("java.class.path"),
                Main.class.getName(),
                "--format",
                "json",
                "-j",
                "2",
                "-o",
                "text=" + dir.resolve("report.txt"),
                "-o",
                "sarif=" + dir.resolve("report.sarif"),
                "-o",
                "junit=" + dir.resolve("report.xml"),
                models.toString())
            .redirectOutput(json.toFile())
            .start();
    String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(0, p.waitFor(), err);
    assertFalse(err.contains("OutOfMemoryError"), err);
    JsonNode report = new ObjectMapper().readTree(json.toFile());
    assertEquals(FILES, report.get("models").size());
    assertEquals(FILES, report.get("summary").get("ok").asInt());
  }
}
