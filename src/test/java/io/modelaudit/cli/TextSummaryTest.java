package io.modelaudit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modelaudit.TestPaths;
import io.modelaudit.report.summary.DisplayWidth;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The text summary beside Keras' own summary text, and its layout in display cells. */
class TextSummaryTest {

  /**
   * The totals lines, bytes included, are the ones Keras printed for the same file
   * (NAME.keras_summary.txt, written by test-models/keras/generate_summaries.py).
   */
  @ParameterizedTest
  @ValueSource(strings = {"seed_cnn", "functional_nested", "cjk_names"})
  void totalsAndBytesLinesAreKeras(String model) throws Exception {
    List<String> keras =
        Files.readAllLines(
            TestPaths.kerasModels().resolve(model + ".keras_summary.txt"), StandardCharsets.UTF_8);
    CliRun run = CliRun.of(TestPaths.kerasModels().resolve(model + ".h5").toString());
    assertEquals(0, run.exitCode, run.err);
    for (String label : List.of("Total params: ", "Trainable params: ", "Non-trainable params: ")) {
      String theirs =
          keras.stream().map(String::strip).filter(l -> l.startsWith(label)).findFirst().get();
      String ours = run.out.lines().filter(l -> l.startsWith(label)).findFirst().orElseThrow();
      assertTrue(ours.startsWith(theirs), "Keras: " + theirs + "\nours:  " + ours);
    }
  }

  /** Every row's Status starts in the same display cell as the header's, CJK names or not. */
  @Test
  void columnsStayAlignedInDisplayCellsWithWideNames() {
    CliRun run = CliRun.of(TestPaths.kerasModels().resolve("cjk_names.h5").toString());
    List<String> lines = run.out.lines().toList();
    String header = lines.stream().filter(l -> l.startsWith("Layer (type)")).findFirst().get();
    int statusCell = DisplayWidth.of(header.substring(0, header.indexOf("Status")));
    int paramEnd = DisplayWidth.of(header.substring(0, header.indexOf("Param #") + 7));
    int rows = 0;
    for (String line : lines) {
      if (line.endsWith("  ok")) {
        rows++;
        assertEquals(statusCell, DisplayWidth.of(line) - 2, line);
        String beforeParams = line.substring(0, line.indexOf("  ", line.indexOf(")  (None")) + 2);
        assertTrue(DisplayWidth.of(beforeParams) < paramEnd, line);
      }
    }
    assertEquals(7, rows, run.out);
    assertTrue(run.out.contains("共有の全結合層 (Dense)"), run.out);
  }

  /** With COLUMNS set, the table fits and long names end in an ellipsis; JSON keeps them. */
  @Test
  void longNamesAreCutToTheTerminalWidthButNotInJson() {
    Path model = TestPaths.kerasModels().resolve("functional_nested.h5");
    String[] text = CliEnvRun.of(Map.of("COLUMNS", "64"), model.toString());
    assertEquals("0", text[0], text[2]);
    List<String> table =
        text[1].lines().filter(l -> l.startsWith("─") || l.contains("  ok")).toList();
    for (String line : table) {
      assertTrue(DisplayWidth.of(line) <= 64, line + " is " + DisplayWidth.of(line) + " cells");
    }
    assertTrue(text[1].contains("  seq_bn (B…  "), text[1]);
    String[] json = CliEnvRun.of(Map.of("COLUMNS", "64"), "--format", "json", model.toString());
    assertTrue(
        json[1].contains("\"name\" : \"seq_bn\"") || json[1].contains("\"name\":\"seq_bn\""),
        json[1]);
  }

  @Test
  void anUnknownColumnIsAUsageErrorListingTheColumns() {
    CliRun run = CliRun.of("--columns", "input,latency", "x.h5");
    assertEquals(ExitCodes.USAGE, run.exitCode);
    assertTrue(
        run.err.contains("unknown column 'latency'; the columns are layer,input,output,kernel"),
        run.err);
  }
}
