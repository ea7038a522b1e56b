package io.modelaudit.ir.layers.dl4j;

import io.modelaudit.ir.Checked;
import io.modelaudit.ir.ConfiguredWeights;
import io.modelaudit.ir.InvalidConfigException;
import io.modelaudit.ir.Shape;
import io.modelaudit.ir.ShapeException;
import io.modelaudit.ir.SingleInputKind;
import io.modelaudit.ir.WeightSpec;
import io.modelaudit.ir.arithmetic.DimensionArithmetic;
import java.util.List;

/**
 * Weightless layers that resize the spatial axes of a DL4J activation: Upsampling1D/2D/3D,
 * ZeroPadding(1D/3D)Layer, Cropping1D/2D/3D, SpaceToDepth, SpaceToBatch.
 */
public final class Dl4jSpatialKind extends SingleInputKind implements ConfiguredWeights {
  private enum Op {
    UPSAMPLE,
    PAD,
    CROP,
    SPACE_TO_DEPTH,
    SPACE_TO_BATCH
  }

  private final Op op;
  private final int spatial;

  /**
   * UPSAMPLE: factor per axis; PAD / CROP: (before, after) per axis; SPACE_TO_*: block per axis.
   */
  private final long[] values;

  /** SPACE_TO_BATCH: (before, after) padding per axis. */
  private final long[] padding;

  private final boolean channelsLast;

  private Dl4jSpatialKind(Op op, int spatial, long[] values, long[] padding, boolean channelsLast) {
    for (long v : values) {
      if (v < 0 || (op != Op.PAD && op != Op.CROP && v == 0)) {
        throw new InvalidConfigException("invalid size " + java.util.Arrays.toString(values));
      }
    }
    this.op = op;
    this.spatial = spatial;
    this.values = values.clone();
    this.padding = padding.clone();
    this.channelsLast = channelsLast;
  }

  public static Dl4jSpatialKind upsampling(long[] size, boolean channelsLast) {
    return new Dl4jSpatialKind(Op.UPSAMPLE, size.length, size, new long[0], channelsLast);
  }

  /**
   * @param beforeAfter (before, after) per spatial axis, in axis order
   */
  public static Dl4jSpatialKind zeroPadding(long[] beforeAfter, boolean channelsLast) {
    return new Dl4jSpatialKind(
        Op.PAD, beforeAfter.length / 2, beforeAfter, new long[0], channelsLast);
  }

  /**
   * @param beforeAfter (before, after) per spatial axis, in axis order
   */
  public static Dl4jSpatialKind cropping(long[] beforeAfter, boolean channelsLast) {
    return new Dl4jSpatialKind(
        Op.CROP, beforeAfter.length / 2, beforeAfter, new long[0], channelsLast);
  }

  public static Dl4jSpatialKind spaceToDepth(long block, boolean channelsLast) {
    return new Dl4jSpatialKind(
        Op.SPACE_TO_DEPTH, 2, new long[] {block, block}, new long[0], channelsLast);
  }

  /**
   * @param padding (top, bottom, left, right)
   */
  public static Dl4jSpatialKind spaceToBatch(long[] blocks, long[] padding, boolean channelsLast) {
    return new Dl4jSpatialKind(Op.SPACE_TO_BATCH, 2, blocks, padding, channelsLast);
  }

  @Override
  protected Shape output(Shape input) {
    if (input.rank() != spatial + 2) {
      throw new ShapeException("expects a rank-" + (spatial + 2) + " input, got " + input);
    }
    Shape out = input;
    int first = Dl4jChannels.firstSpatial(channelsLast);
    for (int i = 0; i < spatial; i++) {
      Long length = input.dim(first + i);
      Long resized;
      switch (op) {
        case UPSAMPLE:
          resized = DimensionArithmetic.multiply(length, values[i]);
          break;
        case PAD:
          resized = DimensionArithmetic.add(length, Checked.add(values[2 * i], values[2 * i + 1]));
          break;
        case CROP:
          resized = DimensionArithmetic.add(length, -Checked.add(values[2 * i], values[2 * i + 1]));
          break;
        case SPACE_TO_BATCH:
          resized =
              divide(
                  DimensionArithmetic.add(length, Checked.add(padding[2 * i], padding[2 * i + 1])),
                  values[i]);
          break;
        default:
          resized = divide(length, values[i]);
      }
      out = out.withDim(first + i, resized);
    }
    long blocks = 1;
    for (long v : values) {
      blocks = Checked.multiply(blocks, v);
    }
    if (op == Op.SPACE_TO_DEPTH) {
      int c = Dl4jChannels.axis(input, channelsLast);
      out = out.withDim(c, DimensionArithmetic.multiply(input.dim(c), blocks));
    } else if (op == Op.SPACE_TO_BATCH) {
      out = out.withDim(0, DimensionArithmetic.multiply(input.dim(0), blocks));
    }
    return out;
  }

  private static Long divide(Long length, long block) {
    if (length == null) {
      return null;
    }
    if (length % block != 0) {
      throw new ShapeException(
          "a length of " + length + " is not divisible by the block size " + block);
    }
    return length / block;
  }

  @Override
  public List<WeightSpec> configuredWeights() {
    return List.of();
  }
}
