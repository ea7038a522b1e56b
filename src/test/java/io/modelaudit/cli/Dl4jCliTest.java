package io.modelaudit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modelaudit.TestPaths;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Deeplearning4j files on the command line: real archives, arrays, and damaged or hostile archives.
 */
class Dl4jCliTest {
  /** A MultiLayerNetwork of 41 parameters: Dense 3→4 (16) and Output 4→5 (25). */
  private static final String MLP =
      "{\"confs\": ["
          + "{\"layer\": {\"@class\": \"org.deeplearning4j.nn.conf.layers.DenseLayer\", \"layerName\": \"d\", \"nin\": 3, \"nout\": 4}, \"variables\": [\"W\", \"b\"]},"
          + "{\"layer\": {\"@class\": \"org.deeplearning4j.nn.conf.layers.OutputLayer\", \"layerName\": \"o\", \"nin\": 4, \"nout\": 5}, \"variables\": [\"W\", \"b\"]}]}";

  @TempDir Path dir;

  private static Path regression(String rel) {
    return TestPaths.corpus().resolve("dl4j-test-resources/regression_testing").resolve(rel);
  }

  private static CliRun run(Path file, String... more) {
    String[] args = new String[more.length + 1];
    System.arraycopy(more, 0, args, 0, more.length);
    args[more.length] = file.toString();
    CliRun r = CliRun.of(args);
    assertFalse(r.err.contains("internal error"), r.err);
    return r;
  }

  @Test
  void legacyArchiveSummary() {
    CliRun r = run(regression("050/050_ModelSerializer_Regression_CNN_1.zip"));
    assertEquals(0, r.exitCode, r.out + r.err);
    assertTrue(r.out.contains("dl4j-zip"), r.out);
    assertTrue(r.out.contains("2 (OutputLayer)"), r.out);
    assertTrue(
        r.out.contains("Total params: 10,184 (39.78 KB)   (stored in the file: 10,184)"), r.out);
  }

  @Test
  void jsonReportNamesTheFramework() {
    CliRun r =
        run(regression("100b6/SyntheticBidirectionalRNNGraph_100b6.bin"), "--format", "json");
    assertEquals(0, r.exitCode, r.err);
    assertTrue(
        r.out.contains("\"format\" : \"dl4j-zip\"") || r.out.contains("\"format\": \"dl4j-zip\""),
        r.out);
    assertTrue(r.out.matches("(?s).*\"name\" ?: ?\"dl4j\".*"), r.out);
  }

  /**
   * In a folder, DL4J archives and configurations are found by content; arrays and evaluation JSON
   * are skipped (the 51 arrays counted as not models, issue 14).
   */
  @Test
  void folderOfEveryVersion() {
    CliRun r = run(regression(""), "--format", "json");
    assertEquals(1, r.exitCode, r.err);
    assertTrue(
        r.out
            .replaceAll("\\s", "")
            .contains(
                "\"summary\":{\"models\":34,\"ok\":32,\"mismatch\":2,\"error\":0,\"skipped\":51}"),
        r.out);
  }

  @Test
  void arrayFileIsNotAModel() {
    CliRun r = run(regression("100b4/SyntheticCNN_Input_100b4.bin"));
    assertEquals(3, r.exitCode);
    assertTrue(
        r.err.contains("an ND4J array (FLOAT array of shape [4, 1, 28, 28]), not a model"), r.err);
  }

  @Test
  void nInThatDoesNotFitIsReported() {
    CliRun r = run(regression("080/080_ModelSerializer_Regression_CNN_1.zip"));
    assertEquals(1, r.exitCode);
    assertTrue(r.out.contains("nIn is 2028 but the input (None, 2352) has 2352 features"), r.out);
  }

  @Test
  void configurationAloneAsJson() throws IOException {
    Path json = dir.resolve("conf.json");
    Files.writeString(json, MLP);
    CliRun r = run(json);
    assertEquals(0, r.exitCode, r.out + r.err);
    assertTrue(r.out.contains("dl4j-json") && r.out.contains("Total params: 41"), r.out);
  }

  @Test
  void storedVectorShorterThanTheConfiguration() throws IOException {
    Path zip =
        archive(
            "short.zip",
            Map.of(
                "configuration.json",
                MLP.getBytes(StandardCharsets.UTF_8),
                "coefficients.bin",
                vector(40)));
    CliRun r = run(zip);
    assertEquals(1, r.exitCode, r.out + r.err);
    assertTrue(
        r.out.contains(
            "the configuration needs 41 parameters, coefficients.bin holds 40: the vector ends inside 'o'"),
        r.out);
  }

  @Test
  void recordedParameterNamesAreChecked() throws IOException {
    String conf = MLP.replaceFirst("\\[\"W\", \"b\"\\]", "[\"W\"]");
    Path zip =
        archive(
            "names.zip",
            Map.of(
                "configuration.json",
                conf.getBytes(StandardCharsets.UTF_8),
                "coefficients.bin",
                vector(41)));
    CliRun r = run(zip);
    assertEquals(1, r.exitCode, r.out + r.err);
    assertTrue(r.out.contains("expected parameters [W, b], DL4J recorded [W]"), r.out);
  }

