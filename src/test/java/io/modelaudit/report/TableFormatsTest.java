package io.modelaudit.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.modelaudit.cli.Main;
import io.modelaudit.ir.Shape;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

/**
 * The CSV report holds the JSON report's layers row by row, and the Markdown report keeps names
 * from the file from breaking its tables or adding markup.
 */
class TableFormatsTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String[] MODELS = {
    "test-models/keras/seed_cnn.h5",
    "test-models/keras/functional_nested.h5",
    "test-models/keras/nested_deep.keras",
    "test-models/keras/variants/seed_cnn_wrong_kernel.h5",
    "test-models/keras/variants/seed_cnn_weights_only.h5",
    "test-models/malformed/config_nan.keras"
  };

  @Test
  void csvHasOneRowPerLayerWithTheJsonReportsValues() throws Exception {
    JsonNode json = JSON.readTree(run("json", MODELS));
    List<CSVRecord> rows;
    try (CSVParser parser =
        CSVParser.parse(
            new StringReader(run("csv", MODELS)),
            CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get())) {
      assertEquals(CsvRenderer.COLUMNS, parser.getHeaderNames());
      rows = parser.getRecords();
    }
    int r = 0;
    for (JsonNode model : json.get("models")) {
      if (model.get("status").asText().equals("error")) {
        CSVRecord row = rows.get(r++);
        assertEquals(model.get("path").asText(), row.get("file"));
        assertEquals("error", row.get("status"));
        assertTrue(
            row.get("note").startsWith(model.at("/error/kind").asText() + ": "), row.get("note"));
        continue;
      }
      for (JsonNode layer : model.get("layers")) {
        CSVRecord row = rows.get(r++);
        assertEquals(model.get("path").asText(), row.get("file"));
        assertEquals(layer.get("path").asText(), row.get("layer_path"));
        assertEquals(layer.get("class").asText(), row.get("class"));
        assertEquals(text(layer.get("params")), row.get("params"), layer.get("path").asText());
        assertEquals(text(layer.get("trainable")), row.get("trainable"));
        assertEquals(text(layer.get("non_trainable")), row.get("non_trainable"));
        assertEquals(layer.get("status").asText(), row.get("status"));
        assertEquals(text(layer.get("formula")), row.get("formula"));
        assertEquals(
            layer.get("calls").isNull() ? "1" : String.valueOf(layer.get("calls").size()),
            row.get("calls"));
      }
    }
    assertEquals(rows.size(), r, "no rows beyond the layers");
    assertTrue(rows.stream().anyMatch(x -> x.get("status").equals("mismatch")));
    assertTrue(rows.stream().anyMatch(x -> x.get("status").equals("error")));
    assertTrue(
        rows.stream().anyMatch(x -> x.get("depth").equals("2")), "nested_deep's inner layers");
  }

  @Test
  void csvDefusesSpreadsheetFormulasAndQuotesSeparators() throws Exception {
    StringWriter out = new StringWriter();
    new CsvRenderer().render(report(layer("=HYPERLINK(\"x\"),b", "Dense")), new PrintWriter(out));
    try (CSVParser parser =
        CSVParser.parse(
            new StringReader(out.toString()),
            CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get())) {
      CSVRecord row = parser.getRecords().get(0);
      assertEquals("'=HYPERLINK(\"x\"),b", row.get("name"));
      assertEquals(CsvRenderer.COLUMNS.size(), row.size());
    }
  }

  @Test
  void markdownCellsKeepTheirColumnsWhateverTheNames() throws Exception {
    String evil = "a|b`c``<img src=x>*_[x](y)";
    StringWriter out = new StringWriter();
    new MarkdownRenderer().render(report(layer(evil, "Cls|`x`")), new PrintWriter(out));
    String row =
        Arrays.stream(out.toString().split("\n"))
            .filter(l -> l.startsWith("| ``"))
            .findFirst()
            .orElseThrow(() -> new AssertionError(out.toString()));
    // Seven cell borders for six columns: every other pipe is escaped.
    assertEquals(7, row.replace("\\|", "").chars().filter(c -> c == '|').count(), row);
    assertTrue(row.startsWith("| ```a\\|b`c``<img src=x>*_[x](y)``` | "), row);
  }

  @Test
  void markdownTextEscapesMarkupAndCodeSpansOutgrowTheirBackticks() {
    assertEquals(
        "\\<b\\>x\\</b\\> \\*y\\* \\_z\\_ \\[l\\](u) a\\|b",
        MarkdownText.text("<b>x</b> *y* _z_ [l](u) a|b"));
    assertEquals("`plain`", MarkdownText.code("plain"));
    assertEquals("``a`b``", MarkdownText.code("a`b"));
    assertEquals("`` `x ``", MarkdownText.code("`x"));
    assertEquals("`a\\|b`", MarkdownText.code("a|b"));
    assertEquals("`line\\nbreak`", MarkdownText.code("line\nbreak"));
  }

  private static AuditReport report(LayerReport l) {
    ModelReport m =
        new ModelReport(
            "crafted.h5",
            "keras-h5",
            null,
            "m",
            ModelReport.OK,
            null,
            List.of(l),
            new ModelReport.Totals(10, 10, 0, 0, 10L, true),
            List.of(),
            null,
            null,
            null);
    return new AuditReport("0.1.0", List.of(m));
  }

  /**
   * A layer with the given name and class and a count of 10, built through the record's components
   * so that fields added to LayerReport later stay null here.
   */
  private static LayerReport layer(String name, String className) throws Exception {
    Map<String, Object> values =
        Map.of(
            "name",
            name,
            "path",
            name,
            "className",
            className,
            "inbound",
            List.of(),
            "outputShapes",
            List.of(Shape.of(Arrays.asList(null, 10L))),
            "params",
            10L,
            "trainable",
            10L,
            "nonTrainable",
            0L,
            "paramsSource",
            "inferred",
            "status",
            LayerReport.OK);
    RecordComponent[] components = LayerReport.class.getRecordComponents();
    Object[] args = new Object[components.length];
    Class<?>[] types = new Class<?>[components.length];
    for (int i = 0; i < components.length; i++) {
      types[i] = components[i].getType();
      args[i] = types[i] == int.class ? 0 : values.get(components[i].getName());
    }
    return LayerReport.class.getDeclaredConstructor(types).newInstance(args);
  }

  private static String text(JsonNode n) {
    return n == null || n.isNull() ? "" : n.asText();
  }

  private static String run(String format, String... models) {
    List<String> args = new ArrayList<>(List.of("--format", format, "--fail-on", "never"));
    args.addAll(List.of(models));
    StringWriter out = new StringWriter();
    Main.run(
        new PrintWriter(out),
        new PrintWriter(new StringWriter()),
        false,
        args.toArray(String[]::new));
    return out.toString();
  }
}
