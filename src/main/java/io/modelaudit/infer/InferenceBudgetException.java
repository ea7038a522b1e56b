package io.modelaudit.infer;

/** The graph needs more rule evaluations than any real model does: refuse rather than hang. */
public class InferenceBudgetException extends RuntimeException {
  public InferenceBudgetException(String message) {
    super(message);
  }
}
