package io.modelaudit.reference.dl4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modelaudit.report.Dl4jAnswer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The client against a fake worker (a shell loop speaking the worker's protocol) that hangs,
 * crashes, prints noise or an endless line on chosen files: each costs that file only.
 */
class Dl4jReferenceClientTest {
  private static final String FAKE_WORKER =
      String.join(
          "\n",
          "echo '{\"ready\":true}'",
          "while IFS= read -r p; do",
          "  case \"$p\" in",
          "    *hang*) exec sleep 600 ;;",
          "    *crash*) exit 7 ;;",
          "    *endless*) head -c 17000000 /dev/zero | tr '\\0' 'a' ;;",
          "    *noise*) echo 'native library banner'; echo '{\"path\": \"elsewhere\"}' ;;",
          "    *malformed*) printf '{\"path\":\"%s\",\"status\":\"ok\",\"total_params\":\"many\"}\\n' \"$p\"; continue ;;",
          "  esac",
          "  printf '{\"path\":\"%s\",\"dl4j_version\":\"fake\",\"status\":\"ok\",\"model_class\":\"MultiLayerNetwork\",\"total_params\":7,"
              + "\"layers\":[{\"name\":\"0\",\"class\":\"DenseLayer\",\"params\":7,\"param_table\":{\"W\":[2,3],\"b\":[1,1]},\"activation\":\"relu\"}]}\\n' \"$p\"",
          "done");

  private static Dl4jReferenceClient client(Duration timeout) {
    return new Dl4jReferenceClient(List.of("bash", "-c", FAKE_WORKER), timeout);
  }

  @Test
  void aHangingFileCostsThatFileAndTheTimeLimit() {
    try (Dl4jReferenceClient client = client(Duration.ofSeconds(2))) {
      assertEquals(Dl4jAnswer.OK, client.reference(Path.of("/models/a.h5")).status());
      long start = System.nanoTime();
      Dl4jAnswer hung = client.reference(Path.of("/models/hang.h5"));
      long seconds = Duration.ofNanos(System.nanoTime() - start).toSeconds();
      assertEquals(Dl4jAnswer.TIMEOUT, hung.status());
      assertTrue(seconds < 10, "gave up after " + seconds + " s");
      Dl4jAnswer next = client.reference(Path.of("/models/b.h5"));
      assertEquals(Dl4jAnswer.OK, next.status());
      assertEquals(7L, next.totalParams());
    }
  }

  /**
   * {@code -j}: callers on several threads take turns with the one worker; none loses its answer.
   */
  @Test
  void concurrentCallersEachGetTheirOwnAnswer() throws Exception {
    try (Dl4jReferenceClient client = client(Duration.ofSeconds(5))) {
      java.util.concurrent.ExecutorService pool =
          java.util.concurrent.Executors.newFixedThreadPool(8);
      try {
        List<java.util.concurrent.Future<Dl4jAnswer>> answers = new java.util.ArrayList<>();
        for (int i = 0; i < 40; i++) {
          Path file = Path.of("/models/m" + i + ".h5");
          answers.add(pool.submit(() -> client.reference(file)));
        }
        for (java.util.concurrent.Future<Dl4jAnswer> answer : answers) {
          Dl4jAnswer a = answer.get();
          assertEquals(Dl4jAnswer.OK, a.status(), a.message());
          assertEquals(7L, a.totalParams());
        }
      } finally {
        pool.shutdownNow();
      }
    }
  }

  @Test
  void aCrashingFileCostsThatFile() {
    try (Dl4jReferenceClient client = client(Duration.ofSeconds(10))) {
      Dl4jAnswer crashed = client.reference(Path.of("/models/crash.h5"));
      assertEquals(Dl4jAnswer.CRASHED, crashed.status());
      assertTrue(crashed.message().contains("exit status 7"), crashed.message());
      assertEquals(Dl4jAnswer.OK, client.reference(Path.of("/models/c.h5")).status());
    }
  }

  @Test
  void anEndlessLineIsCutAndTheWorkerReplaced() {
    try (Dl4jReferenceClient client = client(Duration.ofSeconds(20))) {
      Dl4jAnswer endless = client.reference(Path.of("/models/endless.h5"));
      assertEquals(Dl4jAnswer.ERROR, endless.status());
      assertTrue(endless.message().contains("longer than"), endless.message());
      assertEquals(Dl4jAnswer.OK, client.reference(Path.of("/models/d.h5")).status());
    }
  }

  @Test
  void linesThatAreNotThisFilesResultAreSkipped() {
    try (Dl4jReferenceClient client = client(Duration.ofSeconds(10))) {
      Dl4jAnswer r = client.reference(Path.of("/models/noise.h5"));
      assertEquals(Dl4jAnswer.OK, r.status());
      Dl4jAnswer.Layer layer = r.layer("0");
      assertEquals(7, layer.params());
      assertEquals(List.of(2L, 3L), layer.paramTable().get("W"));
      assertEquals("relu", layer.activation());
    }
  }

  @Test
  void aMalformedResultIsAnErrorForThatFile() {
    try (Dl4jReferenceClient client = client(Duration.ofSeconds(10))) {
      Dl4jAnswer r = client.reference(Path.of("/models/malformed.h5"));
      assertEquals(Dl4jAnswer.ERROR, r.status());
      assertTrue(r.message().contains("total_params"), r.message());
      assertEquals(Dl4jAnswer.OK, client.reference(Path.of("/models/e.h5")).status());
    }
  }

  @Test
  void aWorkerThatCannotStartIsOneAnswerPerFile() {
    try (Dl4jReferenceClient client =
        new Dl4jReferenceClient(
            List.of("bash", "-c", "echo starting; exit 5"), Duration.ofSeconds(10))) {
      Dl4jAnswer r = client.reference(Path.of("/models/a.h5"));
      assertEquals(Dl4jAnswer.CRASHED, r.status());
      assertEquals("the DL4J worker exited while starting (exit status 5)", r.message());
    }
  }

  @Test
  void aPathWithALineBreakIsNotSent() {
    try (Dl4jReferenceClient client = client(Duration.ofSeconds(10))) {
      assertEquals(Dl4jAnswer.ERROR, client.reference(Path.of("/models/a\nb.h5")).status());
    }
  }
}
