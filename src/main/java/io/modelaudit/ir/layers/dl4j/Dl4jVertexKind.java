package io.modelaudit.ir.layers.dl4j;

import io.modelaudit.ir.Checked;
import io.modelaudit.ir.ConfiguredWeights;
import io.modelaudit.ir.InvalidConfigException;
import io.modelaudit.ir.LayerKind;
import io.modelaudit.ir.Shape;
import io.modelaudit.ir.ShapeException;
import io.modelaudit.ir.WeightSpec;
import io.modelaudit.ir.arithmetic.DimensionArithmetic;
import java.util.ArrayList;
import java.util.List;

/**
 * Weightless ComputationGraph vertices whose output shape is not simply the input's: Subset
 * (features {@code from}..{@code to} inclusive), Stack / Unstack (along the batch axis), L2
 * (distance of two inputs, [mb, 1]), PoolHelper (drops the first row and column),
 * DuplicateToTimeSeries ([mb, n] → [mb, n, T], T from the network input it names, given as a second
 * input) and Reshape.
 */
public final class Dl4jVertexKind implements LayerKind, ConfiguredWeights {
  private enum Op {
    SUBSET,
    STACK,
    UNSTACK,
    L2,
    POOL_HELPER,
    DUPLICATE_TO_TIME_SERIES,
    REVERSE_TIME_SERIES,
    RESHAPE
  }

  private final Op op;
  private final long a;
  private final long b;
  private final long[] newShape;

  private Dl4jVertexKind(Op op, long a, long b, long[] newShape) {
    this.op = op;
    this.a = a;
    this.b = b;
    this.newShape = newShape;
  }

  /** True for L2Vertex, the one vertex here that computes (a distance) rather than moves data. */
  public boolean distance() {
    return op == Op.L2;
  }

  public static Dl4jVertexKind subset(long from, long to) {
    if (from < 0 || to < from) {
      throw new InvalidConfigException(
          "SubsetVertex range " + from + ".." + to + " is empty or negative");
    }
    return new Dl4jVertexKind(Op.SUBSET, from, to, null);
  }

  public static Dl4jVertexKind stack() {
    return new Dl4jVertexKind(Op.STACK, 0, 0, null);
  }

  public static Dl4jVertexKind unstack(long from, long stackSize) {
    if (stackSize < 1 || from < 0 || from >= stackSize) {
      throw new InvalidConfigException("UnstackVertex from " + from + " of " + stackSize);
    }
    return new Dl4jVertexKind(Op.UNSTACK, from, stackSize, null);
  }

  public static Dl4jVertexKind l2() {
    return new Dl4jVertexKind(Op.L2, 0, 0, null);
  }

  public static Dl4jVertexKind poolHelper() {
    return new Dl4jVertexKind(Op.POOL_HELPER, 0, 0, null);
  }

  public static Dl4jVertexKind duplicateToTimeSeries() {
    return new Dl4jVertexKind(Op.DUPLICATE_TO_TIME_SERIES, 0, 0, null);
  }

  /** ReverseTimeSeriesVertex: a time series, its steps in reverse order. */
  public static Dl4jVertexKind reverseTimeSeries() {
    return new Dl4jVertexKind(Op.REVERSE_TIME_SERIES, 0, 0, null);
  }

  /**
   * @param newShape the target shape including the minibatch axis (-1: inferred)
   */
  public static Dl4jVertexKind reshape(long[] newShape) {
    return new Dl4jVertexKind(Op.RESHAPE, 0, 0, newShape.clone());
  }

