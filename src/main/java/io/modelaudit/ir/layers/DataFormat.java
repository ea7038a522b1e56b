package io.modelaudit.ir.layers;

import io.modelaudit.ir.Shape;
import io.modelaudit.ir.ShapeException;

/** Where the channel axis sits in a batched spatial tensor. */
public enum DataFormat {
  CHANNELS_LAST,
  CHANNELS_FIRST;

  public int channelAxis(int rank) {
    return this == CHANNELS_LAST ? rank - 1 : 1;
  }

  /** Axis of spatial dimension {@code i} (0-based) in a tensor of the given rank. */
  public int spatialAxis(int i, int rank) {
    return this == CHANNELS_LAST ? 1 + i : 2 + i;
  }

  /** Checks that {@code input} is batch + {@code spatialRank} spatial dims + channels. */
  public void requireRank(Shape input, int spatialRank, String layer) {
    if (input.rank() != spatialRank + 2) {
      throw new ShapeException(
          layer + " expects a tensor of rank " + (spatialRank + 2) + ", got " + input);
    }
  }
}
