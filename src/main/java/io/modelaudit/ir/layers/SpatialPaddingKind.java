package io.modelaudit.ir.layers;

import io.modelaudit.ir.Checked;
import io.modelaudit.ir.InvalidConfigException;
import io.modelaudit.ir.Shape;
import io.modelaudit.ir.ShapeSteps;
import io.modelaudit.ir.SingleInputKind;
import io.modelaudit.ir.arithmetic.DimensionArithmetic;

/** ZeroPadding (adds) and Cropping (removes) a fixed amount at both ends of each spatial axis. */
public final class SpatialPaddingKind extends SingleInputKind {
  private final long[][] amounts;
  private final DataFormat format;
  private final int sign;

  private SpatialPaddingKind(long[][] amounts, DataFormat format, int sign) {
    for (long[] pair : amounts) {
      if (pair.length != 2 || pair[0] < 0 || pair[1] < 0) {
        throw new InvalidConfigException("amounts must be pairs of non-negative numbers");
      }
    }
    this.amounts = amounts;
    this.format = format;
    this.sign = sign;
  }

  /**
   * @param amounts per spatial axis, {before, after}
   */
  public static SpatialPaddingKind zeroPadding(long[][] amounts, DataFormat format) {
    return new SpatialPaddingKind(amounts, format, 1);
  }

  public static SpatialPaddingKind cropping(long[][] amounts, DataFormat format) {
    return new SpatialPaddingKind(amounts, format, -1);
  }

  @Override
  protected Shape output(Shape input) {
    format.requireRank(input, amounts.length, sign > 0 ? "zero padding" : "cropping");
    Shape out = input;
    for (int i = 0; i < amounts.length; i++) {
      int axis = format.spatialAxis(i, input.rank());
      long change = sign * Checked.add(amounts[i][0], amounts[i][1]);
      Long length = DimensionArithmetic.add(input.dim(axis), change);
      long[] amount = amounts[i];
      ShapeSteps.add(
          () ->
              "axis "
                  + axis
                  + ": "
                  + ShapeSteps.dim(input.dim(axis))
                  + (sign > 0 ? " + " : " − ")
                  + amount[0]
                  + (sign > 0 ? " + " : " − ")
                  + amount[1]
                  + " = "
                  + ShapeSteps.dim(length)
                  + (sign > 0 ? " (padding)" : " (cropping)"));
      out = out.withDim(axis, length);
    }
    return out;
  }
}
