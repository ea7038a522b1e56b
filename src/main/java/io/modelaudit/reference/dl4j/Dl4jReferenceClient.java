package io.modelaudit.reference.dl4j;

import io.modelaudit.report.Dl4jAnswer;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Asks the DL4J reference worker about files, one at a time, through one warm worker process. DL4J
 * runs in that process only: a crash, a hang or an out-of-memory there costs the file it was
 * working on, never this JVM. The time limit is enforced from here (the process is killed),
 * standard output is read line by line with a bound on a line's length, and a worker that died or
 * was killed is replaced by a fresh one for the next file. The worker's standard error is kept (its
 * last 64 KB): when it dies, its last lines end the message, and all of it goes to a file the
 * message names.
 *
 * <p>The worker answers one request at a time, so callers on several threads ({@code -j}) take
 * turns: one warm worker is faster than several cold ones for the few DL4J files of a run, and DL4J
 * needs about a gigabyte per process. A file's time limit starts when its request is sent, not
 * while it waits for its turn.
 */
public final class Dl4jReferenceClient implements AutoCloseable {
  /** A result line is far shorter (ResNet-50: about 40 kB); a longer one is not a result. */
  static final int MAX_LINE_CHARS = 16 << 20;

  /** ND4J loads its native backend in 2 to 4 s here; the per-file time limit starts after that. */
  static final Duration STARTUP_LIMIT = Duration.ofSeconds(120);

  static final String READY = "{\"ready\":true}";

  /**
   * How much of a dead worker's standard error a message quotes (the report keeps it to one line).
   */
  static final int STDERR_LINES = 3;

  static final int STDERR_CHARS = 400;
  private static final Duration STDERR_END = Duration.ofSeconds(2);
  private static final Object END = new Object();
  private static final Object TOO_LONG = new Object();

  private final List<String> command;
  private final Duration timeout;
  private Process process;
  private Writer requests;
  private BlockingQueue<Object> lines;

  /** The standard error of the current worker, or of the last one once it is gone. */
  private StderrTail stderr;

  /** How the last worker that ended by itself ended, for the message. */
  private String lastExit = "";

  public Dl4jReferenceClient(List<String> command, Duration timeout) {
    this.command = List.copyOf(command);
    this.timeout = timeout;
  }

  /** DL4J's numbers for one file; never throws for anything the worker does. */
  public Dl4jAnswer reference(Path file) {
    return reference(file, null);
  }

  /**
   * As {@link #reference(Path)}, for a weights-only Keras file read with its architecture JSON
   * (null for any other file).
   */
  public synchronized Dl4jAnswer reference(Path file, Path architecture) {
    String path = file.toAbsolutePath().toString();
    String request = path + (architecture == null ? "" : "\t" + architecture.toAbsolutePath());
    if (request.indexOf('\n') >= 0
        || request.indexOf('\r') >= 0
        || request.chars().filter(c -> c == '\t').count() > (architecture == null ? 0 : 1)) {
      return Dl4jAnswer.unavailable(
          Dl4jAnswer.ERROR,
          "the path contains a line break or a tab: the worker reads one request per line");
    }
    Dl4jAnswer result = ask(request, path);
    if (result == null) {
      // The worker was gone before it read this file (it exits after an Error on the previous one):
      // once more, fresh.
      result = ask(request, path);
    }
    return result != null
        ? result
        : Dl4jAnswer.unavailable(
            Dl4jAnswer.CRASHED, "the DL4J worker died while reading this file" + lastExit);
  }

