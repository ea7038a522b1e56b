package io.modelaudit.ir.layers.dl4j;

import io.modelaudit.ir.Checked;
import io.modelaudit.ir.ConfiguredWeights;
import io.modelaudit.ir.Shape;
import io.modelaudit.ir.ShapeException;
import io.modelaudit.ir.SingleInputKind;
import io.modelaudit.ir.WeightSpec;
import java.util.List;

/**
 * DL4J input preprocessors, which reshape activations between layer families. The sizes they record
 * (height, width, channels) are checked against the incoming activation.
 */
public final class Dl4jPreprocessorKind extends SingleInputKind implements ConfiguredWeights {
  public enum Op {
    CNN_TO_FEED_FORWARD,
    FEED_FORWARD_TO_CNN,
    RNN_TO_FEED_FORWARD,
    FEED_FORWARD_TO_RNN,
    CNN_TO_RNN,
    /** CnnToRnnPreProcessor on rows that are the examples (nothing folded steps in): one step. */
    CNN_TO_RNN_ONE_STEP,
    RNN_TO_CNN,
    CNN3D_TO_FEED_FORWARD,
    /** CnnToFeedForwardPreProcessor with format NHWC (1.0.0-beta7+): channels on the last axis. */
    CNN_CHANNELS_LAST_TO_FEED_FORWARD,
    /** Cnn3DToFeedForwardPreProcessor with ncdhw false: channels on the last axis. */
    CNN3D_CHANNELS_LAST_TO_FEED_FORWARD,
    /** FeedForwardToCnn3DPreProcessor: spatial d, h, w; NCDHW. */
    FEED_FORWARD_TO_CNN3D,
    /** The same, NDHWC. */
    FEED_FORWARD_TO_CNN3D_CHANNELS_LAST,
    /** ReshapePreprocessor: spatial holds the target shape without the minibatch. */
    RESHAPE,
    /** PermutePreprocessor: spatial holds the axes, without the minibatch (Keras) or with it. */
    PERMUTE,
    /** KerasFlattenRnnPreprocessor: every axis after the minibatch into one. */
    FLATTEN,
    IDENTITY
  }

  private final Op op;

  /** Spatial sizes then channels, as recorded (0 = not recorded). */
  private final long[] spatial;

  private final long channels;
  private final List<Dl4jPreprocessorKind> chain;

  public Dl4jPreprocessorKind(Op op, long[] spatial, long channels) {
    this(op, spatial, channels, List.of());
  }

  private Dl4jPreprocessorKind(
      Op op, long[] spatial, long channels, List<Dl4jPreprocessorKind> chain) {
    this.op = op;
    this.spatial = spatial.clone();
    this.channels = channels;
    this.chain = List.copyOf(chain);
  }

  /** ComposableInputPreProcessor: the preprocessors applied in order. */
  public static Dl4jPreprocessorKind compose(List<Dl4jPreprocessorKind> chain) {
    return new Dl4jPreprocessorKind(Op.IDENTITY, new long[0], 0, chain);
  }

  public Shape apply(Shape input) {
    Shape s = output(input);
    for (Dl4jPreprocessorKind p : chain) {
      s = p.apply(s);
    }
    return s;
  }

  @Override
  protected Shape output(Shape input) {
    switch (op) {
      case CNN3D_TO_FEED_FORWARD:
        {
          if (input.rank() == 2) {
            return input;
          }
          requireRank(input, 5);
          // DL4J checks the channels only and flattens what comes: recorded depth, height and width
          // may be wrong (Deconvolution3D's output type is), a wrong product shows at the next
          // layer
          checkRecorded(input, 1, channels, "channels");
          return Shape.of(input.dim(0), product(input.subShape(1, 5), recordedSize()));
        }
      case CNN_TO_FEED_FORWARD:
        {
          int rank = spatial.length + 2;
          if (input.rank() == 2) {
            return input;
          }
          if (input.rank() != rank) {
            throw new ShapeException(
                "the preprocessor expects a rank-" + rank + " input, got " + input);
          }
          checkRecorded(input, 1, channels, "channels");
          for (int i = 0; i < spatial.length; i++) {
            checkRecorded(input, 2 + i, spatial[i], "size");
          }
          return Shape.of(input.dim(0), product(input.subShape(1, rank), recordedSize()));
        }
      case CNN_CHANNELS_LAST_TO_FEED_FORWARD:
        {
          if (input.rank() == 2) {
            return input;
          }
          requireRank(input, 4);
          for (int i = 0; i < spatial.length; i++) {
            checkRecorded(input, 1 + i, spatial[i], "size");
          }
          checkRecorded(input, 3, channels, "channels");
          return Shape.of(input.dim(0), product(input.subShape(1, 4), recordedSize()));
        }
      case CNN3D_CHANNELS_LAST_TO_FEED_FORWARD:
        {
          if (input.rank() == 2) {
            return input;
          }
          requireRank(input, 5);
          checkRecorded(input, 4, channels, "channels");
          return Shape.of(input.dim(0), product(input.subShape(1, 5), recordedSize()));
        }
      case FEED_FORWARD_TO_CNN:
        {
          Long n = input.rank() == 2 ? input.dim(1) : null;
          if (n != null && n != recordedSize()) {
            throw new ShapeException(
                "the preprocessor reshapes to "
                    + channels
                    + "×"
                    + spatial[0]
                    + "×"
                    + spatial[1]
                    + " = "
                    + recordedSize()
                    + " values, its input "
                    + input
                    + " has "
                    + n);
          }
          return Shape.of(input.dim(0), channels, spatial[0], spatial[1]);
        }
      case RNN_TO_FEED_FORWARD:
        // DL4J passes a rank-2 input through (it inserts this preprocessor after a
        // GlobalPoolingLayer
        // whose recorded type it left recurrent, and the network runs).
        if (input.rank() == 2) {
          return input;
        }
        requireRank(input, 3);
        return Shape.of((Long) null, input.dim(1));
      case FEED_FORWARD_TO_RNN:
        requireRank(input, 2);
        // spatial holds the step count when the rows are known to be the examples (T = 1)
        return Shape.of(null, input.dim(1), spatial.length == 1 ? (Long) spatial[0] : null);
      case CNN_TO_RNN:
      case CNN_TO_RNN_ONE_STEP:
        requireRank(input, 4);
        checkRecorded(input, 1, channels, "channels");
        checkRecorded(input, 2, spatial[0], "height");
        checkRecorded(input, 3, spatial[1], "width");
        // DL4J divides the rows by the minibatch: rows that are the examples give one time step
        return Shape.of(
            null,
            product(input.subShape(1, 4), recordedSize()),
            op == Op.CNN_TO_RNN_ONE_STEP ? (Long) 1L : null);
      case RNN_TO_CNN:
        requireRank(input, 3);
        return Shape.of(null, channels, spatial[0], spatial[1]);
      case FEED_FORWARD_TO_CNN3D:
      case FEED_FORWARD_TO_CNN3D_CHANNELS_LAST:
        return feedForwardToCnn3d(input);
      case RESHAPE:
        return reshape(input);
      case PERMUTE:
        return permute(input);
      case FLATTEN:
        {
          Shape features = input.subShape(1, input.rank());
          return Shape.of(
              input.dim(0), features.isFullyKnown() ? (Long) features.size() : (Long) null);
        }
      default:
        return input;
    }
  }

