package io.modelaudit.ir.layers.dl4j;

import io.modelaudit.ir.ConfiguredWeights;
import io.modelaudit.ir.Shape;
import io.modelaudit.ir.ShapeException;
import io.modelaudit.ir.ShapeSteps;
import io.modelaudit.ir.SingleInputKind;
import io.modelaudit.ir.WeightSpec;
import io.modelaudit.ir.arithmetic.WindowArithmetic;
import java.util.List;

/**
 * SubsamplingLayer, Subsampling1DLayer, Subsampling3DLayer: channels kept, windows per spatial
 * axis.
 */
public final class Dl4jSubsamplingKind extends SingleInputKind implements ConfiguredWeights {
  private final long[] kernel;
  private final long[] stride;
  private final long[] padding;
  private final long[] dilation;
  private final Dl4jConvolutionMode mode;
  private final boolean channelsLast;

  public Dl4jSubsamplingKind(
      long[] kernel,
      long[] stride,
      long[] padding,
      long[] dilation,
      Dl4jConvolutionMode mode,
      boolean channelsLast) {
    WindowArithmetic.requireDl4jWindow(kernel, stride, padding, dilation);
    this.kernel = kernel.clone();
    this.stride = stride.clone();
    this.padding = padding.clone();
    this.dilation = dilation.clone();
    this.mode = mode;
    this.channelsLast = channelsLast;
  }

  /** Elements in one pooling window. */
  public long windowSize() {
    long n = 1;
    for (long k : kernel) {
      n = io.modelaudit.ir.Checked.multiply(n, k);
    }
    return n;
  }

  @Override
  protected Shape output(Shape input) {
    if (input.rank() != kernel.length + 2) {
      throw new ShapeException(
          "a "
              + kernel.length
              + "D subsampling layer expects a rank-"
              + (kernel.length + 2)
              + " input, got "
              + input);
    }
    Shape out = input;
    int first = Dl4jChannels.firstSpatial(channelsLast);
    for (int i = 0; i < kernel.length; i++) {
      int k = i;
      out =
          out.withDim(
              first + i,
              ShapeSteps.labelled(
                  "axis " + (first + i),
                  () ->
                      WindowArithmetic.outputLength(
                          input.dim(first + k),
                          kernel[k],
                          stride[k],
                          dilation[k],
                          padding[k],
                          mode.window())));
    }
    ShapeSteps.add(() -> "the channels are kept");
    return out;
  }

  @Override
  public List<WeightSpec> configuredWeights() {
    return List.of();
  }
}
