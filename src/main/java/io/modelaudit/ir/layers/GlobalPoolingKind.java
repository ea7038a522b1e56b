package io.modelaudit.ir.layers;

import io.modelaudit.ir.Shape;
import io.modelaudit.ir.ShapeSteps;
import io.modelaudit.ir.SingleInputKind;

/** Global max or average pooling: spatial dimensions collapse to 1 (keepdims) or vanish. */
public final class GlobalPoolingKind extends SingleInputKind {
  private final int spatialRank;
  private final DataFormat format;
  private final boolean keepDims;

  public GlobalPoolingKind(int spatialRank, DataFormat format, boolean keepDims) {
    this.spatialRank = spatialRank;
    this.format = format;
    this.keepDims = keepDims;
  }

  @Override
  protected Shape output(Shape input) {
    format.requireRank(input, spatialRank, "a global " + spatialRank + "D pooling");
    ShapeSteps.add(
        () ->
            keepDims
                ? "the spatial axes become 1 (keepdims)"
                : "the spatial axes are pooled away: (batch, channels "
                    + ShapeSteps.dim(input.dim(format.channelAxis(input.rank())))
                    + ")");
    if (keepDims) {
      Shape out = input;
      for (int i = 0; i < spatialRank; i++) {
        out = out.withDim(format.spatialAxis(i, input.rank()), 1L);
      }
      return out;
    }
    return Shape.of(input.dim(0), input.dim(format.channelAxis(input.rank())));
  }
}