  @Override
  public List<Shape> outputShapes(List<Shape> inputs) {
    switch (op) {
      case SUBSET:
        {
          Shape in = LayerKind.single(inputs);
          Long n = in.rank() < 2 ? null : in.dim(1);
          if (n != null && b >= n) {
            throw new ShapeException(
                "SubsetVertex takes features " + a + ".." + b + " of an input with " + n);
          }
          return List.of(in.withDim(1, b - a + 1));
        }
      case STACK:
        {
          Shape first = inputs.get(0);
          Long batch = first.dim(0);
          for (Shape s : inputs.subList(1, inputs.size())) {
            if (!s.subShape(1, s.rank()).equals(first.subShape(1, first.rank()))) {
              throw new ShapeException("StackVertex inputs differ: " + first + " and " + s);
            }
            batch = batch == null || s.dim(0) == null ? null : Checked.add(batch, s.dim(0));
          }
          return List.of(first.withDim(0, batch));
        }
      case UNSTACK:
        {
          Shape in = LayerKind.single(inputs);
          Long batch = in.dim(0);
          return List.of(in.withDim(0, batch == null ? null : batch / b));
        }
      case L2:
        if (inputs.size() != 2) {
          throw new ShapeException("L2Vertex takes 2 inputs, got " + inputs.size());
        }
        return List.of(Shape.of(inputs.get(0).dim(0), 1L));
      case POOL_HELPER:
        {
          Shape in = LayerKind.single(inputs);
          if (in.rank() != 4) {
            throw new ShapeException("PoolHelperVertex expects [mb, c, h, w], got " + in);
          }
          return List.of(
              in.withDim(2, DimensionArithmetic.add(in.dim(2), -1))
                  .withDim(3, DimensionArithmetic.add(in.dim(3), -1)));
        }
      case REVERSE_TIME_SERIES:
        {
          Shape in = LayerKind.single(inputs);
          if (in.rank() != 3) {
            throw new ShapeException(
                "ReverseTimeSeriesVertex expects a time series [mb, n, T], got " + in);
          }
          return List.of(in);
        }
      case DUPLICATE_TO_TIME_SERIES:
        {
          // A second input, when given, is the network input the vertex names: DL4J repeats to its
          // time length (its axis 2, whatever its format).
          if (inputs.isEmpty() || inputs.size() > 2) {
            throw new ShapeException(
                "DuplicateToTimeSeriesVertex takes one input (and the named network input), got "
                    + inputs.size());
          }
          Shape in = inputs.get(0);
          if (in.rank() != 2) {
            throw new ShapeException("DuplicateToTimeSeriesVertex expects [mb, n], got " + in);
          }
          Shape named = inputs.size() == 2 ? inputs.get(1) : null;
          if (named != null && named.rank() != 3) {
            throw new ShapeException(
                "DuplicateToTimeSeriesVertex repeats to a time series' length, its named input is "
                    + named);
          }
          return List.of(in.append(named == null ? null : named.dim(2)));
        }
      default:
        return List.of(reshaped(LayerKind.single(inputs)));
    }
  }

  private Shape reshaped(Shape in) {
    List<Long> dims = new ArrayList<>();
    int unknown = -1;
    long known = 1;
    for (int i = 0; i < newShape.length; i++) {
      if (newShape[i] == -1 && unknown < 0) {
        unknown = i;
        dims.add(null);
      } else if (newShape[i] < 1) {
        throw new InvalidConfigException(
            "ReshapeVertex newShape " + java.util.Arrays.toString(newShape));
      } else {
        dims.add(newShape[i]);
        if (i > 0) {
          known = Checked.multiply(known, newShape[i]);
        }
      }
    }
    Shape features = in.subShape(1, in.rank());
    if (features.isFullyKnown() && unknown != 0) {
      long size = features.size();
      if (unknown < 0 ? size != known : size % known != 0) {
        throw new ShapeException(
            "cannot reshape " + in + " to " + java.util.Arrays.toString(newShape));
      }
      if (unknown > 0) {
        dims.set(unknown, size / known);
      }
    }
    if (dims.get(0) != null && in.dim(0) == null) {
      dims.set(0, null);
    }
    return Shape.of(dims);
  }

  @Override
  public List<WeightSpec> configuredWeights() {
    return List.of();
  }
}
