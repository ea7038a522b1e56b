package io.modelaudit.ir.layers;

import io.modelaudit.ir.Checked;
import io.modelaudit.ir.Shape;
import io.modelaudit.ir.ShapeException;
import io.modelaudit.ir.SingleInputKind;
import io.modelaudit.ir.WeightSpec;
import io.modelaudit.ir.arithmetic.WindowArithmetic;
import java.util.ArrayList;
import java.util.List;

/**
 * STFTSpectrogram: a 1-D convolution over (batch, samples, channels) with a window of {@code
 * frameLength} and stride {@code frameStep}. Each channel gives fft/2 + 1 frequencies (twice that
 * in mode "stft"), flattened into the channel axis or, with expand_dims, kept as an axis of their
 * own. It owns a real and an imaginary kernel of (frameLength, 1, fft/2 + 1), the real one except
 * in mode "imag", the imaginary one except in mode "real".
 */
public final class StftSpectrogramKind extends SingleInputKind {
  private final String mode;
  private final long frameLength;
  private final long frameStep;
  private final long fftLength;
  private final Padding padding;
  private final boolean expandDims;
  private final DataFormat format;

  public StftSpectrogramKind(
      String mode,
      long frameLength,
      long frameStep,
      long fftLength,
      Padding padding,
      boolean expandDims,
      DataFormat format) {
    if (frameLength < 1 || frameStep < 1 || fftLength < 1) {
      throw new ShapeException("frame_length, frame_step and fft_length must be positive");
    }
    this.mode = mode;
    this.frameLength = frameLength;
    this.frameStep = frameStep;
    this.fftLength = fftLength;
    this.padding = padding;
    this.expandDims = expandDims;
    this.format = format;
  }

  private long frequencies() {
    return fftLength / 2 + 1;
  }

  @Override
  protected Shape output(Shape input) {
    if (input.rank() != 3) {
      throw new ShapeException("expects (batch, samples, channels) of rank 3, got " + input);
    }
    boolean last = format == DataFormat.CHANNELS_LAST;
    Long channels = input.dim(last ? 2 : 1);
    Long time =
        WindowArithmetic.outputLength(
            input.dim(last ? 1 : 2), frameLength, frameStep, 1, 0, padding.window());
    long freq = "stft".equals(mode) ? Checked.multiply(frequencies(), 2) : frequencies();
    if (expandDims) {
      return last
          ? Shape.of(input.dim(0), time, freq, channels)
          : Shape.of(input.dim(0), channels, time, freq);
    }
    Long flat = channels == null ? null : Checked.multiply(freq, channels);
    return last ? Shape.of(input.dim(0), time, flat) : Shape.of(input.dim(0), flat, time);
  }

  @Override
  protected List<WeightSpec> weights(Shape input) {
    Shape kernel = Shape.ofKnown(frameLength, 1, frequencies());
    List<WeightSpec> out = new ArrayList<>();
    if (!"imag".equals(mode)) {
      out.add(WeightSpec.trainable("real_kernel", kernel));
    }
    if (!"real".equals(mode)) {
      out.add(WeightSpec.trainable("imag_kernel", kernel));
    }
    return out;
  }
}
