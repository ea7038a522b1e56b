package io.modelaudit.ir.layers.dl4j;

import io.modelaudit.ir.ConfiguredWeights;
import io.modelaudit.ir.Formulas;
import io.modelaudit.ir.Shape;
import io.modelaudit.ir.ShapeException;
import io.modelaudit.ir.ShapeSteps;
import io.modelaudit.ir.SingleInputKind;
import io.modelaudit.ir.WeightSpec;
import java.util.ArrayList;
import java.util.List;

/**
 * DL4J EmbeddingLayer ([mb, 1] indices → [mb, nOut]) and EmbeddingSequenceLayer ([mb, T] or [mb, 1,
 * T] → [mb, nOut, T]): W [nIn, nOut] (nIn = vocabulary size), b [nOut] when {@code hasBias}.
 */
public final class Dl4jEmbeddingKind extends SingleInputKind implements ConfiguredWeights {
  private final long nIn;
  private final long nOut;
  private final boolean hasBias;
  private final boolean sequence;
  private final long inputLength;

  /**
   * @param inputLength EmbeddingSequenceLayer's configured sequence length, 0 when not set
   */
  public Dl4jEmbeddingKind(
      long nIn, long nOut, boolean hasBias, boolean sequence, long inputLength) {
    this.nIn = nIn;
    this.nOut = nOut;
    this.hasBias = hasBias;
    this.sequence = sequence;
    this.inputLength = inputLength;
  }

  @Override
  protected Shape output(Shape input) {
    ShapeSteps.add(
        () ->
            sequence
                ? "each index of the sequence becomes nOut = " + nOut + " features: [mb, nOut, T]"
                : "the index becomes nOut = " + nOut + " features: [mb, nOut]");
    if (!sequence) {
      if (input.rank() != 2) {
        throw new ShapeException("EmbeddingLayer expects indices [mb, 1], got " + input);
      }
      return Shape.of(input.dim(0), nOut);
    }
    if (input.rank() != 2 && input.rank() != 3) {
      throw new ShapeException(
          "EmbeddingSequenceLayer expects indices [mb, T] or [mb, 1, T], got " + input);
    }
    Long steps = input.dim(input.rank() - 1);
    if (steps == null && inputLength > 0) {
      steps = inputLength;
    }
    return Shape.of(input.dim(0), nOut, steps);
  }

  @Override
  protected List<WeightSpec> weights(Shape input) {
    List<WeightSpec> w = new ArrayList<>();
    w.add(WeightSpec.trainable("W", nIn, nOut));
    if (hasBias) {
      w.add(WeightSpec.trainable("b", nOut));
    }
    return w;
  }

  @Override
  public String formula(List<Shape> inputs, List<WeightSpec> weights) {
    return nIn
        + " × "
        + nOut
        + (hasBias ? " + " + nOut : "")
        + " = "
        + Formulas.number(Formulas.total(weights));
  }

  @Override
  public List<WeightSpec> configuredWeights() {
    return weights((Shape) null);
  }
}
