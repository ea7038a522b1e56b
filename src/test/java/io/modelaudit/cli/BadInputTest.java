package io.modelaudit.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modelaudit.TestPaths;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Files that are not usable models get one line on stderr naming the file, and exit code 3. */
class BadInputTest {
  private static final Path SEED = TestPaths.kerasModels().resolve("seed_cnn.h5");

  @TempDir Path dir;

  private static void assertOneLineError(CliRun run, Path file, String reason) {
    assertEquals(3, run.exitCode, run.out + run.err);
    String[] lines = run.err.strip().split("\n");
    assertEquals(1, lines.length, run.err);
    assertTrue(lines[0].startsWith("model-audit: " + file + ": "), run.err);
    assertTrue(lines[0].contains(reason), run.err);
    assertFalse(run.err.contains("\tat "), "no stack trace: " + run.err);
  }

  @Test
  void missingFile() {
    Path missing = dir.resolve("nope.h5");
    assertOneLineError(CliRun.of(missing.toString()), missing, "no such file");
  }

  @Test
  void textFileIsNotAModel() throws IOException {
    Path text = Files.writeString(dir.resolve("notes.h5"), "just some notes\n");
    assertOneLineError(CliRun.of(text.toString()), text, "not a model file");
  }

  @Test
  void emptyFile() throws IOException {
    Path empty = Files.write(dir.resolve("empty.h5"), new byte[0]);
    assertOneLineError(CliRun.of(empty.toString()), empty, "not a model file");
  }

  @Test
  void truncatedHdf5() throws IOException {
    byte[] whole = Files.readAllBytes(SEED);
    for (int length : new int[] {8, 100, 600, 2048, whole.length / 3, whole.length / 2}) {
      Path cut = Files.write(dir.resolve("cut_" + length + ".h5"), Arrays.copyOf(whole, length));
      assertOneLineError(CliRun.of(cut.toString()), cut, "HDF5");
    }
  }

  @Test
  void corruptedHdf5NeverCrashes() throws IOException {
    byte[] whole = Files.readAllBytes(SEED);
    Random random = new Random(42);
    for (int i = 0; i < 40; i++) {
      byte[] damaged = whole.clone();
      for (int j = 0; j < 8; j++) {
        damaged[8 + random.nextInt(Math.min(4096, damaged.length - 8))] =
            (byte) random.nextInt(256);
      }
      Path file = Files.write(dir.resolve("damaged_" + i + ".h5"), damaged);
      CliRun run = CliRun.of(file.toString());
      assertTrue(
          run.exitCode == 0 || run.exitCode == 1 || run.exitCode == 3,
          "exit " + run.exitCode + ": " + run.err);
      assertFalse(run.err.contains("\tat "), "no stack trace: " + run.err);
    }
  }

  @Test
  void weightsOnlyFile() {
    Path weights = TestPaths.kerasModels().resolve("variants/seed_cnn_weights_only.h5");
    assertOneLineError(CliRun.of(weights.toString()), weights, "weights-only");
  }

  @Test
  void inputIsNeverModified() throws IOException {
    byte[] before = Files.readAllBytes(SEED);
    CliRun.of("--format", "json", SEED.toString());
    assertArrayEquals(before, Files.readAllBytes(SEED));
  }

  @Test
  void oneBadFileDoesNotStopTheOthers() throws IOException {
    Path text = Files.writeString(dir.resolve("bad.h5"), "x", StandardCharsets.UTF_8);
    CliRun run = CliRun.of(text.toString(), SEED.toString());
    assertEquals(3, run.exitCode);
    assertTrue(run.out.contains("conv2d_1"), run.out);
  }

  @Test
  void folderWithoutModels() throws IOException {
    Files.writeString(dir.resolve("readme.txt"), "no models here");
    assertOneLineError(CliRun.of(dir.toString()), dir, "no model files in this folder");
  }

  @Test
  void stackTraceOnlyWhenAsked() throws IOException {
    Path text = Files.writeString(dir.resolve("bad.h5"), "x", StandardCharsets.UTF_8);
    CliRun run = CliRun.of("--stacktrace", text.toString());
    assertEquals(3, run.exitCode);
  }
}
