package io.modelaudit.audit;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Runs each piece of work on a worker thread and gives up after a time limit, so that a hostile
 * file that sends a parser into a loop costs one error line, not a hung run. A worker that overran
 * is abandoned (interrupted, daemon thread) and another takes the next piece of work. Safe to call
 * from several threads at once ({@code -j}): each call gets a thread of its own from the pool.
 */
final class TimeLimit implements AutoCloseable {
  private final Duration limit;
  private final ExecutorService workers = newWorkers();

  TimeLimit(Duration limit) {
    this.limit = limit;
  }

  Duration limit() {
    return limit;
  }

  private static ExecutorService newWorkers() {
    AtomicInteger count = new AtomicInteger();
    // Idle threads end after a minute; one that overran stays busy and is never handed new work.
    return Executors.newCachedThreadPool(
        r -> {
          // A deep stack: nested configurations recurse.
          Thread t =
              new Thread(
                  null, r, "model-audit-worker-" + count.incrementAndGet(), 64L * 1024 * 1024);
          t.setDaemon(true);
          return t;
        });
  }

  /** The work's result, or {@code onTimeout}'s; a bug in the work is rethrown as it was. */
  <T> T run(Callable<T> work, Supplier<T> onTimeout) {
    Future<T> result = workers.submit(work);
    try {
      return result.get(limit.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      result.cancel(true);
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
    workers.shutdownNow();
  }
}
