package io.modelaudit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.modelaudit.TestPaths;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Hidden weights, hostile arguments, terminal text and JSON encodings (issue 13, points 1, 2, 4 and
 * 8; test-models/malformed/make_malformed.py), and symbolic links in folder scans (point 9).
 */
class MalformedFilesTest {
  private static final Path DIR = TestPaths.testModels().resolve("malformed");
  private static final Path TFJS = TestPaths.kerasModels().resolve("crafted_forms/tfjs_valid.json");
  private static final ObjectMapper JSON = new ObjectMapper();

  private static void assertOutcome(CliRun run, int exitCode, String expected) {
    assertEquals(exitCode, run.exitCode, run.out + run.err);
    assertTrue((run.out + run.err).contains(expected), run.out + run.err);
    assertFalse(run.err.contains("internal error"), run.err);
    assertTrue(run.err.lines().count() <= 1, "at most one error line: " + run.err);
    assertTerminalSafe(run.out);
    assertTerminalSafe(run.err);
  }

  /** No control character but the line ends, no bidirectional control, no line separator. */
  private static void assertTerminalSafe(String text) {
    for (char c : text.toCharArray()) {
      boolean control = c < 0x20 && c != '\n' || c >= 0x7f && c <= 0x9f;
      boolean bidi = c >= '\u202a' && c <= '\u202e' || c >= '\u2066' && c <= '\u2069';
      assertFalse(
          control || bidi || c == '\u2028' || c == '\u2029',
          String.format("U+%04X printed as it is in: %s", (int) c, text));
    }
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        // 1: nothing hides the weights
        "wrong_bias.h5             | 1 | error   WEIGHT_SHAPE_MISMATCH  conv2d_1: bias: expected (10,), stored 'sequential/conv2d_1/bias' is (11,)",
        "soft_link_weights.h5      | 1 | error   WEIGHT_SHAPE_MISMATCH  conv2d_1: bias: expected (10,), stored 'sequential/conv2d_1/bias' is (11,)",
        "soft_link_layer.h5        | 1 | error   WEIGHT_SHAPE_MISMATCH  conv2d_1: bias: expected (10,), stored 'sequential/conv2d_1/bias' is (11,)",
        "soft_link_dataset.h5      | 1 | error   WEIGHT_SHAPE_MISMATCH  conv2d_1: bias: expected (10,), stored 'sequential/conv2d_1/bias' is (11,)",
        "soft_link_loop.h5         | 1 | error   WEIGHTS_UNREADABLE  /model_weights: the file stores its weights at /model_weights, which is a soft link in a loop",
        "soft_link_broken.h5       | 1 | error   WEIGHTS_UNREADABLE  conv2d_1: the file stores weights of layer 'conv2d_1' at /model_weights/conv2d_1/sequential/conv2d_1/bias, which is a soft link to /nowhere, which the file does not hold",
        "external_link_weights.h5  | 1 | error   WEIGHTS_EXTERNAL_LINK  /model_weights: the file stores its weights at /model_weights, which is an external link to wrong_bias.h5:/model_weights: that other file is never opened",
        "external_link_dataset.h5  | 1 | error   WEIGHTS_EXTERNAL_LINK  conv2d_1: the file stores weights of layer 'conv2d_1' at /model_weights/conv2d_1/sequential/conv2d_1/bias, which is an external link to wrong_bias.h5:/model_weights/conv2d_1/sequential/conv2d_1/bias",
        "weights_not_a_group.h5    | 1 | error   WEIGHTS_UNREADABLE  /model_weights: the file stores its weights at /model_weights, which is a dataset, not a group",
        "soft_link_layer.keras     | 1 | error   WEIGHT_SHAPE_MISMATCH  conv2d_1: bias: expected (10,), stored 'vars/1' is (11,)",
        "soft_link_bias.keras      | 1 | error   WEIGHT_SHAPE_MISMATCH  conv2d_1: bias: expected (10,), stored 'vars/1' is (11,)",
        "soft_link_to_parent.keras | 3 | model.weights.h5 links one group (layers) from two places; Keras never does",
        "external_link_bias.keras  | 3 | model.weights.h5 stores weights at /layers/conv2d_1/vars/1, which is an external link to wrong_bias.h5:/model_weights/conv2d_1/sequential/conv2d_1/bias: that other file is never opened",
        "dl4j_coefficients_no_data.zip | 3 | coefficients.bin announces 111 COMPRESSED values but holds no data after its header",
        "tfjs_dotdot_name.json     | 1 | warning STORED_LAYER_UNKNOWN  ../dense_1/kernel: the file stores 1 weight tensors (6 parameters) for layer '../dense_1/kernel'",
        // 5: no read sized by a number in the file beyond its size; what h5py and Keras 3 write
        "hdf5/root_header_2gb.h5    | 3 | truncated or corrupt HDF5 file (Failed to load attributes for '//' at address '96')",
        "hdf5/dataset_header_2gb.h5 | 3 | truncated or corrupt HDF5 file (Failed to load children for group '/model_weights/conv2d_1/sequential/conv2d_1/' at address '14496')",
        "hdf5/bfloat16.h5           | 0 | Total params: 23 (62.00 B)   (stored in the file: 23)",
        "hdf5/bfloat16.keras        | 0 | Total params: 23 (62.00 B)   (stored in the file: 23)",
        "hdf5/dense_attributes.h5   | 0 | Total params: 1,966 (7.68 KB)   (stored in the file: 1,966)",
        // 4: a name in an error message
        "terminal_error.json       | 3 | two layers are named 'dup\\nmodel-audit: other.h5: ok\\x1b[2K'",
        // 8: what Python writes and reads
        "nan_infinity.json         | 0 | Total params: 23",
        "nan_in_shape.json         | 3 | unreadable architecture JSON: bad dimension \"NaN\" in a shape",
        "utf16le_bom.json          | 0 | Total params: 23",
        "utf16be_bom.json          | 0 | Total params: 23",
        "utf32le_bom.json          | 0 | Total params: 23",
        "utf32be_bom.json          | 0 | Total params: 23",
        "utf16le_no_bom.json       | 0 | Total params: 23",
        "tfjs_utf16_nan.json       | 0 | Total params: 23 (92.00 B)   (stored in the file: 23)",
        "config_utf16.keras        | 0 | Total params: 1,966 (7.68 KB)   (stored in the file: 1,966)",
        "config_nan.keras          | 0 | Total params: 1,966 (7.68 KB)   (stored in the file: 1,966)",
        "model_config_nan.h5       | 0 | Total params: 1,966 (7.68 KB)   (stored in the file: 1,966)",
        "dl4j_utf16.json           | 0 | Total params: 109",
        "dl4j_nan.json             | 0 | Total params: 109",
        "dl4j_utf16.zip            | 0 | Total params: 111 (444.00 B)   (stored in the file: 111)",
        "dl4j_missing_input.json   | 3 | unreadable DL4J configuration: vertex 'merge2' takes input 'nowhere', which the graph does not have",
        "dl4j_missing_output.json  | 3 | unreadable DL4J configuration: network output 'nowhere' names a vertex the graph does not have",
      })
  void malformedFile(String file, int exitCode, String expected) {
    assertOutcome(CliRun.of(DIR.resolve(file).toString()), exitCode, expected);
  }

  // --- 2: arguments are what they look like

  @Test
  void atArgumentIsAPathNotAnOptionsFile() {
    Path options = DIR.resolve("at_file/x");
    CliRun run = CliRun.of("@" + options, DIR.resolve("at_file/@x").toString());
    // With @file expansion, "@.../x" would become "--fail-on never" and the run exit 0.
    assertOutcome(run, 3, "model-audit: @" + options + ": ");
    assertTrue(run.out.contains("error   WEIGHT_SHAPE_MISMATCH  dense_1"), run.out);
  }

  /** {@code cd at_file && model-audit *}: the shell passes "@x x", which must stay two paths. */
  @Test
  void globbedFolderWithAnAtFileKeepsItsOptions() throws Exception {
    Process p =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                Main.class.getName(),
                "@x",
                "x")
            .directory(DIR.resolve("at_file").toFile())
            .start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(3, p.waitFor(), out + err);
    assertTrue(out.startsWith("@x  tfjs-layers"), out);
    assertTrue(out.contains("error   WEIGHT_SHAPE_MISMATCH  dense_1"), out);
    assertEquals("model-audit: x: not a model file (neither HDF5, zip nor JSON)", err.strip());
  }

  // --- 5: no allocation sized by a number in the file beyond the file's size

  /**
   * A header claiming 2 GB once took a 2 GB buffer: with a 64 MB heap, that was an internal error.
   */
  @Test
  void headerSizesBeyondTheFileAreDamageInASmallHeap() throws Exception {
    Process p =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx64m",
                "-cp",
                System.getProperty("java.class.path"),
                Main.class.getName(),
                "--format",
                "json",
                DIR.resolve("hdf5/root_header_2gb.h5").toString(),
                DIR.resolve("hdf5/dataset_header_2gb.h5").toString())
            .redirectError(ProcessBuilder.Redirect.PIPE)
            .start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(3, p.waitFor(), out + err);
    List<String> kinds = new ArrayList<>();
    for (JsonNode m : JSON.readTree(out).get("models")) {
      kinds.add(m.get("error").get("kind").asText());
    }
    assertEquals(List.of("corrupt", "corrupt"), kinds, out);
    assertFalse(err.contains("OutOfMemoryError"), err);
  }

  // --- 4: text from a file cannot drive the terminal

  @Test
  void hostileNamesAreEscapedInTextAndExactInJson() throws IOException {
    String file = DIR.resolve("terminal_names.json").toString();
    for (String color : new String[] {"--no-color", "--color"}) {
      CliRun run = CliRun.of(color, file);
      assertEquals(0, run.exitCode, run.err);
      String text = run.out.replaceAll("\u001b\\[(0|3[0-9])m", ""); // our own colours only
      assertTerminalSafe(text);
      assertTrue(text.contains("model \"model\\x1b[2J\\x1b[H\""), text);
      assertTrue(text.contains("Keras 2.2.4\\x1b]0;title\\x07 (tensorflow\\u202egnp.exe)"), text);
      assertTrue(text.contains("dense\\r\\nFindings: none\\n (Dense)"), text);
      assertTrue(text.contains("custom\\x9b2J (Evil\\x1b[31mLayer\\u202e\\u2066)"), text);
      assertTrue(text.contains("layer 'stray\\x1b]0;owned\\x07'"), text);
      assertFalse(text.lines().anyMatch(l -> l.equals("Findings: none")), text);
      assertTrue(text.contains("\nFindings (2):\n"), text);
    }
    CliRun json = CliRun.of("--format", "json", file);
    JsonNode model = JSON.readTree(json.out).get("models").get(0);
    assertEquals("model\u001b[2J\u001b[H", model.get("model_name").asText());
    assertEquals("dense\r\nFindings: none\n", model.get("layers").get(0).get("name").asText());
  }

  @Test
  void hostileFileNamesStayOnTheirLine(@TempDir Path dir) throws IOException {
    Path broken = dir.resolve("evil\u001b[2J\nmodel-audit: fine.json");
    Files.copy(DIR.resolve("nan_in_shape.json"), broken);
    CliRun run = CliRun.of(broken.toString());
    assertOutcome(run, 3, "evil\\x1b[2J\\nmodel-audit: fine.json: unreadable architecture JSON");

    Path good = dir.resolve("ok\rFindings: none\u202e.json");
    Files.copy(TFJS, good);
    run = CliRun.of(good.toString());
    assertOutcome(run, 0, "ok\\rFindings: none\\u202e.json  tfjs-layers");
  }

  // --- 9: folder scans follow symbolic links, never endlessly, and drop none silently

  private static List<String> audited(CliRun run, Path dir) throws IOException {
    List<String> out = new ArrayList<>();
    for (JsonNode m : JSON.readTree(run.out).get("models")) {
      out.add(dir.relativize(Path.of(m.get("path").asText())) + " " + m.get("status").asText());
    }
    return out;
  }

  @Test
  void linksToFilesAndFoldersAreFollowedAndLoopsAreNoted(@TempDir Path dir) throws IOException {
    Path real = Files.createDirectories(dir.resolve("real"));
    Files.copy(TFJS, real.resolve("model.json"));
    Path scan = Files.createDirectories(dir.resolve("scan"));
    Files.createSymbolicLink(scan.resolve("link.json"), real.resolve("model.json"));
    Files.createSymbolicLink(scan.resolve("folder"), real);
    Files.createSymbolicLink(scan.resolve("again"), real); // the same folder a second way
    Files.createSymbolicLink(scan.resolve("loop"), scan); // a folder inside itself

    CliRun run = CliRun.of("--format", "json", scan.toString());
    assertEquals(0, run.exitCode, run.err);
    List<String> audited = audited(run, scan);
    // link.json is the same file as the one in the folder searched: audited once, and noted
    assertEquals(1, audited.size(), audited.toString());
    assertTrue(audited.get(0).endsWith("/model.json ok"), audited.toString());
    String searched = audited.contains("again/model.json ok") ? "again" : "folder";
    String searchedTwice = searched.equals("again") ? "folder" : "again";
    assertTrue(
        run.err.contains(
            "model-audit: note: "
                + scan.resolve("link.json")
                + ": audited once: the same file as "
                + scan.resolve(searched).resolve("model.json")),
        run.err);
    assertTrue(
        run.err.contains(
            "model-audit: note: "
                + scan.resolve(searchedTwice)
                + ": not searched again: a symbolic link to a folder searched already"),
        run.err);
    assertTrue(
        run.err.contains(
            "model-audit: note: "
                + scan.resolve("loop")
                + ": not searched: a symbolic link to a folder that contains it (a loop)"),
        run.err);
  }

  @Test
  void linksOutOfTheFolderAreFollowedAndNoted(@TempDir Path dir) throws IOException {
    Path outside = Files.createDirectories(dir.resolve("outside"));
    Files.copy(TFJS, outside.resolve("model.json"));
    Path scan = Files.createDirectories(dir.resolve("scan"));
    Files.copy(TFJS, scan.resolve("own.json"));
    Files.createSymbolicLink(scan.resolve("link.json"), outside.resolve("model.json"));
    Files.createSymbolicLink(scan.resolve("out"), outside);
    Files.createSymbolicLink(scan.resolve("same.json"), scan.resolve("own.json")); // stays inside

    CliRun run = CliRun.of("--format", "json", scan.toString());
    assertEquals(0, run.exitCode, run.err);
    // out/model.json is the file link.json leads to, and same.json is own.json: audited once each
    assertEquals(List.of("link.json ok", "own.json ok"), audited(run, scan));
    Path real = outside.toRealPath();
    assertEquals(
        List.of(
            "model-audit: note: "
                + scan.resolve("link.json")
                + ": audited: a symbolic link to a file outside the folder: "
                + real.resolve("model.json"),
            "model-audit: note: "
                + scan.resolve("out/model.json")
                + ": audited once: the same file as "
                + scan.resolve("link.json"),
            "model-audit: note: "
                + scan.resolve("out")
                + ": searched: a symbolic link to a folder outside the folder: "
                + real,
            "model-audit: note: "
                + scan.resolve("same.json")
                + ": audited once: the same file as "
                + scan.resolve("own.json")),
        run.err.lines().sorted().collect(java.util.stream.Collectors.toList()));
  }

  @Test
  void brokenLinkIsReportedNotDropped(@TempDir Path dir) throws IOException {
    Files.copy(TFJS, dir.resolve("model.json"));
    Path broken = Files.createSymbolicLink(dir.resolve("broken.json"), dir.resolve("nowhere"));
    CliRun run = CliRun.of(dir.toString());
    assertEquals(3, run.exitCode, run.out + run.err);
    assertTrue(run.out.contains("model.json  tfjs-layers"), run.out);
    assertTrue(run.err.startsWith("model-audit: " + broken + ": "), run.err);
  }
}
