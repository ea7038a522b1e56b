package io.modelaudit.ir;

/**
 * A rule needs a dimension that is unknown (e.g. the input features a kernel depends on). Not a
 * defect of the model: the layer is unverified, not wrong.
 */
public class UnknownDimensionException extends ShapeException {
  public UnknownDimensionException(String message) {
    super(message);
  }
}
