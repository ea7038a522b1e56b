package io.modelaudit.ir.layers;

import io.modelaudit.ir.LayerKind;
import io.modelaudit.ir.Shape;
import io.modelaudit.ir.ShapeException;
import io.modelaudit.ir.UnknownDimensionException;
import io.modelaudit.ir.WeightSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Keras 3 GroupQueryAttention (class GroupedQueryAttention) over {@code [query, value, key?]}, each
 * (batch, length, features). Its sub-layers are EinsumDense projections: query (and the optional
 * sigmoid gate) to {@code num_query_heads × head_dim}, key and value to {@code num_key_value_heads
 * × head_dim}, and the output back to the query's features. Keras' rule returns the query's shape,
 * plus (batch, num_query_heads, query length, key length) attention scores when asked.
 */
public final class GroupQueryAttentionKind implements LayerKind {
  private final long headDim;
  private final long queryHeads;
  private final long keyValueHeads;
  private final boolean useBias;
  private final boolean useGate;
  private final boolean returnScores;

  public GroupQueryAttentionKind(
      long headDim,
      long queryHeads,
      long keyValueHeads,
      boolean useBias,
      boolean useGate,
      boolean returnScores) {
    this.headDim = headDim;
    this.queryHeads = queryHeads;
    this.keyValueHeads = keyValueHeads;
    this.useBias = useBias;
    this.useGate = useGate;
    this.returnScores = returnScores;
  }

  private static List<Shape> sequences(List<Shape> inputs) {
    if (inputs.size() < 2 || inputs.size() > 3) {
      throw new ShapeException(
          "expects query, value and an optional key, got " + inputs.size() + " inputs");
    }
    for (Shape s : inputs) {
      if (s.rank() != 3) {
        throw new ShapeException(
            "expects (batch, length, features) for query, value and key, got " + s);
      }
    }
    return inputs;
  }

  private static Shape key(List<Shape> inputs) {
    return inputs.size() == 3 ? inputs.get(2) : inputs.get(1);
  }

  @Override
  public List<Shape> outputShapes(List<Shape> inputs) {
    sequences(inputs);
    Shape query = inputs.get(0);
    Shape value = inputs.get(1);
    Shape key = key(inputs);
    if (query.dim(-1) != null
        && value.dim(-1) != null
        && !Objects.equals(query.dim(-1), value.dim(-1))) {
      throw new ShapeException(
          "the query's features " + query + " and the value's " + value + " must be equal");
    }
    if (value.dim(1) != null && key.dim(1) != null && !Objects.equals(value.dim(1), key.dim(1))) {
      throw new ShapeException(
          "the value " + value + " and the key " + key + " must have the same length");
    }
    List<Shape> out = new ArrayList<>();
    out.add(query);
    if (returnScores) {
      out.add(Shape.of(query.dim(0), queryHeads, query.dim(1), key.dim(1)));
    }
    return out;
  }

  @Override
  public List<WeightSpec> weights(List<Shape> inputs) {
    sequences(inputs);
    long queryFeatures = features(inputs.get(0), "query");
    long valueFeatures = features(inputs.get(1), "value");
    long keyFeatures = features(key(inputs), "key");
    List<WeightSpec> w = new ArrayList<>();
    projection(w, "query", queryFeatures, queryHeads);
    projection(w, "key", keyFeatures, keyValueHeads);
    if (useGate) {
      projection(w, "gate", queryFeatures, queryHeads);
    }
    projection(w, "value", valueFeatures, keyValueHeads);
    w.add(WeightSpec.trainable("attention_output/kernel", queryHeads, headDim, queryFeatures));
    if (useBias) {
      w.add(WeightSpec.trainable("attention_output/bias", queryFeatures));
    }
    return w;
  }

  private void projection(List<WeightSpec> w, String name, long features, long heads) {
    w.add(WeightSpec.trainable(name + "/kernel", features, heads, headDim));
    if (useBias) {
      w.add(WeightSpec.trainable(name + "/bias", heads, headDim));
    }
  }

  private static long features(Shape s, String what) {
    Long d = s.dim(-1);
    if (d == null) {
      throw new UnknownDimensionException(
          "the " + what + "'s features (last axis of " + s + ") are unknown");
    }
    return d;
  }
}
