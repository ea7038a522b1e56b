package io.modelaudit.ir;

/**
 * A rule produced an empty or negative dimension. Keras itself computes such shapes without
 * complaint (they only fail when data flows), so this is a defect of the model, not a disagreement
 * with its stored weights.
 */
public class DegenerateShapeException extends ShapeException {
  public DegenerateShapeException(String message) {
    super(message);
  }
}
