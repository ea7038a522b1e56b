package io.modelaudit.ir.layers;

import io.modelaudit.ir.LayerKind;
import io.modelaudit.ir.Shape;
import io.modelaudit.ir.ShapeException;
import io.modelaudit.ir.ShapeSteps;
import io.modelaudit.ir.UnknownDimensionException;
import io.modelaudit.ir.WeightSpec;
import java.util.ArrayList;
import java.util.List;

/**
 * Dot-product (Luong) and additive (Bahdanau) attention over [query, value(, key)]: the output has
 * the query's shape with the value's last axis; the scores are (…, Tq, Tv). Weights are scalars or
 * one per query feature.
 */
public final class AttentionKind implements LayerKind {
  private final boolean additive;
  private final boolean useScale;
  private final boolean concatScore;
  private final boolean returnScores;

  private AttentionKind(
      boolean additive, boolean useScale, boolean concatScore, boolean returnScores) {
    this.additive = additive;
    this.useScale = useScale;
    this.concatScore = concatScore;
    this.returnScores = returnScores;
  }

  /**
   * Attention: a scalar {@code scale}; {@code score_mode="concat"} adds a scalar {@code
   * concat_score_weight}.
   */
  public static AttentionKind dot(boolean useScale, boolean concatScore, boolean returnScores) {
    return new AttentionKind(false, useScale, concatScore, returnScores);
  }

  /** AdditiveAttention: {@code scale} of shape (query features,). */
  public static AttentionKind additive(boolean useScale, boolean returnScores) {
    return new AttentionKind(true, useScale, false, returnScores);
  }

  private static void check(List<Shape> inputs) {
    if (inputs.size() < 2 || inputs.size() > 3) {
      throw new ShapeException(
          "attention expects [query, value] or [query, value, key], got "
              + inputs.size()
              + " inputs");
    }
    for (Shape s : inputs) {
      if (s.rank() < 2) {
        throw new ShapeException("attention inputs need a rank of 2 or more, got " + s);
      }
    }
  }

  /** AdditiveAttention (Bahdanau) rather than dot-product attention. */
  public boolean additive() {
    return additive;
  }

  @Override
  public List<Shape> outputShapes(List<Shape> inputs) {
    check(inputs);
    Shape query = inputs.get(0);
    Shape value = inputs.get(1);
    Shape key = inputs.size() == 3 ? inputs.get(2) : value;
    Shape out = query.withDim(-1, value.dim(-1));
    ShapeSteps.add(
        () ->
            "the query's shape with the value's last axis ("
                + ShapeSteps.dim(value.dim(-1))
                + ")"
                + (returnScores ? "; scores: the query's shape with the key's steps" : ""));
    if (!returnScores) {
      return List.of(out);
    }
    return List.of(out, query.withDim(-1, key.dim(-2)));
  }

  @Override
  public List<WeightSpec> weights(List<Shape> inputs) {
    check(inputs);
    List<WeightSpec> w = new ArrayList<>();
    if (useScale && additive) {
      Long dim = inputs.get(0).dim(-1);
      if (dim == null) {
        throw new UnknownDimensionException(
            "query features (last axis of " + inputs.get(0) + ") are unknown");
      }
      w.add(WeightSpec.trainable("scale", dim));
    } else if (useScale) {
      w.add(WeightSpec.trainable("scale", Shape.of()));
    }
    if (concatScore) {
      w.add(WeightSpec.trainable("concat_score_weight", Shape.of()));
    }
    return w;
  }
}
