package io.modelaudit.ir;

/**
 * A dimension, count or offset computed from a file's numbers does not fit in 64 bits: the file's
 * numbers are impossible. Thrown only by {@link Checked}, so that any other arithmetic failure (a
 * division by zero) stays a bug in this tool.
 */
public class DimensionOverflowException extends ArithmeticException {
  public DimensionOverflowException(String message) {
    super(message);
  }
}
