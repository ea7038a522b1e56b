package io.modelaudit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.modelaudit.TestPaths;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code diff} on model pairs Keras wrote that differ by one layer (test-models/keras/diff); the
 * counts expected are Keras' own, from each file's {@code .expected.json}.
 */
class DiffCliTest {
  private static final Path DIFF = TestPaths.kerasModels().resolve("diff");
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path tmp;

  private static String file(String name) {
    return DIFF.resolve(name).toString();
  }

  private static long params(String model, String layer) throws IOException {
    for (JsonNode l :
        JSON.readTree(DIFF.resolve(model + ".expected.json").toFile()).get("layers")) {
      if (l.get("name").asText().equals(layer)) {
        return l.get("params").asLong();
      }
    }
    throw new AssertionError(layer);
  }

  private static long total(String model) throws IOException {
    return JSON.readTree(DIFF.resolve(model + ".expected.json").toFile())
        .get("totals")
        .get("params")
        .asLong();
  }

  private static String count(long n) {
    return String.format(Locale.ROOT, "%,d", n);
  }

  @Test
  void oneLayerAdded() throws IOException {
    CliRun run = CliRun.of("diff", file("base.h5"), file("one_more_layer.h5"));
    assertEquals(1, run.exitCode, run.err);
    assertTrue(run.out.startsWith("--- " + file("base.h5") + "  keras-h5"), run.out);
    assertTrue(
        run.out.contains(
            "  + hidden_2 (Dense): added, output (None, 16), "
                + count(params("one_more_layer", "hidden_2"))
                + " params\n"),
        run.out);
    long delta = total("one_more_layer") - total("base");
    assertTrue(
        run.out.contains(
            "  totals: params "
                + count(total("base"))
                + " → "
                + count(total("one_more_layer"))
                + " (+"
                + count(delta)
                + ")"),
        run.out);
    assertEquals(4, run.out.split("\n").length, run.out);
  }

  @Test
  void oneLayerRemovedAcrossFormats() throws IOException {
    CliRun run = CliRun.of("diff", file("one_more_layer.keras"), file("base.keras"));
    assertEquals(1, run.exitCode, run.err);
    assertTrue(
        run.out.contains(
            "  - hidden_2 (Dense): removed, output (None, 16), "
                + count(params("one_more_layer", "hidden_2"))
                + " params"),
        run.out);
  }

  @Test
  void aRenamedLayer() {
    CliRun run = CliRun.of("diff", file("base.h5"), file("renamed_hidden.h5"));
    assertEquals(1, run.exitCode);
    assertTrue(run.out.contains("  = hidden → encoder (Dense): renamed"), run.out);
    assertTrue(!run.out.contains("totals"), "the totals are the same:\n" + run.out);
  }

  @Test
  void aChangedLayer() throws IOException {
    CliRun run = CliRun.of("diff", file("base.h5"), file("wider_hidden.h5"));
    assertEquals(1, run.exitCode);
    assertTrue(
        run.out.contains(
            "  ~ hidden (Dense): config.units 16 → 24; output_shapes (None, 16) → (None, 24);"
                + " params "
                + count(params("base", "hidden"))
                + " → "
                + count(params("wider_hidden", "hidden"))),
        run.out);
    assertTrue(run.out.contains("weights.kernel (32, 16) → (32, 24)"), run.out);
    assertTrue(
        run.out.contains(
            "  ~ scores (Dense): params "
                + count(params("base", "scores"))
                + " → "
                + count(params("wider_hidden", "scores"))),
        run.out);
  }

