package io.modelaudit.audit;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * Runs each piece of work on a worker thread and gives up after a time limit, so that a hostile
 * file that sends a parser into a loop costs one error line, not a hung run. A worker that overran
 * is abandoned (daemon thread) and a fresh one takes the next piece of work.
 */
final class TimeLimit implements AutoCloseable {
  private final Duration limit;
  private ExecutorService worker = newWorker();

  TimeLimit(Duration limit) {
    this.limit = limit;
  }

  Duration limit() {
    return limit;
  }

  private static ExecutorService newWorker() {
    return Executors.newSingleThreadExecutor(
        r -> {
          // A deep stack: nested configurations recurse.
          Thread t = new Thread(null, r, "model-audit-worker", 64L * 1024 * 1024);
          t.setDaemon(true);
          return t;
        });
  }

  /** The work's result, or {@code onTimeout}'s; a bug in the work is rethrown as it was. */
  <T> T run(Callable<T> work, Supplier<T> onTimeout) {
    Future<T> result = worker.submit(work);
    try {
      return result.get(limit.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      result.cancel(true);
      worker.shutdownNow();
      worker = newWorker();
      return onTimeout.get();
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
