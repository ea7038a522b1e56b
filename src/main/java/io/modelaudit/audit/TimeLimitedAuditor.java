package io.modelaudit.audit;

import io.modelaudit.report.ModelReport;
import io.modelaudit.report.ModelReport.ErrorInfo;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Audits each file on a worker thread and gives up after a time limit, so that a hostile file
 * that sends a parser into a loop costs one error line, not a hung run. A worker that overran is
 * abandoned (daemon thread) and a fresh one takes the next file.
 */
public final class TimeLimitedAuditor implements AutoCloseable {
  private final ModelAuditor auditor;
  private final Duration limit;
  private ExecutorService worker = newWorker();

  public TimeLimitedAuditor(ModelAuditor auditor, Duration limit) {
    this.auditor = auditor;
    this.limit = limit;
  }

  private static ExecutorService newWorker() {
    return Executors.newSingleThreadExecutor(r -> {
      // A deep stack: nested configurations recurse.
      Thread t = new Thread(null, r, "model-audit-worker", 64L * 1024 * 1024);
      t.setDaemon(true);
      return t;
    });
  }

  /** The report for one file; a bug in the tool is rethrown as it was. */
  public ModelReport audit(Path file) {
    Future<ModelReport> result = worker.submit(() -> auditor.audit(file));
    try {
      return result.get(limit.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      result.cancel(true);
      worker.shutdownNow();
      worker = newWorker();
      return ModelReport.error(file.toString(), null,
          new ErrorInfo("timeout", "gave up after " + limit.toSeconds() + " s: the file's structure may be hostile or damaged"));
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException) {
        throw (RuntimeException) cause;
      }
      if (cause instanceof Error) {
        throw (Error) cause;
      }
      throw new IllegalStateException(cause);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  @Override
  public void close() {
    worker.shutdownNow();
  }
}
