package io.modelaudit.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.BooleanSupplier;
import me.tongfei.progressbar.DelegatingProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.jline.terminal.impl.exec.ExecTerminalProvider;
import org.jline.terminal.spi.SystemStream;

/**
 * The progress bar of a batch run, on stderr: only when stderr is a terminal, the run has more than
 * {@link #FEW_FILES} files, and no CI is named in the environment ({@code CI}, which CI services
 * set). While a report or a message is written, the bar is taken off its line and drawn again
 * after, so that it never ends up in the middle of other output on the same terminal; at the end it
 * is removed.
 */
abstract class ProgressDisplay implements AutoCloseable {
  static final int FEW_FILES = 5;

  /** Shown nowhere. */
  static final ProgressDisplay NONE =
      new ProgressDisplay() {
        @Override
        void pause() {}

        @Override
        void step() {}

        @Override
        public void close() {}
      };

  /** Takes the bar off its line until the next {@link #step}, before something else is written. */
  abstract void pause();

  /** One more file done; draws the bar again. */
  abstract void step();

  @Override
  public abstract void close();

  /**
   * Whether a run of {@code files} files shows the bar; {@code stderrIsTerminal} is asked last, as
   * it may start a process.
   */
  static boolean wanted(
      int files, Map<String, String> environment, BooleanSupplier stderrIsTerminal) {
    String ci = environment.get("CI");
    return files > FEW_FILES
        && (ci == null || ci.isEmpty() || ci.equalsIgnoreCase("false"))
        && stderrIsTerminal.getAsBoolean();
  }

  /** The bar on this process's stderr, when {@link #wanted}. */
  static ProgressDisplay start(int files, Map<String, String> environment) {
    ExecTerminalProvider terminal = new ExecTerminalProvider();
    if (!wanted(files, environment, () -> stderrIsTerminal(terminal))) {
      return NONE;
    }
    int width = terminal.systemStreamWidth(SystemStream.Error);
    return new OnTerminal(System.err, files, width > 20 ? width - 1 : 79);
  }

  private static boolean stderrIsTerminal(ExecTerminalProvider terminal) {
    Boolean known = stderrIsTerminalByProc(Path.of("/proc/self/fd/2"));
    if (known != null) {
      return known;
    }
    try {
      return terminal.isSystemStream(SystemStream.Error); // starts "test -t 2"
    } catch (RuntimeException e) {
      return false;
    }
  }

  /**
   * Whether stderr is a terminal, from where Linux's {@code /proc/self/fd/2} link leads (a pipe, a
   * file or a device), without starting a process as JLine does (two process starts of a large JVM
   * cost 30 ms or more); null where there is no such link.
   */
  static Boolean stderrIsTerminalByProc(Path fd) {
    try {
      String target = Files.readSymbolicLink(fd).toString();
      return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
    } catch (IOException | UnsupportedOperationException | SecurityException e) {
      return null;
    }
  }

  /** The bar drawn on {@code terminal} with ANSI line erasure. */
  private static final class OnTerminal extends ProgressDisplay {
    private static final String ERASE_LINE = "\r\u001b[2K";
    private final PrintStream terminal;
    private final ProgressBar bar;
    private boolean paused;

    OnTerminal(PrintStream terminal, int files, int width) {
      this.terminal = terminal;
      this.bar =
          new ProgressBarBuilder()
              .setTaskName("Auditing")
              .setUnit(" files", 1)
              .setInitialMax(files)
              .setStyle(ProgressBarStyle.COLORFUL_UNICODE_BLOCK)
              .setUpdateIntervalMillis(200)
              .setConsumer(new DelegatingProgressBarConsumer(this::draw, width))
              .build();
    }

    private synchronized void draw(String line) {
      if (!paused) {
        terminal.print(ERASE_LINE + line);
        terminal.flush();
      }
    }

    @Override
    synchronized void pause() {
      if (!paused) {
        paused = true;
        terminal.print(ERASE_LINE);
        terminal.flush();
      }
    }

    @Override
    void step() {
      bar.step();
      boolean wasPaused;
      synchronized (this) {
        wasPaused = paused;
        paused = false;
      }
      if (wasPaused) {
        bar.refresh();
      }
    }

    @Override
    public void close() {
      bar.close();
      synchronized (this) {
        paused = true;
        terminal.print(ERASE_LINE);
        terminal.flush();
      }
    }
  }
}
