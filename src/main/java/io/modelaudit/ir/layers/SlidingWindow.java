package io.modelaudit.ir.layers;

import io.modelaudit.ir.InvalidConfigException;
import io.modelaudit.ir.Shape;
import io.modelaudit.ir.ShapeSteps;
import io.modelaudit.ir.UnknownDimensionException;
import io.modelaudit.ir.arithmetic.WindowArithmetic;

/**
 * The window a convolution slides over the spatial axes: kernel size, strides and dilation per
 * axis, padding and where the channels are. Shared by every convolution kind.
 */
final class SlidingWindow {
  final long[] kernel;
  final long[] strides;
  final long[] dilation;
  final Padding padding;
  final DataFormat format;

  SlidingWindow(
      long[] kernel, long[] strides, long[] dilation, Padding padding, DataFormat format) {
    if (kernel.length != strides.length || kernel.length != dilation.length) {
      throw new InvalidConfigException("kernel, strides and dilation must have the same rank");
    }
    WindowArithmetic.requirePositive("kernel size", kernel);
    WindowArithmetic.requirePositive("strides", strides);
    WindowArithmetic.requirePositive("dilation", dilation);
    this.kernel = kernel.clone();
    this.strides = strides.clone();
    this.dilation = dilation.clone();
    this.padding = padding;
    this.format = format;
  }

  int rank() {
    return kernel.length;
  }

  /** The input must have the batch, spatial and channel axes of this window. */
  void requireInput(Shape input, String what) {
    format.requireRank(input, rank(), "a " + rank() + "D " + what);
  }

  /** The output over every spatial axis, with the channel axis set to {@code channels}. */
  Shape slide(Shape input, Long channels) {
    return slide(input, format, channels, kernel, strides, dilation, padding);
  }

  /**
   * The output of a sliding window over every spatial axis of {@code input}, with the channel axis
   * set to {@code channels}.
   */
  static Shape slide(
      Shape input,
      DataFormat format,
      Long channels,
      long[] kernel,
      long[] strides,
      long[] dilation,
      Padding padding) {
    int channelAxis = format.channelAxis(input.rank());
    Shape out = input.withDim(channelAxis, channels);
    for (int i = 0; i < kernel.length; i++) {
      int axis = format.spatialAxis(i, input.rank());
      int k = i;
      out =
          out.withDim(
              axis,
              ShapeSteps.labelled(
                  "axis " + axis,
                  () ->
                      WindowArithmetic.outputLength(
                          input.dim(axis),
                          kernel[k],
                          strides[k],
                          dilation[k],
                          0,
                          padding.window())));
    }
    ShapeSteps.add(() -> "axis " + channelAxis + ": " + ShapeSteps.dim(channels) + " channels");
    return out;
  }

  /** The input's channel count, which every convolution's weights need. */
  long inputChannels(Shape input) {
    int axis = format.channelAxis(input.rank());
    Long c = input.dim(axis);
    if (c == null) {
      throw new UnknownDimensionException(
          "input channels (axis " + axis + " of " + input + ") are unknown");
    }
    return c;
  }
}
