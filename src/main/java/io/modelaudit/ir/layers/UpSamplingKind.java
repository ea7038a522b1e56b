package io.modelaudit.ir.layers;

import io.modelaudit.ir.Shape;
import io.modelaudit.ir.ShapeSteps;
import io.modelaudit.ir.SingleInputKind;
import io.modelaudit.ir.arithmetic.DimensionArithmetic;
import io.modelaudit.ir.arithmetic.WindowArithmetic;

/** Repeats each spatial position {@code size[i]} times along spatial axis i. */
public final class UpSamplingKind extends SingleInputKind {
  private final long[] size;
  private final DataFormat format;

  public UpSamplingKind(long[] size, DataFormat format) {
    WindowArithmetic.requirePositive("size", size);
    this.size = size.clone();
    this.format = format;
  }

  @Override
  protected Shape output(Shape input) {
    format.requireRank(input, size.length, "up-sampling");
    Shape out = input;
    for (int i = 0; i < size.length; i++) {
      int axis = format.spatialAxis(i, input.rank());
      Long length = DimensionArithmetic.multiply(input.dim(axis), size[i]);
      long factor = size[i];
      ShapeSteps.add(
          () ->
              "axis "
                  + axis
                  + ": "
                  + ShapeSteps.dim(input.dim(axis))
                  + " × "
                  + factor
                  + " = "
                  + ShapeSteps.dim(length));
      out = out.withDim(axis, length);
    }
    return out;
  }
}
