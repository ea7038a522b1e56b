package io.modelaudit.ir.layers;

import io.modelaudit.ir.Shape;
import io.modelaudit.ir.SingleInputKind;
import io.modelaudit.ir.WeightSpec;
import java.util.List;

/**
 * keras-hub's (keras-nlp's) PositionEmbedding: one learned vector per position, {@code embeddings}
 * of shape (sequence_length, features), added by the caller; the output has the input's shape.
 */
public final class PositionEmbeddingKind extends SingleInputKind {
  private final long sequenceLength;

  public PositionEmbeddingKind(long sequenceLength) {
    this.sequenceLength = sequenceLength;
  }

  @Override
  protected Shape output(Shape input) {
    return input;
  }

  @Override
  protected List<WeightSpec> weights(Shape input) {
    return List.of(
        WeightSpec.trainable("embeddings", sequenceLength, known(input, -1, "input features")));
  }
}
