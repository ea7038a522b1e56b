package io.modelaudit.reference.dl4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modelaudit.UsesDl4jWorker;
import io.modelaudit.report.Dl4jAnswer;
import java.io.FileOutputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real worker killed from outside while it reads a file: the answer is "crashed", and its
 * message quotes what the worker wrote on its standard error. The file is a named pipe, so the
 * worker is certainly inside the request (opening it) when it is killed.
 */
@UsesDl4jWorker
class Dl4jWorkerKilledTest {
  @Test
  void aWorkerKilledUnderARequestIsACrashQuotingItsStandardError(@TempDir Path dir)
      throws Exception {
    Path pidFile = dir.resolve("worker.pid");
    Path pipe = dir.resolve("model.h5");
    assertEquals(0, new ProcessBuilder("mkfifo", pipe.toString()).inheritIO().start().waitFor());
    // bash leaves its pid and a line on standard error, then becomes the worker (exec keeps the
    // pid).
    List<String> command =
        new ArrayList<>(
            List.of(
                "bash",
                "-c",
                "echo $$ > \"$0\"; echo \"worker $$ is starting\" >&2; exec \"$@\"",
                pidFile.toString()));
    command.addAll(Dl4jWorker.command());
    ExecutorService background =
        Executors.newCachedThreadPool(
            r -> {
              Thread t = new Thread(r, "killed-worker-test");
              t.setDaemon(true);
              return t;
            });
    try (Dl4jReferenceClient client = new Dl4jReferenceClient(command, Duration.ofSeconds(120))) {
      Future<Dl4jAnswer> answer = background.submit(() -> client.reference(pipe));
      // The client gives a file a fresh worker once when its worker dies: kill both.
      List<Long> killed = new ArrayList<>();
      for (int worker = 0; worker < 2; worker++) {
        // Opening the pipe for writing returns once the worker has opened it for reading.
        Future<OutputStream> writer = background.submit(() -> new FileOutputStream(pipe.toFile()));
        try (OutputStream held =
            writer.get(Dl4jReferenceClient.STARTUP_LIMIT.toSeconds(), TimeUnit.SECONDS)) {
          long pid = Long.parseLong(Files.readString(pidFile).strip());
          ProcessHandle process = ProcessHandle.of(pid).orElseThrow();
          process.destroyForcibly();
          process.onExit().get(30, TimeUnit.SECONDS);
          killed.add(pid);
        }
      }
      Dl4jAnswer r = answer.get(60, TimeUnit.SECONDS);
      assertEquals(Dl4jAnswer.CRASHED, r.status(), r::message);
      assertTrue(
          r.message().startsWith("the DL4J worker died while reading this file (exit status 137)"),
          r.message());
      String said = "worker " + killed.get(1) + " is starting";
      assertTrue(client.workerStderr().contains(said), client::workerStderr);
      assertTrue(
          r.message().contains("; its standard error ended: ") && r.message().contains(said),
          r.message());
    } finally {
      background.shutdownNow();
    }
  }
}
