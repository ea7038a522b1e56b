package io.modelaudit.install;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modelaudit.TestPaths;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher maps {@code target/model-audit.jsa} when it exists, and a class-data archive the JVM
 * cannot use (written for other jars, damaged, or none) changes nothing the user sees: same output,
 * nothing on standard error, same exit code. The checkout is laid out as in {@link
 * LauncherSymlinkTest}: a manifest-only jar over this test's classpath.
 */
@DisabledOnOs(value = OS.WINDOWS, disabledReason = "the launcher is a shell script")
class LauncherClassDataArchiveTest {
  @TempDir Path dir;
  private Path launcher;
  private Path archive;

  @BeforeEach
  void layOutCheckout() throws Exception {
    Path checkout = dir.resolve("checkout");
    Files.createDirectories(checkout.resolve("target"));
    launcher = checkout.resolve("model-audit");
    Files.copy(TestPaths.projectRoot().resolve("model-audit"), launcher);
    Files.setPosixFilePermissions(launcher, PosixFilePermissions.fromString("rwxr-xr-x"));
    ManifestOnlyJar.write(checkout.resolve("target/model-audit.jar"));
    archive = checkout.resolve("target/model-audit.jsa");
  }

  @Test
  void anArchiveOfOtherJarsIsIgnoredSilently() throws Exception {
    // A real archive, written by this JVM for another classpath (none): the JVM refuses it.
    Process dump =
        new ProcessBuilder(
                java(), "-XX:ArchiveClassesAtExit=" + archive, "-cp", dir.toString(), "-version")
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("dump.log").toFile())
            .start();
    assertTrue(dump.waitFor(60, TimeUnit.SECONDS));
    assertTrue(Files.size(archive) > 0, "the JVM wrote no archive to test with");

    assertSameAsWithoutArchive();
  }

  @Test
  void aDamagedArchiveIsIgnoredSilently() throws Exception {
    Files.writeString(archive, "not a class-data archive");

    assertSameAsWithoutArchive();
  }

  private void assertSameAsWithoutArchive() throws Exception {
    Run with = run("seed_cnn.h5");
    Files.delete(archive);
    Run without = run("seed_cnn.h5");

    assertEquals(0, without.exitCode(), without.err());
    assertTrue(without.out().contains("Total params: 1,966"), without.out());
    assertEquals(without, with);
    assertEquals("", with.err());
  }

  private record Run(int exitCode, String out, String err) {}

  private Run run(String... args) throws Exception {
    ProcessBuilder pb =
        new ProcessBuilder(
                concat(List.of(launcher.toString()), List.of(args)).toArray(String[]::new))
            .directory(TestPaths.kerasModels().toFile());
    pb.environment()
        .put(
            "PATH",
            Path.of(System.getProperty("java.home"), "bin")
                + File.pathSeparator
                + pb.environment().get("PATH"));
    Path out = dir.resolve("stdout");
    Path err = dir.resolve("stderr");
    Process p = pb.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    if (!p.waitFor(120, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("the launcher did not finish within 120 s");
    }
    return new Run(
        p.exitValue(),
        Files.readString(out, StandardCharsets.UTF_8),
        Files.readString(err, StandardCharsets.UTF_8));
  }

  private static List<String> concat(List<String> a, List<String> b) {
    return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
  }

  private static String java() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }
}
