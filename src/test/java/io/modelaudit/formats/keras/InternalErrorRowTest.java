package io.modelaudit.formats.keras;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.modelaudit.cli.Main;
import io.modelaudit.ir.layers.IdentityKind;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A file that hits a bug of ours stays in the report as an error row of kind {@code internal} (exit
 * 4), and the files around it keep their results.
 */
class InternalErrorRowTest {
  /** A class name no Keras writes: only this test binds it. */
  private static final String BROKEN = "BrokenRuleOfInternalErrorRowTest";

  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  @BeforeAll
  static void registerBrokenRule() {
    KerasLayerBindings.register(
        IdentityKind.class,
        a -> {
          throw new IllegalStateException("a deliberate bug in a rule");
        },
        BROKEN);
  }

  @AfterAll
  static void unregisterBrokenRule() {
    KerasLayerBindings.unregister(BROKEN);
  }

  private Path model(String file, String layerClass) throws Exception {
    return Files.writeString(
        dir.resolve(file),
        ("{'class_name': 'Sequential', 'config': {'name': 's', 'layers': ["
                + "{'class_name': 'Dense', 'config': {'name': 'd', 'units': 2, 'batch_input_shape': [null, 3]}},"
                + "{'class_name': '"
                + layerClass
                + "', 'config': {'name': 'b'}}]}}")
            .replace('\'', '"'));
  }

  private static String[] run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(new PrintWriter(out), new PrintWriter(err), false, args);
    return new String[] {String.valueOf(code), out.toString(), err.toString()};
  }

  @Test
  void theBrokenFileIsAnErrorRowAndTheOthersAreKept() throws Exception {
    Path first = model("a.json", "Dropout");
    Path broken = model("b.json", BROKEN);
    Path last = model("c.json", "Dropout");
    String[] r = run("--format", "json", dir.toString());
    assertEquals("4", r[0], r[2]);
    JsonNode report = JSON.readTree(r[1]);
    JsonNode models = report.get("models");
    List<String> paths = new ArrayList<>();
    models.forEach(m -> paths.add(m.get("path").asText()));
    assertEquals(List.of(first.toString(), broken.toString(), last.toString()), paths);
    assertEquals("ok", models.get(0).get("status").asText());
    assertEquals("ok", models.get(2).get("status").asText());
    JsonNode row = models.get(1);
    assertEquals("error", row.get("status").asText());
    assertEquals("internal", row.get("error").get("kind").asText());
    assertEquals(
        "internal error: java.lang.IllegalStateException: a deliberate bug in a rule",
        row.get("error").get("message").asText());
    assertEquals("keras-json", row.get("format").asText(), row.toString());
    assertEquals(
        JSON.readTree("{\"models\": 3, \"ok\": 2, \"mismatch\": 0, \"error\": 1}"),
        report.get("summary"));
    // one line on stderr for it, as before
    assertEquals(
        "model-audit: "
            + broken
            + ": internal error: java.lang.IllegalStateException: a deliberate bug in a rule"
            + " (run with --stacktrace for details)\n",
        r[2].replace(System.lineSeparator(), "\n"));
  }

  @Test
  void theTextSummaryCountsIt() throws Exception {
    model("a.json", "Dropout");
    model("b.json", BROKEN);
    String[] r = run(dir.toString());
    assertEquals("4", r[0], r[2]);
    assertTrue(
        r[1].replace(System.lineSeparator(), "\n")
            .endsWith("2 models: 1 ok, 0 with mismatches, 1 could not be read\n"),
        r[1]);
  }
}