  /** DL4J passes a rank-5 input through; a vector must hold exactly c·d·h·w values. */
  private Shape feedForwardToCnn3d(Shape input) {
    if (input.rank() == 5) {
      return input;
    }
    requireRank(input, 2);
    Long n = input.dim(1);
    if (n != null && n != recordedSize()) {
      throw new ShapeException(
          "the preprocessor reshapes to "
              + recordedSize()
              + " values, its input "
              + input
              + " has "
              + n);
    }
    return op == Op.FEED_FORWARD_TO_CNN3D
        ? Shape.of(input.dim(0), channels, spatial[0], spatial[1], spatial[2])
        : Shape.of(input.dim(0), spatial[0], spatial[1], spatial[2], channels);
  }

  private Shape reshape(Shape input) {
    long target = 1;
    for (long d : spatial) {
      target = Checked.multiply(target, d);
    }
    Shape features = input.subShape(1, input.rank());
    if (features.isFullyKnown() && features.size() != target) {
      throw new ShapeException(
          "the preprocessor reshapes to "
              + java.util.Arrays.toString(spatial)
              + " ("
              + target
              + " values), its input "
              + input
              + " has "
              + features.size());
    }
    java.util.List<Long> dims = new java.util.ArrayList<>();
    dims.add(input.dim(0));
    for (long d : spatial) {
      dims.add(d);
    }
    return Shape.of(dims);
  }

  /** Keras' axes count from 1 after the minibatch; DL4J puts the minibatch axis 0 in front. */
  private Shape permute(Shape input) {
    long[] axes = spatial;
    if (axes.length + 1 == input.rank()) {
      axes = new long[input.rank()];
      System.arraycopy(spatial, 0, axes, 1, spatial.length);
    }
    if (axes.length != input.rank()) {
      throw new ShapeException(
          "the preprocessor permutes "
              + java.util.Arrays.toString(spatial)
              + ", its input "
              + input
              + " has rank "
              + input.rank());
    }
    java.util.List<Long> dims = new java.util.ArrayList<>();
    boolean[] used = new boolean[axes.length];
    for (long a : axes) {
      if (a < 0 || a >= axes.length || used[(int) a]) {
        throw new ShapeException(
            "the preprocessor's axes "
                + java.util.Arrays.toString(spatial)
                + " are no permutation");
      }
      used[(int) a] = true;
      dims.add(input.dim((int) a));
    }
    return Shape.of(dims);
  }

  private long recordedSize() {
    long n = channels;
    for (long s : spatial) {
      n = Checked.multiply(n, s);
    }
    return n;
  }

  private static Long product(Shape features, long recorded) {
    return features.isFullyKnown() ? features.size() : recorded > 0 ? recorded : null;
  }

  private static void checkRecorded(Shape input, int axis, long recorded, String what) {
    Long actual = input.dim(axis);
    if (recorded > 0 && actual != null && actual != recorded) {
      throw new ShapeException(
          "the preprocessor records "
              + what
              + " "
              + recorded
              + " but its input "
              + input
              + " has "
              + actual);
    }
  }

  private static void requireRank(Shape input, int rank) {
    if (input.rank() != rank) {
      throw new ShapeException("the preprocessor expects a rank-" + rank + " input, got " + input);
    }
  }

  @Override
  public List<WeightSpec> configuredWeights() {
    return List.of();
  }
}
