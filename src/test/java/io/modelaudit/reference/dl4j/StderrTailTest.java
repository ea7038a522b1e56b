package io.modelaudit.reference.dl4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modelaudit.report.Dl4jAnswer;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class StderrTailTest {
  private static StderrTail tailOf(String text) {
    return StderrTail.drain(
            new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), "test-stderr")
        .awaitEnd(Duration.ofSeconds(10));
  }

  @Test
  void keepsTheLastBytesOnly() {
    String text = "x".repeat(StderrTail.CAPACITY) + "the end\n";
    StderrTail tail = tailOf(text);
    assertTrue(tail.truncated());
    assertEquals(text.substring(text.length() - StderrTail.CAPACITY), tail.text());
  }

  @Test
  void lastLinesAreOneBoundedLine() {
    StderrTail tail = tailOf("first\n\nsecond\tpart\r\n  third  \n\n");
    assertFalse(tail.truncated());
    assertEquals("second part | third", tail.lastLines(2, 100));
    assertEquals("…d part | third", tail.lastLines(2, 15));
    assertEquals("", tailOf("").lastLines(3, 100));
  }

  /**
   * A worker that dies says why on its standard error: the message quotes its last lines and names
   * a file with all of it.
   */
  @Test
  void aCrashMessageEndsWithTheWorkersLastWords() throws Exception {
    String worker =
        "echo '{\"ready\":true}'; read -r p; for i in 1 2 3 4; do echo \"line $i\" >&2; done; exit 9";
    try (Dl4jReferenceClient client =
        new Dl4jReferenceClient(List.of("bash", "-c", worker), Duration.ofSeconds(20))) {
      Dl4jAnswer r = client.reference(Path.of("/models/a.h5"));
      assertEquals(Dl4jAnswer.CRASHED, r.status(), r::message);
      String prefix =
          "the DL4J worker died while reading this file (exit status 9); its standard error ended: line 2 | line 3 | line 4 (all of it: ";
      assertTrue(r.message().startsWith(prefix), r.message());
      Path file = Path.of(r.message().substring(prefix.length(), r.message().length() - 1));
      try {
        assertEquals("line 1\nline 2\nline 3\nline 4\n", Files.readString(file));
      } finally {
        Files.deleteIfExists(file);
      }
    }
  }
}
