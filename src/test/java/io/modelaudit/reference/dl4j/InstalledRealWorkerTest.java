package io.modelaudit.reference.dl4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modelaudit.TestPaths;
import io.modelaudit.UsesDl4jWorker;
import io.modelaudit.report.Dl4jAnswer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real DL4J worker (built before the tests), installed by {@code scripts/install} and moved: it
 * starts from the installed folder alone and answers with DL4J's own count for cnn.zip (717, as
 * DL4J 1.0.0-M2.1 reported when it wrote the file: test-models/dl4j/cnn.expected.json).
 */
@UsesDl4jWorker
@DisabledOnOs(value = OS.WINDOWS, disabledReason = "scripts/install is a bash script")
class InstalledRealWorkerTest {
  @Test
  void theMovedInstallationStartsTheWorker(@TempDir Path dir) throws Exception {
    Path checkout = dir.resolve("checkout");
    Files.createDirectories(checkout.resolve("scripts"));
    Files.createDirectories(checkout.resolve("target"));
    Files.createDirectories(checkout.resolve("dl4j-reference/target"));
    Path script = checkout.resolve("scripts/install");
    Files.copy(TestPaths.projectRoot().resolve("scripts/install"), script);
    Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
    Files.copy(TestPaths.projectRoot().resolve("model-audit"), checkout.resolve("model-audit"));
    // The worker's class-data archive is written for the installed folder; once moved, the JVM
    // ignores it without a word and the worker starts all the same.
    Path archiver = checkout.resolve("dl4j-reference/class-data-archive");
    Files.copy(TestPaths.projectRoot().resolve("dl4j-reference/class-data-archive"), archiver);
    Files.setPosixFilePermissions(archiver, PosixFilePermissions.fromString("rwxr-xr-x"));
    Files.writeString(checkout.resolve("target/model-audit.jar"), "the tool");
    Path built = TestPaths.projectRoot().resolve("dl4j-reference/target");
    for (String name : new String[] {Dl4jWorker.JAR, Dl4jWorker.CLASSPATH}) {
      Files.copy(built.resolve(name), checkout.resolve("dl4j-reference/target").resolve(name));
    }
    Path installed = dir.resolve("installed");
    Process install =
        new ProcessBuilder(script.toString(), installed.toString()).inheritIO().start();
    assertTrue(install.waitFor(120, TimeUnit.SECONDS), "scripts/install took over 120 s");
    assertEquals(0, install.exitValue());
    assertTrue(Files.isRegularFile(installed.resolve("dl4j-worker/" + Dl4jWorker.ARCHIVE)));
    Path moved = Files.move(installed, dir.resolve("moved"));

    Path home = Dl4jWorker.besideCode(moved.resolve("model-audit.jar"));
    assertEquals(moved.resolve("dl4j-worker"), home);
    try (Dl4jReferenceClient client =
        new Dl4jReferenceClient(Dl4jWorker.command(home), Duration.ofSeconds(120))) {
      Dl4jAnswer answer = client.reference(TestPaths.testModels().resolve("dl4j/cnn.zip"));
      assertEquals(Dl4jAnswer.OK, answer.status(), answer::toString);
      assertEquals(717L, answer.totalParams());
    }
  }
}
