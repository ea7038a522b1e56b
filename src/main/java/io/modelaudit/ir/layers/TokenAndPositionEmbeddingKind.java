package io.modelaudit.ir.layers;

import io.modelaudit.ir.Shape;
import io.modelaudit.ir.SingleInputKind;
import io.modelaudit.ir.WeightSpec;
import java.util.ArrayList;
import java.util.List;

/**
 * keras-hub's (keras-nlp's) TokenAndPositionEmbedding: token ids (any shape) to vectors of {@code
 * embedding_dim}. A token embedding (vocabulary_size, embedding_dim), its reverse (embedding_dim,
 * vocabulary_size) when {@code tie_weights} is off, and a position embedding (sequence_length,
 * embedding_dim).
 */
public final class TokenAndPositionEmbeddingKind extends SingleInputKind {
  private final long vocabularySize;
  private final long sequenceLength;
  private final long embeddingDim;
  private final boolean tieWeights;

  public TokenAndPositionEmbeddingKind(
      long vocabularySize, long sequenceLength, long embeddingDim, boolean tieWeights) {
    this.vocabularySize = vocabularySize;
    this.sequenceLength = sequenceLength;
    this.embeddingDim = embeddingDim;
    this.tieWeights = tieWeights;
  }

  @Override
  protected Shape output(Shape input) {
    return input.append(embeddingDim);
  }

  @Override
  protected List<WeightSpec> weights(Shape input) {
    List<WeightSpec> w = new ArrayList<>();
    w.add(WeightSpec.trainable("token_embedding/embeddings", vocabularySize, embeddingDim));
    if (!tieWeights) {
      w.add(
          WeightSpec.trainable("token_embedding/reverse_embeddings", embeddingDim, vocabularySize));
    }
    w.add(WeightSpec.trainable("position_embedding/embeddings", sequenceLength, embeddingDim));
    return w;
  }
}
