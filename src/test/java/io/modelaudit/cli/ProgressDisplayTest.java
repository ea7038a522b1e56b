package io.modelaudit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The progress bar is drawn on stderr when it is a terminal (here a pseudo-terminal from {@code
 * script}, util-linux) and the run has more than a few files; never on a pipe, nor under {@code
 * CI=true}.
 */
class ProgressDisplayTest {
  private static final Path SCRIPT = Path.of("/usr/bin/script");

  @Test
  void shownOnlyOnATerminalOutsideCiForMoreThanAFewFiles() {
    assertTrue(ProgressDisplay.wanted(6, Map.of(), () -> true));
    assertTrue(ProgressDisplay.wanted(6, Map.of("CI", "false"), () -> true));
    assertFalse(ProgressDisplay.wanted(6, Map.of(), () -> false), "a pipe");
    assertFalse(ProgressDisplay.wanted(6, Map.of("CI", "true"), () -> true), "CI");
    assertFalse(ProgressDisplay.wanted(6, Map.of("CI", "1"), () -> true), "CI");
    assertFalse(ProgressDisplay.wanted(ProgressDisplay.FEW_FILES, Map.of(), () -> true), "few");
  }

  private static Path sixModels(Path dir) throws Exception {
    for (int i = 0; i < 6; i++) {
      Files.copy(Path.of("test-models/keras/seed_cnn.h5"), dir.resolve("m" + i + ".h5"));
    }
    return dir;
  }

  private static List<String> java(Path models) {
    return List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp",
        System.getProperty("java.class.path"),
        Main.class.getName(),
        models.toString());
  }

  /** Runs the tool with all three streams on a pseudo-terminal; what the terminal showed. */
  private static String onTerminal(Path models, String ci) throws Exception {
    String command = String.join(" ", java(models)) + " > /dev/null";
    ProcessBuilder pb =
        new ProcessBuilder(SCRIPT.toString(), "-qec", command, "/dev/null")
            .redirectErrorStream(true);
    pb.environment().remove("CI");
    if (ci != null) {
      pb.environment().put("CI", ci);
    }
    Process p = pb.start();
    String shown = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(0, p.waitFor(), shown);
    return shown;
  }

  @Test
  void drawnOnATerminalAndNotUnderCi(@TempDir Path dir) throws Exception {
    assumeTrue(Files.isExecutable(SCRIPT), "script (util-linux) is not installed");
    Path models = sixModels(dir);
    String shown = onTerminal(models, null);
    assertTrue(shown.contains("Auditing"), shown);
    assertTrue(shown.contains("6/6 files"), shown);
    assertTrue(shown.endsWith("\r\u001b[2K"), "the bar is removed at the end: " + shown);
    assertEquals("", onTerminal(models, "true"), "CI=true");
  }

  @Test
  void neverOnAPipe(@TempDir Path dir) throws Exception {
    ProcessBuilder pb = new ProcessBuilder(new ArrayList<>(java(sixModels(dir))));
    pb.environment().remove("CI");
    Process p = pb.start();
    p.getInputStream().readAllBytes();
    String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(0, p.waitFor(), err);
    assertEquals("", err);
  }

  @Test
  void stderrIsATerminalWhenItsDescriptorLeadsToOne(@TempDir Path dir) throws Exception {
    Path pts = Files.createSymbolicLink(dir.resolve("pts"), Path.of("/dev/pts/3"));
    Path tty = Files.createSymbolicLink(dir.resolve("tty"), Path.of("/dev/tty1"));
    Path pipe = Files.createSymbolicLink(dir.resolve("pipe"), Path.of("pipe:[123456]"));
    Path file = Files.createSymbolicLink(dir.resolve("file"), dir.resolve("run.log"));
    assertEquals(Boolean.TRUE, ProgressDisplay.stderrIsTerminalByProc(pts));
    assertEquals(Boolean.TRUE, ProgressDisplay.stderrIsTerminalByProc(tty));
    assertEquals(Boolean.FALSE, ProgressDisplay.stderrIsTerminalByProc(pipe));
    assertEquals(Boolean.FALSE, ProgressDisplay.stderrIsTerminalByProc(file));
    assertEquals(null, ProgressDisplay.stderrIsTerminalByProc(dir.resolve("absent")), "no /proc");
  }
}
