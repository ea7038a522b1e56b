package io.modelaudit.reference.dl4j;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a process's standard error to its end on a thread of its own (so that the process never
 * blocks on a full pipe) and keeps its last {@link #CAPACITY} bytes, for the message when the
 * process dies.
 */
final class StderrTail {
  static final int CAPACITY = 64 << 10;

  private final byte[] ring = new byte[CAPACITY];

  /** Bytes read so far; the ring holds the last min(written, CAPACITY) of them. */
  private long written;

  private final Thread reader;

  private StderrTail(InputStream stderr, String threadName) {
    reader = new Thread(() -> drain(stderr), threadName);
    reader.setDaemon(true);
  }

  static StderrTail drain(InputStream stderr, String threadName) {
    StderrTail tail = new StderrTail(stderr, threadName);
    tail.reader.start();
    return tail;
  }

  private void drain(InputStream stderr) {
    byte[] buffer = new byte[8192];
    try (stderr) {
      for (int n = stderr.read(buffer); n >= 0; n = stderr.read(buffer)) {
        append(buffer, n);
      }
    } catch (IOException e) {
      // The process was killed: its output ends here.
    }
  }

  private synchronized void append(byte[] bytes, int length) {
    for (int i = 0; i < length; i++) {
      ring[(int) (written++ % CAPACITY)] = bytes[i];
    }
  }

  /**
   * Waits (a bounded time) until the process's standard error has ended, so that its last words are
   * in.
   */
  StderrTail awaitEnd(Duration limit) {
    try {
      reader.join(Math.max(1, limit.toMillis()));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return this;
  }

  /** The last bytes read, as text (the first character may be cut). */
  synchronized String text() {
    int size = (int) Math.min(written, CAPACITY);
    byte[] last = new byte[size];
    int start = (int) ((written - size) % CAPACITY);
    int first = Math.min(size, CAPACITY - start);
    System.arraycopy(ring, start, last, 0, first);
    System.arraycopy(ring, 0, last, first, size - first);
    return new String(last, StandardCharsets.UTF_8);
  }

  /** Whether the process wrote more than the tail keeps. */
  synchronized boolean truncated() {
    return written > CAPACITY;
  }

  /**
   * The last non-blank lines, on one line (" | " between them, control characters as spaces), at
   * most {@code maxChars} long (cut at the front); empty when the process wrote nothing.
   */
  String lastLines(int lines, int maxChars) {
    List<String> kept = new ArrayList<>();
    List<String> all = text().lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
    for (int i = Math.max(0, all.size() - lines); i < all.size(); i++) {
      kept.add(all.get(i).replaceAll("\\p{Cntrl}", " "));
    }
    String joined = String.join(" | ", kept);
    return joined.length() <= maxChars
        ? joined
        : "…" + joined.substring(joined.length() - maxChars + 1);
  }
}
