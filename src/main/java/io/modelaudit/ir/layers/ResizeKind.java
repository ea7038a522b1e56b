package io.modelaudit.ir.layers;

import io.modelaudit.ir.Shape;
import io.modelaudit.ir.ShapeException;
import io.modelaudit.ir.SingleInputKind;

/**
 * Resizing and CenterCrop: the two spatial axes of an image, batched (rank 4) or not (rank 3),
 * become (height, width); channels stay.
 */
public final class ResizeKind extends SingleInputKind {
  private final long height;
  private final long width;
  private final DataFormat format;

  public ResizeKind(long height, long width, DataFormat format) {
    this.height = height;
    this.width = width;
    this.format = format;
  }

  @Override
  protected Shape output(Shape input) {
    if (input.rank() != 3 && input.rank() != 4) {
      throw new ShapeException(
          "expects an image of rank 3 (unbatched) or 4 (batched), got " + input);
    }
    int first = (input.rank() == 4 ? 1 : 0) + (format == DataFormat.CHANNELS_FIRST ? 1 : 0);
    return input.withDim(first, height).withDim(first + 1, width);
  }
}
