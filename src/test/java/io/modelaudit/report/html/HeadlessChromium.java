package io.modelaudit.report.html;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Assumptions;

/**
 * Debian's {@code chromium} run headless as a process: one run dumps the DOM after the page's
 * scripts ran, another takes a screenshot. Each run has its own profile folder and a time limit.
 * Without the browser a test is skipped (said once, on stderr); under {@code CI=true} it is
 * required ({@code .ci/run} installs it).
 */
final class HeadlessChromium {
  private static final long TIME_LIMIT_SECONDS = 90;
  private static final AtomicBoolean SKIP_ANNOUNCED = new AtomicBoolean();
  private final Path executable;
  private final Path work;

  private HeadlessChromium(Path executable, Path work) {
    this.executable = executable;
    this.work = work;
  }

  /** The browser on the PATH, working in {@code work}; skips the test when there is none. */
  static HeadlessChromium find(Path work) {
    for (String name : new String[] {"chromium", "chromium-browser"}) {
      for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
        Path p = Path.of(dir, name);
        if (!dir.isEmpty() && Files.isExecutable(p)) {
          return new HeadlessChromium(p, work);
        }
      }
    }
    if ("true".equals(System.getenv("CI"))) {
      throw new IllegalStateException(
          "chromium is not installed: .ci/run installs it (apt-get install -y chromium)");
    }
    if (SKIP_ANNOUNCED.compareAndSet(false, true)) {
      System.err.println(
          "model-audit tests: chromium is not on the PATH, so the HTML rendering tests are skipped"
              + " (apt-get install -y chromium; with CI=true it is required)");
    }
    Assumptions.abort("chromium is not on the PATH");
    throw new AssertionError("unreachable");
  }

  /**
   * The page's DOM once it has loaded and its scripts have run, in a window {@code width} pixels
   * wide (where things are depends on it: take the screenshot at the same width).
   */
  String dumpDom(Path page, int width) throws IOException, InterruptedException {
    return run(
        "dom", List.of("--dump-dom", "--window-size=" + width + ",1000", page.toUri().toString()));
  }

  /** A screenshot of the page's top {@code width} × {@code height} pixels. */
  Path screenshot(Path page, int width, int height) throws IOException, InterruptedException {
    Path png = work.resolve(page.getFileName() + ".png");
    run(
        "screenshot",
        List.of(
            "--screenshot=" + png,
            "--window-size=" + width + "," + height,
            page.toUri().toString()));
    return png;
  }

  private String run(String what, List<String> args) throws IOException, InterruptedException {
    Path profile = Files.createTempDirectory(work, "profile");
    Path stdout = work.resolve(what + "-" + profile.getFileName() + ".out");
    Path stderr = work.resolve(what + "-" + profile.getFileName() + ".err");
    List<String> command = new ArrayList<>();
    command.add(executable.toString());
    command.addAll(
        List.of(
            "--headless",
            "--no-sandbox", // tests and CI run as root, where Chromium's sandbox cannot start
            "--disable-gpu",
            "--disable-dev-shm-usage",
            "--hide-scrollbars",
            "--force-device-scale-factor=1",
            "--no-first-run",
            "--user-data-dir=" + profile));
    command.addAll(args);
    Process p =
        new ProcessBuilder(command)
            .redirectOutput(stdout.toFile())
            .redirectError(stderr.toFile())
            .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
            .start();
    if (!p.waitFor(TIME_LIMIT_SECONDS, TimeUnit.SECONDS)) {
      p.descendants().forEach(ProcessHandle::destroyForcibly);
      p.destroyForcibly();
      throw new AssertionError(what + ": chromium did not finish in " + TIME_LIMIT_SECONDS + " s");
    }
    if (p.exitValue() != 0) {
      throw new AssertionError(
          what + ": chromium exited with " + p.exitValue() + ": " + Files.readString(stderr));
    }
    return Files.readString(stdout, StandardCharsets.UTF_8);
  }
}
