package io.modelaudit.ir.layers;

import io.modelaudit.ir.Checked;
import io.modelaudit.ir.Shape;
import io.modelaudit.ir.ShapeException;
import io.modelaudit.ir.SingleInputKind;

/**
 * MelSpectrogram: audio (batch, samples) becomes (batch, mel bins, frames), unbatched (samples)
 * becomes (mel bins, frames), with Keras 3.15's frame count ⌊(samples + stride + 1) / stride⌋. Axes
 * after the second are ignored, as in Keras. No weights.
 */
public final class MelSpectrogramKind extends SingleInputKind {
  private final long melBins;
  private final long stride;

  public MelSpectrogramKind(long melBins, long stride) {
    if (stride < 1) {
      throw new ShapeException("sequence_stride must be positive, got " + stride);
    }
    this.melBins = melBins;
    this.stride = stride;
  }

  @Override
  protected Shape output(Shape input) {
    if (input.rank() == 0) {
      throw new ShapeException("expects audio of rank 1 or more, got " + input);
    }
    if (input.rank() == 1) {
      return Shape.of(melBins, frames(input.dim(0)));
    }
    return Shape.of(input.dim(0), melBins, frames(input.dim(1)));
  }

  private Long frames(Long samples) {
    return samples == null
        ? null
        : Math.floorDiv(Checked.add(Checked.add(samples, stride), 1), stride);
  }
}