  @Test
  void serializedEntriesAreNeverOpened() throws IOException {
    byte[] hostile = {(byte) 0xAC, (byte) 0xED, 0, 5, 's', 'r', 0, 0x7f};
    Path zip =
        archive(
            "objects.zip",
            Map.of(
                "configuration.json",
                MLP.getBytes(StandardCharsets.UTF_8),
                "coefficients.bin",
                vector(41),
                "preprocessor.bin",
                hostile,
                "normalizer.bin",
                hostile,
                "objects/x",
                hostile));
    CliRun r = run(zip);
    assertEquals(0, r.exitCode, r.out + r.err);
  }

  @Test
  void truncatedVector() throws IOException {
    byte[] full = vector(41);
    Path zip =
        archive(
            "trunc.bin",
            Map.of(
                "configuration.json",
                MLP.getBytes(StandardCharsets.UTF_8),
                "coefficients.bin",
                java.util.Arrays.copyOf(full, full.length - 8)));
    CliRun r = run(zip);
    assertEquals(3, r.exitCode);
    assertTrue(r.err.contains("its header announces 41 FLOAT values"), r.err);
  }

  @Test
  void configurationBombIsRefused() throws IOException {
    Path zip = dir.resolve("bomb.zip");
    try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
      out.putNextEntry(new ZipEntry("configuration.json"));
      byte[] spaces = new byte[1 << 20];
      java.util.Arrays.fill(spaces, (byte) ' ');
      for (int i = 0; i < 65; i++) {
        out.write(spaces);
      }
      out.closeEntry();
    }
    assertTrue(Files.size(zip) < 1 << 20, "the archive itself is small");
    CliRun r = run(zip);
    assertEquals(3, r.exitCode);
    assertTrue(r.err.contains("configuration.json in the archive is larger than 64 MB"), r.err);
  }

  @Test
  void tooManyEntries() throws IOException {
    Path zip = dir.resolve("many.zip");
    try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
      out.putNextEntry(new ZipEntry("configuration.json"));
      out.write(MLP.getBytes(StandardCharsets.UTF_8));
      for (int i = 0; i < 10_001; i++) {
        out.putNextEntry(new ZipEntry("objects/" + i));
      }
    }
    CliRun r = run(zip);
    assertEquals(3, r.exitCode);
    assertTrue(r.err.contains("entries, more than 10000"), r.err);
  }

  @Test
  void impossibleSizes() throws IOException {
    String conf =
        "{\"confs\": [{\"layer\": {\"dense\": {\"nin\": 4000000000, \"nout\": 4000000000}}},"
            + "{\"layer\": {\"CustomLayer\": {\"nin\": 1, \"nout\": 1}}},"
            + "{\"layer\": {\"output\": {\"nin\": 4000000000, \"nout\": 4000000000}}},"
            + "{\"layer\": {\"convolution\": {\"nin\": 3, \"nout\": 3, \"kernelSize\": [-1, 2]}}},"
            + "{\"layer\": {\"zeroPadding\": {\"padding\": [-5, 0, 0, 0]}}}]}";
    Path zip =
        archive(
            "huge.zip",
            Map.of(
                "configuration.json",
                conf.getBytes(StandardCharsets.UTF_8),
                "coefficients.bin",
                vector(3)));
    CliRun r = run(zip);
    assertEquals(1, r.exitCode, r.out + r.err);
    assertTrue(r.out.contains("overflows"), r.out);
    assertTrue(r.out.contains("kernelSize must be at least 1"), r.out);
  }

  @Test
  void brokenConfiguration() throws IOException {
    Path zip =
        archive(
            "broken.zip",
            Map.of("configuration.json", "{\"confs\": [".getBytes(StandardCharsets.UTF_8)));
    CliRun r = run(zip);
    assertEquals(3, r.exitCode);
    assertTrue(r.err.contains("configuration.json is not valid JSON"), r.err);
  }

  /** An MIXED_DATA_TYPES FLOAT row vector of {@code n} values, as Nd4j.write lays it out. */
  private static byte[] vector(int n) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    DataOutputStream out = new DataOutputStream(bytes);
    out.writeUTF("MIXED_DATA_TYPES");
    out.writeLong(8);
    out.writeUTF("LONG");
    for (long v : new long[] {2, 1, n, n, 1, 0x2000, 1, 'c'}) {
      out.writeLong(v);
    }
    out.writeUTF("MIXED_DATA_TYPES");
    out.writeLong(n);
    out.writeUTF("FLOAT");
    for (int i = 0; i < n; i++) {
      out.writeFloat(i);
    }
    return bytes.toByteArray();
  }

  private Path archive(String name, Map<String, byte[]> entries) throws IOException {
    Path zip = dir.resolve(name);
    try (OutputStream file = Files.newOutputStream(zip);
        ZipOutputStream out = new ZipOutputStream(file)) {
      for (Map.Entry<String, byte[]> e : new java.util.TreeMap<>(entries).entrySet()) {
        out.putNextEntry(new ZipEntry(e.getKey()));
        out.write(e.getValue());
        out.closeEntry();
      }
    }
    return zip;
  }
}
