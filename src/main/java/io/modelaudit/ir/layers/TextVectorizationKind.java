package io.modelaudit.ir.layers;

import io.modelaudit.ir.Shape;
import io.modelaudit.ir.ShapeException;
import io.modelaudit.ir.SingleInputKind;

/**
 * TextVectorization (Keras 3.15 {@code compute_output_shape}): token indices are (batch,
 * output_sequence_length), whatever the input's rank; encodings first add a token axis (unknown
 * when the text is split, 1 for unsplit scalars) and then place a {@code depth} axis as
 * StringLookup does. No weights.
 */
public final class TextVectorizationKind extends SingleInputKind {
  private final Long sequenceLength;
  private final boolean split;
  private final EncodingKind lookup;

  /**
   * @param sequenceLength output_sequence_length (int mode), null when not set
   * @param lookup the encoding of the token axis, null for int mode
   */
  public TextVectorizationKind(Long sequenceLength, boolean split, EncodingKind lookup) {
    this.sequenceLength = sequenceLength;
    this.split = split;
    this.lookup = lookup;
  }

  @Override
  protected Shape output(Shape input) {
    if (input.rank() == 0) {
      throw new ShapeException("expects a batch of strings, got a scalar");
    }
    if (lookup == null) {
      return Shape.of(input.dim(0), sequenceLength);
    }
    Shape tokens = split ? input.append(null) : input.rank() <= 1 ? input.append(1L) : input;
    return lookup.outputShapes(java.util.List.of(tokens)).get(0);
  }
}
