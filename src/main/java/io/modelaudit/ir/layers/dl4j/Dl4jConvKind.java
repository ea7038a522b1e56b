package io.modelaudit.ir.layers.dl4j;

import io.modelaudit.ir.Checked;
import io.modelaudit.ir.ConfiguredWeights;
import io.modelaudit.ir.Formulas;
import io.modelaudit.ir.InvalidConfigException;
import io.modelaudit.ir.Shape;
import io.modelaudit.ir.ShapeSteps;
import io.modelaudit.ir.SingleInputKind;
import io.modelaudit.ir.WeightSpec;
import io.modelaudit.ir.arithmetic.WindowArithmetic;
import java.util.ArrayList;
import java.util.List;

/**
 * DL4J convolutions over 1, 2 or 3 spatial axes, with DL4J's parameter layouts: ConvolutionLayer /
 * Convolution1DLayer / Convolution3D W [nOut, nIn, k…]; Deconvolution2D W [nIn, nOut, kH, kW];
 * Deconvolution3D W [kD, kH, kW, nOut, nIn]; DepthwiseConvolution2D W [kH, kW, nIn,
 * depthMultiplier] with nOut = nIn × depthMultiplier; SeparableConvolution2D W [depthMultiplier,
 * nIn, kH, kW] then pW [nOut, nIn × depthMultiplier, 1, 1]. Bias b [nOut] when {@code hasBias}.
 */
public final class Dl4jConvKind extends SingleInputKind implements ConfiguredWeights {
  public enum Variant {
    STANDARD,
    DECONVOLUTION,
    DEPTHWISE,
    SEPARABLE
  }

  private final Variant variant;
  private final long nIn;
  private final long nOut;
  private final long depthMultiplier;
  private final long[] kernel;
  private final long[] stride;
  private final long[] padding;
  private final long[] dilation;
  private final Dl4jConvolutionMode mode;
  private final boolean hasBias;
  private final boolean channelsLast;

  public Dl4jConvKind(
      Variant variant,
      long nIn,
      long nOut,
      long depthMultiplier,
      long[] kernel,
      long[] stride,
      long[] padding,
      long[] dilation,
      Dl4jConvolutionMode mode,
      boolean hasBias,
      boolean channelsLast) {
    WindowArithmetic.requireDl4jWindow(kernel, stride, padding, dilation);
    if (variant == Variant.DEPTHWISE && nOut != Checked.multiply(nIn, depthMultiplier)) {
      throw new InvalidConfigException(
          "DepthwiseConvolution2D: nOut "
              + nOut
              + " is not nIn "
              + nIn
              + " × depthMultiplier "
              + depthMultiplier);
    }
    this.variant = variant;
    this.nIn = nIn;
    this.nOut = nOut;
    this.depthMultiplier = depthMultiplier;
    this.kernel = kernel.clone();
    this.stride = stride.clone();
    this.padding = padding.clone();
    this.dilation = dilation.clone();
    this.mode = mode;
    this.hasBias = hasBias;
    this.channelsLast = channelsLast;
  }

  public Variant variant() {
    return variant;
  }

  public long nIn() {
    return nIn;
  }

  public long nOut() {
    return nOut;
  }

  @Override
  protected Shape output(Shape input) {
    int spatial = kernel.length;
    Dl4jChannels.requireChannels(
        input, spatial + 2, channelsLast, nIn, "a " + spatial + "D convolution");
    Shape out = Dl4jChannels.withChannels(input, channelsLast, nOut);
    int first = Dl4jChannels.firstSpatial(channelsLast);
    for (int i = 0; i < spatial; i++) {
      Long length = input.dim(first + i);
      int k = i;
      out =
          out.withDim(
              first + i,
              ShapeSteps.labelled(
                  "axis " + (first + i),
                  () ->
                      variant == Variant.DECONVOLUTION
                          ? WindowArithmetic.transposedLength(
                              length,
                              kernel[k],
                              stride[k],
                              dilation[k],
                              padding[k],
                              null,
                              mode.window())
                          : WindowArithmetic.outputLength(
                              length,
                              kernel[k],
                              stride[k],
                              dilation[k],
                              padding[k],
                              mode.window())));
    }
    ShapeSteps.add(() -> "channels: nOut = " + nOut);
    return out;
  }

  @Override
  protected List<WeightSpec> weights(Shape input) {
    List<WeightSpec> w = new ArrayList<>();
    switch (variant) {
      case STANDARD:
        // Convolution1DLayer is a 2D convolution over [k, 1] in DL4J: its kernel keeps a trailing
        // 1.
        w.add(
            WeightSpec.trainable(
                "W",
                Shape.ofKnown(
                    kernel.length == 1
                        ? new long[] {nOut, nIn, kernel[0], 1}
                        : prepend(nOut, nIn))));
        break;
      case DECONVOLUTION:
        // Deconvolution3DParamInitializer keeps the kernel axes first, unlike Deconvolution2D.
        w.add(
            WeightSpec.trainable(
                "W",
                kernel.length == 3
                    ? Shape.ofKnown(kernel[0], kernel[1], kernel[2], nOut, nIn)
                    : Shape.ofKnown(prepend(nIn, nOut))));
        break;
      case DEPTHWISE:
        w.add(WeightSpec.trainable("W", kernel[0], kernel[1], nIn, depthMultiplier));
        break;
      case SEPARABLE:
        w.add(WeightSpec.trainable("W", depthMultiplier, nIn, kernel[0], kernel[1]));
        w.add(WeightSpec.trainable("pW", nOut, Checked.multiply(nIn, depthMultiplier), 1, 1));
        break;
      default:
        throw new IllegalStateException();
    }
    if (hasBias) {
      w.add(WeightSpec.trainable("b", nOut));
    }
    return w;
  }

  private long[] prepend(long a, long b) {
    long[] dims = new long[kernel.length + 2];
    dims[0] = a;
    dims[1] = b;
    System.arraycopy(kernel, 0, dims, 2, kernel.length);
    return dims;
  }

  @Override
  public String formula(List<Shape> inputs, List<WeightSpec> weights) {
    if (variant != Variant.STANDARD && variant != Variant.DECONVOLUTION) {
      return Formulas.sumOfProducts(weights);
    }
    StringBuilder k = new StringBuilder();
    for (long d : kernel) {
      k.append(d).append('·');
    }
    k.append(nIn);
    return nOut
        + " × ("
        + k
        + (hasBias ? " + 1" : "")
        + ") = "
        + Formulas.number(Formulas.total(weights));
  }

  @Override
  public List<WeightSpec> configuredWeights() {
    return weights((Shape) null);
  }
}