  /** A stride and a dropout rate: configuration values, shown as the file writes them. */
  @Test
  void configurationValuesThatChanged() throws IOException {
    CliRun run = CliRun.of("diff", file("conv_base.h5"), file("conv_strided.h5"));
    assertEquals(1, run.exitCode, run.err);
    assertTrue(
        run.out.contains(
            "  ~ conv (Conv2D): config.strides (1, 1) → (2, 2);"
                + " output_shapes (None, 14, 14, 8) → (None, 7, 7, 8)\n"),
        run.out);
    assertTrue(
        run.out.contains(
            "  ~ dropout (Dropout): config.rate 0.25 → 0.5;"
                + " output_shapes (None, 14, 14, 8) → (None, 7, 7, 8)\n"),
        run.out);
    assertTrue(
        run.out.contains(
            "  ~ scores (Dense): params "
                + count(params("conv_base", "scores"))
                + " → "
                + count(params("conv_strided", "scores"))),
        run.out);
    CliRun json =
        CliRun.of("diff", "--format", "json", file("conv_base.h5"), file("conv_strided.h5"));
    JsonNode conv = JSON.readTree(json.out).get("changes").get("layers").get(0);
    assertEquals("conv", conv.get("after").get("name").asText());
    JsonNode strides = null;
    for (JsonNode f : conv.get("fields")) {
      if (f.get("field").asText().equals("config.strides")) {
        strides = f;
      }
    }
    assertEquals("[1,1]", String.valueOf(strides.get("before")), conv.toString());
    assertEquals("[2,2]", String.valueOf(strides.get("after")), conv.toString());
    assertEquals(3L, conv.get("after").get("config").get("kernel_size").get(0).asLong());
    // The same from the two JSON reports: the report carries each layer's configuration values.
    CliRun reports =
        CliRun.of("diff", report("conv_base.h5").toString(), report("conv_strided.h5").toString());
    assertTrue(reports.out.contains("config.rate 0.25 → 0.5"), reports.out);
  }

  @Test
  void retrainedWeightsMakeNoDifference() {
    CliRun run = CliRun.of("diff", file("base.h5"), file("base_retrained.h5"));
    assertEquals(0, run.exitCode, run.out);
    assertTrue(run.out.contains("  no differences"), run.out);
  }

  private Path report(String name) throws IOException {
    CliRun run = CliRun.of("--format", "json", file(name));
    assertEquals(0, run.exitCode, run.err);
    Path out = tmp.resolve(name + ".report.json");
    Files.writeString(out, run.out);
    return out;
  }

  @Test
  void twoJsonReports() throws IOException {
    Path before = report("base.h5");
    Path after = report("one_more_layer.h5");
    CliRun text = CliRun.of("diff", before.toString(), after.toString());
    assertEquals(1, text.exitCode, text.err);
    assertTrue(text.out.contains("  + hidden_2 (Dense): added"), text.out);
    CliRun json = CliRun.of("diff", "--format", "json", before.toString(), after.toString());
    assertEquals(1, json.exitCode);
    JsonNode root = JSON.readTree(json.out);
    assertEquals(1, root.get("diff_version").asInt());
    assertEquals(false, root.get("identical").asBoolean());
    JsonNode change = root.get("changes").get("layers").get(0);
    assertEquals("added", change.get("change").asText());
    assertEquals(params("one_more_layer", "hidden_2"), change.get("after").get("params").asLong());
    assertEquals(total("one_more_layer"), root.get("new").get("totals").get("params").asLong());
    assertEquals(
        0, CliRun.of("diff", before.toString(), report("base_retrained.h5").toString()).exitCode);
  }

  @Test
  void aReportAndAModelFile() throws IOException {
    CliRun run = CliRun.of("diff", report("base.h5").toString(), file("renamed_hidden.h5"));
    assertEquals(1, run.exitCode, run.err);
    assertTrue(run.out.contains("= hidden → encoder (Dense): renamed"), run.out);
    CliRun same = CliRun.of("diff", report("base.h5").toString(), file("base.h5"));
    assertEquals(0, same.exitCode, "a model and its own report: " + same.out);
  }

  @Test
  void badInput() throws IOException {
    CliRun missing = CliRun.of("diff", file("base.h5"), tmp.resolve("nothing.h5").toString());
    assertEquals(3, missing.exitCode);
    assertTrue(missing.err.contains("no such file"), missing.err);
    CliRun two = CliRun.of("--format", "json", file("base.h5"), file("wider_hidden.h5"));
    Path both = tmp.resolve("two.json");
    Files.writeString(both, two.out);
    CliRun many = CliRun.of("diff", both.toString(), file("base.h5"));
    assertEquals(3, many.exitCode);
    assertTrue(many.err.contains("the report holds 2 models"), many.err);
    Path notModel = tmp.resolve("notes.txt");
    Files.writeString(notModel, "hello");
    assertEquals(3, CliRun.of("diff", notModel.toString(), file("base.h5")).exitCode);
    CliRun usage = CliRun.of("diff", file("base.h5"));
    assertEquals(2, usage.exitCode);
    assertTrue(usage.err.contains("model-audit diff --help"), usage.err);
  }
}
