package io.modelaudit.reference.dl4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modelaudit.TestPaths;
import java.io.File;
import java.io.IOException;
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
 * {@code scripts/install} lays model-audit out in one relocatable folder, and the tool finds the
 * DL4J worker there beside its jar. Run in a checkout made here, with stand-in jars (copying the
 * real worker's 160 MB is for the Docker build, not the tests); the real worker starts from its
 * classpath file the same way.
 */
@DisabledOnOs(value = OS.WINDOWS, disabledReason = "scripts/install is a bash script")
class InstalledWorkerTest {
  @TempDir Path dir;
  private Path checkout;
  private Path repository;

  @BeforeEach
  void layOutCheckout() throws IOException {
    checkout = dir.resolve("checkout");
    Files.createDirectories(checkout.resolve("scripts"));
    Path script = checkout.resolve("scripts/install");
    Files.copy(TestPaths.projectRoot().resolve("scripts/install"), script);
    Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
    // The class-data archive scripts it runs (they never fail, not even on these stand-in jars).
    Files.createDirectories(checkout.resolve("dl4j-reference"));
    for (String archiver :
        List.of("scripts/class-data-archive", "dl4j-reference/class-data-archive")) {
      Path copy = checkout.resolve(archiver);
      Files.copy(TestPaths.projectRoot().resolve(archiver), copy);
      Files.setPosixFilePermissions(copy, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
    Files.copy(TestPaths.projectRoot().resolve("model-audit"), checkout.resolve("model-audit"));
    Files.createDirectories(checkout.resolve("target"));
    Files.writeString(checkout.resolve("target/model-audit.jar"), "the tool");
  }

  /**
   * A built worker whose classpath file lists two jars of a Maven repository, as its build does.
   */
  private void buildWorker() throws IOException {
    Path target = Files.createDirectories(checkout.resolve("dl4j-reference/target"));
    Files.writeString(target.resolve(Dl4jWorker.JAR), "the worker");
    repository = Files.createDirectories(dir.resolve("m2"));
    Path a = Files.createDirectories(repository.resolve("org/a/1.0")).resolve("a-1.0.jar");
    Path b = Files.createDirectories(repository.resolve("org/b/2.0")).resolve("b-2.0.jar");
    Files.writeString(a, "a");
    Files.writeString(b, "b");
    Files.writeString(target.resolve(Dl4jWorker.CLASSPATH), a + File.pathSeparator + b);
  }

  @Test
  void theInstalledFolderHoldsTheWorkerWithRelativeClasspath() throws Exception {
    buildWorker();
    Path dest = dir.resolve("installed");

    assertEquals(0, install(dest.toString()));

    assertEquals("the tool", Files.readString(dest.resolve("model-audit.jar")));
    assertTrue(Files.isExecutable(dest.resolve("model-audit")));
    Path worker = dest.resolve("dl4j-worker");
    assertEquals("the worker", Files.readString(worker.resolve(Dl4jWorker.JAR)));
    assertEquals(
        "lib/a-1.0.jar" + File.pathSeparator + "lib/b-2.0.jar",
        Files.readString(worker.resolve(Dl4jWorker.CLASSPATH)));
    assertEquals("a", Files.readString(worker.resolve("lib/a-1.0.jar")));

    // Moved elsewhere, and without the Maven repository, the folder still names every jar.
    Path moved = Files.move(dest, dir.resolve("elsewhere"));
    deleteTree(repository);
    Path movedWorker = Dl4jWorker.besideCode(moved.resolve("model-audit.jar"));
    assertEquals(moved.resolve("dl4j-worker"), movedWorker);
    List<String> command = Dl4jWorker.command(movedWorker);
    String classpath = command.get(command.indexOf("-cp") + 1);
    for (String entry : classpath.split(File.pathSeparator)) {
      assertTrue(Files.isRegularFile(Path.of(entry)), entry);
    }
    assertEquals(
        List.of(
            movedWorker.resolve(Dl4jWorker.JAR).toString(),
            movedWorker.resolve("lib/a-1.0.jar").toString(),
            movedWorker.resolve("lib/b-2.0.jar").toString()),
        List.of(classpath.split(File.pathSeparator)));
  }

  @Test
  void withoutABuiltWorkerTheToolIsInstalledAlone() throws Exception {
    Path dest = dir.resolve("installed");

    assertEquals(0, install(dest.toString()));

    assertTrue(Files.isRegularFile(dest.resolve("model-audit.jar")));
    assertFalse(Files.exists(dest.resolve("dl4j-worker")));
    assertFalse(Files.exists(Dl4jWorker.besideCode(dest.resolve("model-audit.jar"))));
  }

  @Test
  void noDl4jLeavesTheWorkerOut() throws Exception {
    buildWorker();
    Path dest = dir.resolve("installed");

    assertEquals(0, install("--no-dl4j", dest.toString()));

    assertTrue(Files.isRegularFile(dest.resolve("model-audit.jar")));
    assertFalse(Files.exists(dest.resolve("dl4j-worker")));
  }

  @Test
  void aJarBuiltInACheckoutFindsTheCheckoutsWorker() throws IOException {
    buildWorker();
    assertEquals(
        checkout.resolve("dl4j-reference/target"),
        Dl4jWorker.besideCode(checkout.resolve("target/model-audit.jar")));
    assertEquals(
        checkout.resolve("dl4j-reference/target"),
        Dl4jWorker.besideCode(checkout.resolve("target/classes")));
  }

  @Test
  void absoluteEntriesAreKeptAsListed() throws Exception {
    buildWorker();
    Path home = checkout.resolve("dl4j-reference/target");
    List<String> command = Dl4jWorker.command(home);
    assertEquals(
        home.resolve(Dl4jWorker.JAR)
            + File.pathSeparator
            + Files.readString(home.resolve(Dl4jWorker.CLASSPATH)),
        command.get(command.indexOf("-cp") + 1));
  }

  private int install(String... args) throws Exception {
    ProcessBuilder pb = new ProcessBuilder(checkout.resolve("scripts/install").toString());
    pb.command().addAll(List.of(args));
    Path log = dir.resolve("install.log");
    pb.redirectErrorStream(true).redirectOutput(log.toFile());
    Process process = pb.start();
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("scripts/install did not finish within 60 s");
    }
    assertEquals(0, process.exitValue(), () -> "scripts/install failed: " + readQuietly(log));
    return process.exitValue();
  }

  private static String readQuietly(Path log) {
    try {
      return Files.readString(log, StandardCharsets.UTF_8);
    } catch (IOException e) {
      return e.toString();
    }
  }

  private static void deleteTree(Path root) throws IOException {
    try (var paths = Files.walk(root)) {
      for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
