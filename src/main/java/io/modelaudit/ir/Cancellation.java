package io.modelaudit.ir;

/**
 * Cooperative cancellation: the loops that read a file or walk a model call {@link #check()}, so
 * that a file abandoned at its time limit stops using the CPU instead of slowing the files after
 * it.
 */
public final class Cancellation {
  private Cancellation() {}

  /**
   * @throws CancelledException when the current thread was interrupted (its time is up)
   */
  public static void check() {
    if (Thread.currentThread().isInterrupted()) {
      throw new CancelledException();
    }
  }

  /** The work was abandoned; nobody waits for its result. */
  public static final class CancelledException extends RuntimeException {
    CancelledException() {
      super("cancelled: the time limit was reached", null, false, false);
    }
  }
}
