package io.modelaudit.ir.layers;

import io.modelaudit.ir.Shape;
import io.modelaudit.ir.ShapeSteps;
import io.modelaudit.ir.SingleInputKind;
import io.modelaudit.ir.arithmetic.WindowArithmetic;

/** Max or average pooling over 1, 2 or 3 spatial dimensions; channels are kept. */
public final class PoolingKind extends SingleInputKind {
  private final long[] pool;
  private final long[] strides;
  private final Padding padding;
  private final DataFormat format;

  public PoolingKind(long[] pool, long[] strides, Padding padding, DataFormat format) {
    WindowArithmetic.requirePositive("pool size", pool);
    WindowArithmetic.requirePositive("strides", strides);
    this.pool = pool.clone();
    this.strides = strides.clone();
    this.padding = padding;
    this.format = format;
  }

  /** Elements in one pooling window. */
  public long windowSize() {
    long n = 1;
    for (long p : pool) {
      n = io.modelaudit.ir.Checked.multiply(n, p);
    }
    return n;
  }

  @Override
  protected Shape output(Shape input) {
    format.requireRank(input, pool.length, "a " + pool.length + "D pooling");
    Shape out = input;
    for (int i = 0; i < pool.length; i++) {
      int axis = format.spatialAxis(i, input.rank());
      int k = i;
      out =
          out.withDim(
              axis,
              ShapeSteps.labelled(
                  "axis " + axis,
                  () ->
                      WindowArithmetic.outputLength(
                          input.dim(axis), pool[k], strides[k], 1, 0, padding.window())));
    }
    ShapeSteps.add(() -> "the channels are kept");
    return out;
  }
}
