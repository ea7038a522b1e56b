package io.modelaudit.ir.layers;

import io.modelaudit.ir.LayerKind;
import io.modelaudit.ir.Shape;
import io.modelaudit.ir.ShapeException;
import java.util.List;

/**
 * Keras' categorical preprocessing layers (CategoryEncoding, Discretization, Hashing,
 * HashedCrossing, IntegerLookup, StringLookup): indices keep the input's shape, encodings put a
 * {@code depth}-sized axis where each class's {@code compute_output_shape} puts it. No weights.
 */
public final class EncodingKind implements LayerKind {

  /** Where the encoded axis goes, one value per placement Keras 3.15 uses. */
  public enum Placement {
    /** {@code output_mode="int"}: the input's shape. */
    SAME,
    /** The last axis becomes depth (a scalar becomes {@code (depth,)}). */
    REPLACE_LAST,
    /**
     * One-hot of lookups, Discretization and CategoryEncoding: a last axis of 1 (rank above 1) is
     * replaced by depth, otherwise depth is appended.
     */
    ONE_HOT,
    /** HashedCrossing's one-hot: a last axis of 1 is replaced (any rank), otherwise appended. */
    ONE_HOT_ANY_RANK,
    /**
     * Discretization's multi_hot and count: the second axis goes and depth is appended ({@code
     * (depth,)} below rank 2).
     */
    DROP_SECOND
  }

  private final Placement placement;
  private final Long depth;
  private final int minInputs;

  /**
   * @param depth the encoded axis' size, null when the file does not say (a vocabulary not saved in
   *     the configuration)
   * @param minInputs 1, or 2 for HashedCrossing (whose output follows its first input)
   */
  public EncodingKind(Placement placement, Long depth, int minInputs) {
    this.placement = placement;
    this.depth = depth;
    this.minInputs = minInputs;
  }

  @Override
  public List<Shape> outputShapes(List<Shape> inputs) {
    if (inputs.size() < minInputs || (minInputs == 1 && inputs.size() != 1)) {
      throw new ShapeException(
          "expects "
              + (minInputs == 1 ? "1 input tensor" : "at least " + minInputs + " input tensors")
              + ", got "
              + inputs.size());
    }
    return List.of(encode(inputs.get(0)));
  }

  private Shape encode(Shape in) {
    int rank = in.rank();
    boolean lastIsOne = rank > 0 && Long.valueOf(1).equals(in.dim(-1));
    switch (placement) {
      case SAME:
        return in;
      case REPLACE_LAST:
        return rank == 0 ? Shape.of(depth) : in.withDim(-1, depth);
      case ONE_HOT:
        return rank > 1 && lastIsOne ? in.withDim(-1, depth) : in.append(depth);
      case ONE_HOT_ANY_RANK:
        return lastIsOne ? in.withDim(-1, depth) : in.append(depth);
      case DROP_SECOND:
        return rank < 2 ? Shape.of(depth) : in.withoutDim(1).append(depth);
      default:
        throw new IllegalStateException(placement.name());
    }
  }
}
