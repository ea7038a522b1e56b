package io.modelaudit.install;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modelaudit.TestPaths;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher {@code ./model-audit} run through a chain of symlinks, as from {@code
 * ~/bin/model-audit}, in another working directory. It is copied into a checkout made here, whose
 * {@code target/model-audit.jar} is a manifest-only jar over this test's classpath (the real
 * classes, without running Maven inside the tests); a {@code mvn} that fails is first on the PATH,
 * so a launcher that looked for its jar beside the symlink (and so went to build it) would fail.
 */
@DisabledOnOs(value = OS.WINDOWS, disabledReason = "the launcher is a shell script")
class LauncherSymlinkTest {
  @TempDir Path dir;
  private Path checkout;
  private Path fakeMavenBin;

  @BeforeEach
  void layOutCheckout() throws IOException {
    checkout = dir.resolve("checkout");
    Files.createDirectories(checkout.resolve("target"));
    Path launcher = checkout.resolve("model-audit");
    Files.copy(TestPaths.projectRoot().resolve("model-audit"), launcher);
    Files.setPosixFilePermissions(launcher, PosixFilePermissions.fromString("rwxr-xr-x"));
    ManifestOnlyJar.write(checkout.resolve("target/model-audit.jar"));

    fakeMavenBin = Files.createDirectories(dir.resolve("fake-maven"));
    Path mvn = fakeMavenBin.resolve("mvn");
    Files.writeString(mvn, "#!/bin/sh\necho 'the launcher ran mvn' >&2\nexit 1\n");
    Files.setPosixFilePermissions(mvn, PosixFilePermissions.fromString("rwxr-xr-x"));
  }

  @Test
  void runsThroughAChainOfRelativeAndAbsoluteSymlinks() throws Exception {
    Path opt = Files.createDirectories(dir.resolve("opt"));
    Files.createSymbolicLink(opt.resolve("model-audit"), checkout.resolve("model-audit"));
    Path bin = Files.createDirectories(dir.resolve("home/bin"));
    Path link =
        Files.createSymbolicLink(bin.resolve("model-audit"), Path.of("../../opt/model-audit"));

    Run run = launch(link, TestPaths.kerasModels(), "seed_cnn.h5");

    assertEquals(0, run.exitCode, run.err);
    assertTrue(run.out.startsWith("seed_cnn.h5  keras-h5"), run.out);
    assertTrue(run.out.contains("Total params: 1,966"), run.out);
    assertEquals("", run.err);
  }

  @Test
  void runsFromItsOwnFolderToo() throws Exception {
    Run run = launch(checkout.resolve("model-audit"), TestPaths.kerasModels(), "--version");

    assertEquals(0, run.exitCode, run.err);
    assertTrue(run.out.startsWith("model-audit "), run.out);
  }

  private record Run(int exitCode, String out, String err) {}

  private Run launch(Path launcher, Path workingDir, String... args) throws Exception {
    List<String> command = new ArrayList<>();
    command.add(launcher.toString());
    command.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(command).directory(workingDir.toFile());
    Map<String, String> env = pb.environment();
    Path javaBin = Path.of(System.getProperty("java.home"), "bin");
    env.put(
        "PATH", fakeMavenBin + File.pathSeparator + javaBin + File.pathSeparator + env.get("PATH"));
    Path stdout = dir.resolve("stdout");
    Path stderr = dir.resolve("stderr");
    pb.redirectOutput(stdout.toFile()).redirectError(stderr.toFile());
    Process process = pb.start();
    if (!process.waitFor(120, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("the launcher did not finish within 120 s");
    }
    return new Run(
        process.exitValue(),
        Files.readString(stdout, StandardCharsets.UTF_8),
        Files.readString(stderr, StandardCharsets.UTF_8));
  }
}
