package io.modelaudit.ir.layers;

import io.modelaudit.ir.Shape;
import io.modelaudit.ir.SingleInputKind;
import java.util.ArrayList;
import java.util.List;

/**
 * Keras 3 Adaptive{Average,Max}Pooling1D/2D/3D: the spatial dimensions become {@code output_size},
 * whatever they were; batch and channels are kept.
 */
public final class AdaptivePoolingKind extends SingleInputKind {
  private final List<Long> outputSize;
  private final DataFormat format;

  public AdaptivePoolingKind(List<Long> outputSize, DataFormat format) {
    this.outputSize = List.copyOf(outputSize);
    this.format = format;
  }

  @Override
  protected Shape output(Shape input) {
    int spatial = outputSize.size();
    format.requireRank(input, spatial, "adaptive pooling over " + spatial + " spatial axes");
    List<Long> dims = new ArrayList<>(input.dims());
    for (int i = 0; i < spatial; i++) {
      dims.set(format.spatialAxis(i, input.rank()), outputSize.get(i));
    }
    return Shape.of(dims);
  }
}
