package io.modelaudit.ir.layers.dl4j;

import io.modelaudit.ir.Shape;
import io.modelaudit.ir.ShapeException;

/**
 * DL4J's activation layouts: feed-forward [mb, n]; recurrent [mb, n, T] (NCW) or [mb, T, n] (NWC);
 * convolutional [mb, c, h, w] (NCHW) or [mb, h, w, c] (NHWC), and the 1D / 3D equivalents.
 */
public final class Dl4jChannels {
  private Dl4jChannels() {}

  /** The axis holding channels / features: 1, or the last axis when channels come last. */
  public static int axis(Shape input, boolean channelsLast) {
    return channelsLast ? input.rank() - 1 : 1;
  }

  /** The first spatial (or time) axis. */
  public static int firstSpatial(boolean channelsLast) {
    return channelsLast ? 1 : 2;
  }

  /**
   * Checks that the input carries {@code nIn} channels where DL4J expects them: a configured {@code
   * nIn} that disagrees with what the previous layer produces is a broken network.
   */
  public static void requireChannels(
      Shape input, int rank, boolean channelsLast, long nIn, String what) {
    if (input.rank() != rank) {
      throw new ShapeException(what + " expects a rank-" + rank + " input, got " + input);
    }
    Long c = input.dim(axis(input, channelsLast));
    if (c != null && c != nIn) {
      throw new ShapeException(
          "nIn is "
              + nIn
              + " but the input "
              + input
              + " has "
              + c
              + (rank == 2 ? " features" : " channels"));
    }
  }

  /** The input with its channel axis replaced. */
  public static Shape withChannels(Shape input, boolean channelsLast, long channels) {
    return input.withDim(axis(input, channelsLast), channels);
  }
}