  /** The result, or null when the worker ended without answering. */
  /**
   * @param path the file the answer must name (the request may add its architecture)
   */
  private Dl4jAnswer ask(String request, String path) {
    if (process == null || !process.isAlive()) {
      String problem = start();
      if (problem != null) {
        return Dl4jAnswer.unavailable(Dl4jAnswer.CRASHED, problem);
      }
    }
    try {
      requests.write(request);
      requests.write('\n');
      requests.flush();
    } catch (IOException e) {
      stop();
      return null;
    }
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      Object line;
      try {
        line = lines.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        stop();
        return Dl4jAnswer.unavailable(Dl4jAnswer.ERROR, "interrupted");
      }
      if (line == null) {
        stop();
        return Dl4jAnswer.unavailable(
            Dl4jAnswer.TIMEOUT,
            "DL4J gave no answer within " + timeout.toSeconds() + " s; its worker was stopped");
      }
      if (line == END) {
        lastExit = exitStatus();
        stop();
        lastExit += lastWords();
        return null;
      }
      if (line == TOO_LONG) {
        stop();
        return Dl4jAnswer.unavailable(
            Dl4jAnswer.ERROR,
            "the DL4J worker printed a line longer than " + MAX_LINE_CHARS + " characters");
      }
      String text = (String) line;
      // Anything else on standard output (native code printing) is not for us.
      if (text.startsWith("{") && path.equals(Dl4jAnswerParser.path(text))) {
        try {
          return Dl4jAnswerParser.parse(text);
        } catch (IllegalArgumentException e) {
          stop();
          return Dl4jAnswer.unavailable(
              Dl4jAnswer.ERROR, "the DL4J worker's answer is malformed: " + e.getMessage());
        }
      }
    }
  }

  /** Starts a worker and waits until it is ready; null, or why there is no worker. */
  private String start() {
    stop();
    try {
      process = new ProcessBuilder(command).start();
    } catch (IOException e) {
      process = null;
      return "the DL4J worker cannot be started: " + e.getMessage();
    }
    requests = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
    stderr = StderrTail.drain(process.getErrorStream(), "dl4j-worker-stderr");
    BlockingQueue<Object> queue = new LinkedBlockingQueue<>();
    lines = queue;
    Thread reader =
        new Thread(() -> readLines(process.getInputStream(), queue), "dl4j-worker-output");
    reader.setDaemon(true);
    reader.start();
    long deadline = System.nanoTime() + STARTUP_LIMIT.toNanos();
    while (true) {
      Object line;
      try {
        line = queue.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        line = null;
      }
      if (line == null || line == TOO_LONG) {
        stop();
        return "the DL4J worker did not start within "
            + STARTUP_LIMIT.toSeconds()
            + " s"
            + lastWords();
      }
      if (line == END) {
        String exit = exitStatus();
        stop();
        return "the DL4J worker exited while starting" + exit + lastWords();
      }
      if (READY.equals(line)) {
        return null;
      }
    }
  }

  private static void readLines(InputStream stream, BlockingQueue<Object> queue) {
    try (Reader in = new InputStreamReader(stream, StandardCharsets.UTF_8)) {
      StringBuilder line = new StringBuilder();
      for (int c = in.read(); c >= 0; c = in.read()) {
        if (c == '\n') {
          queue.add(line.toString());
          line.setLength(0);
        } else if (line.length() >= MAX_LINE_CHARS) {
          queue.add(TOO_LONG);
          return;
        } else {
          line.append((char) c);
        }
      }
    } catch (IOException e) {
      // The process was killed: its output ends here.
    }
    queue.add(END);
  }

  /**
   * What the stopped worker last wrote on its standard error, to end a message: its last lines, and
   * the file holding all that was kept when that is more; "" when it wrote nothing.
   */
  private String lastWords() {
    if (stderr == null) {
      return "";
    }
    String last = stderr.awaitEnd(STDERR_END).lastLines(STDERR_LINES, STDERR_CHARS);
    if (last.isEmpty()) {
      return "";
    }
    String words = "; its standard error ended: " + last;
    String all = stderr.text();
    if (stderr.truncated()
        || all.lines().filter(l -> !l.isBlank()).count() > STDERR_LINES
        || last.startsWith("…")) {
      try {
        Path file = Files.createTempFile("model-audit-dl4j-worker-", ".stderr");
        Files.writeString(file, all, StandardCharsets.UTF_8);
        words +=
            " ("
                + (stderr.truncated()
                    ? "its last " + StderrTail.CAPACITY / 1024 + " KB"
                    : "all of it")
                + ": "
                + file
                + ")";
      } catch (IOException | RuntimeException e) {
        // The last lines are in the message; the rest is a convenience.
      }
    }
    return words;
  }

  /** Everything the current or last worker wrote on its standard error (its last 64 KB). */
  String workerStderr() {
    return stderr == null ? "" : stderr.text();
  }

  private String exitStatus() {
    if (process == null) {
      return "";
    }
    try {
      if (process.waitFor(5, TimeUnit.SECONDS)) {
        return " (exit status " + process.exitValue() + ")";
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return "";
  }

  private void stop() {
    if (process == null) {
      return;
    }
    process.descendants().forEach(ProcessHandle::destroyForcibly);
    process.destroyForcibly();
    try {
      process.waitFor(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    process = null;
  }

  /** Lets the worker finish (its input ends), and kills it if it does not. */
  @Override
  public synchronized void close() {
    if (process == null) {
      return;
    }
    try {
      requests.close();
      if (process.waitFor(5, TimeUnit.SECONDS)) {
        process = null;
        return;
      }
    } catch (IOException e) {
      // Already gone.
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    stop();
  }
}
