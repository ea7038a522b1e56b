package io.modelaudit.ir.layers;

import io.modelaudit.ir.LayerKind;
import io.modelaudit.ir.Shape;
import io.modelaudit.ir.ShapeException;
import io.modelaudit.ir.WeightSpec;
import java.util.ArrayList;
import java.util.List;

/**
 * Keras 3 ReversibleEmbedding: an Embedding that a call with {@code reverse=True} runs backwards,
 * from (…, output_dim) vectors to (…, input_dim) logits, through the transposed table (tied) or a
 * {@code reverse_embeddings} (output_dim, input_dim) weight of its own.
 */
public final class ReversibleEmbeddingKind implements LayerKind {
  private final EmbeddingKind embedding;
  private final long inputDim;
  private final long outputDim;
  private final boolean tieWeights;
  private final List<Boolean> reverseCalls;

  /**
   * @param reverseCalls per call of the layer, in order, whether it passes {@code reverse=True}
   */
  public ReversibleEmbeddingKind(
      EmbeddingKind embedding,
      long inputDim,
      long outputDim,
      boolean tieWeights,
      List<Boolean> reverseCalls) {
    this.embedding = embedding;
    this.inputDim = inputDim;
    this.outputDim = outputDim;
    this.tieWeights = tieWeights;
    this.reverseCalls = List.copyOf(reverseCalls);
  }

  @Override
  public List<Shape> outputShapes(List<Shape> inputs) {
    return outputShapes(inputs, 0);
  }

  @Override
  public List<Shape> outputShapes(List<Shape> inputs, int call) {
    if (call >= reverseCalls.size() || !reverseCalls.get(call)) {
      return embedding.outputShapes(inputs);
    }
    Shape in = LayerKind.single(inputs);
    Long features = in.dim(-1);
    if (features != null && features != outputDim) {
      throw new ShapeException(
          "a reverse call multiplies by the ("
              + outputDim
              + ", "
              + inputDim
              + ") reverse table, but the input is "
              + in);
    }
    return List.of(in.withDim(-1, inputDim));
  }

  @Override
  public List<WeightSpec> weights(List<Shape> inputs) {
    List<WeightSpec> w = new ArrayList<>(embedding.weights(inputs));
    if (!tieWeights) {
      w.add(WeightSpec.trainable("reverse_embeddings", outputDim, inputDim));
    }
    return w;
  }
}
