package io.modelaudit.ir.layers.dl4j;

import io.modelaudit.ir.Checked;
import io.modelaudit.ir.ConfiguredWeights;
import io.modelaudit.ir.Shape;
import io.modelaudit.ir.ShapeException;
import io.modelaudit.ir.SingleInputKind;
import io.modelaudit.ir.WeightSpec;
import io.modelaudit.ir.arithmetic.WindowArithmetic;
import java.util.ArrayList;
import java.util.List;

/**
 * DL4J's LocallyConnected1D / 2D: a convolution with its own filter per output position, W [output
 * positions, kernel·nIn, nOut] and b [nOut]. The input size is fixed when the layer is built (its
 * recorded {@code inputSize}); NCW / NCHW, or NHWC for 2D.
 */
public final class Dl4jLocallyConnectedKind extends SingleInputKind implements ConfiguredWeights {
  private final long nIn;
  private final long nOut;
  private final long[] kernel;
  private final long[] stride;
  private final long[] padding;
  private final long[] dilation;
  private final long[] inputSize;
  private final Dl4jConvolutionMode mode;
  private final boolean hasBias;
  private final boolean channelsLast;

  /** One value per spatial axis in kernel, stride, padding, dilation and inputSize (0: unknown). */
  public Dl4jLocallyConnectedKind(
      long nIn,
      long nOut,
      long[] kernel,
      long[] stride,
      long[] padding,
      long[] dilation,
      long[] inputSize,
      Dl4jConvolutionMode mode,
      boolean hasBias,
      boolean channelsLast) {
    WindowArithmetic.requireDl4jWindow(kernel, stride, padding, dilation);
    this.nIn = nIn;
    this.nOut = nOut;
    this.kernel = kernel.clone();
    this.stride = stride.clone();
    this.padding = padding.clone();
    this.dilation = dilation.clone();
    this.inputSize = inputSize.clone();
    this.mode = mode;
    this.hasBias = hasBias;
    this.channelsLast = channelsLast;
  }

  /** Output features (or channels). */
  public long nOut() {
    return nOut;
  }

  @Override
  protected Shape output(Shape input) {
    int n = kernel.length;
    Dl4jChannels.requireChannels(input, n + 2, channelsLast, nIn, "the layer");
    Shape out = Dl4jChannels.withChannels(input, channelsLast, nOut);
    int first = Dl4jChannels.firstSpatial(channelsLast);
    for (int i = 0; i < n; i++) {
      Long d = input.dim(first + i);
      if (inputSize.length == n && inputSize[i] > 0 && d != null && d != inputSize[i]) {
        throw new ShapeException(
            "the layer was built for input size "
                + java.util.Arrays.toString(inputSize)
                + " but its input is "
                + input);
      }
      out = out.withDim(first + i, outputLength(d, i));
    }
    return out;
  }

  private Long outputLength(Long length, int i) {
    return WindowArithmetic.outputLength(
        length, kernel[i], stride[i], dilation[i], padding[i], mode.window());
  }

  @Override
  protected List<WeightSpec> weights(Shape input) {
    int n = kernel.length;
    long positions = 1;
    long window = nIn;
    int first = Dl4jChannels.firstSpatial(channelsLast);
    for (int i = 0; i < n; i++) {
      long in = input == null || input.dim(first + i) == null ? inputSize[i] : input.dim(first + i);
      if (in <= 0) {
        throw new io.modelaudit.ir.UnknownDimensionException(
            "the input size (axis " + (first + i) + " of " + input + ") is unknown");
      }
      positions = Checked.multiply(positions, outputLength(in, i));
      window = Checked.multiply(window, kernel[i]);
    }
    List<WeightSpec> w = new ArrayList<>();
    w.add(WeightSpec.trainable("W", positions, window, nOut));
    if (hasBias) {
      w.add(WeightSpec.trainable("b", nOut));
    }
    return w;
  }

  @Override
  public List<WeightSpec> configuredWeights() {
    for (long s : inputSize) {
      if (s <= 0) {
        return null;
      }
    }
    return inputSize.length == kernel.length ? weights((Shape) null) : null;
  }
}
