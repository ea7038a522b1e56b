package io.modelaudit.ir.arithmetic;

import io.modelaudit.ir.Checked;
import io.modelaudit.ir.DegenerateShapeException;

/** Checked changes to one dimension ({@code null}: unknown) by upsampling, padding and cropping. */
public final class DimensionArithmetic {
  private DimensionArithmetic() {}

  public static Long multiply(Long length, long factor) {
    return length == null ? null : Checked.multiply(length, factor);
  }

  public static Long add(Long length, long amount) {
    if (length == null) {
      return null;
    }
    long out = Checked.add(length, amount);
    if (out < 0) {
      throw new DegenerateShapeException(
          "a dimension of " + length + " changed by " + amount + " becomes " + out);
    }
    return out;
  }
}
