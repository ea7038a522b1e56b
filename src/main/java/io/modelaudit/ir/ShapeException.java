package io.modelaudit.ir;

/** A layer rule cannot apply to its inputs or its configuration; becomes a per-layer finding. */
public class ShapeException extends RuntimeException {
  public ShapeException(String message) {
    super(message);
  }
}
