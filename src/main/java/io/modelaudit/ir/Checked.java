package io.modelaudit.ir;

/**
 * Overflow-checked arithmetic on the numbers a file gives: an overflow is the file's, never ours.
 */
public final class Checked {
  private Checked() {}

  public static long add(long a, long b) {
    try {
      return Math.addExact(a, b);
    } catch (ArithmeticException e) {
      throw new DimensionOverflowException(e.getMessage());
    }
  }

  public static long subtract(long a, long b) {
    try {
      return Math.subtractExact(a, b);
    } catch (ArithmeticException e) {
      throw new DimensionOverflowException(e.getMessage());
    }
  }

  public static long multiply(long a, long b) {
    try {
      return Math.multiplyExact(a, b);
    } catch (ArithmeticException e) {
      throw new DimensionOverflowException(e.getMessage());
    }
  }

  public static int toInt(long value) {
    try {
      return Math.toIntExact(value);
    } catch (ArithmeticException e) {
      throw new DimensionOverflowException(e.getMessage());
    }
  }
}
