package io.modelaudit.gate;

/** A lock file that cannot be read or is not a model-audit lock; the message says why. */
public final class LockException extends Exception {
  public LockException(String message) {
    super(message);
  }

  public LockException(String message, Throwable cause) {
    super(message, cause);
  }
}
