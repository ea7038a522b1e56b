package io.modelaudit.ir.layers.dl4j;

import io.modelaudit.ir.Checked;
import io.modelaudit.ir.ConfiguredWeights;
import io.modelaudit.ir.InvalidConfigException;
import io.modelaudit.ir.LayerKind;
import io.modelaudit.ir.Shape;
import io.modelaudit.ir.ShapeException;
import io.modelaudit.ir.WeightSpec;
import java.util.ArrayList;
import java.util.List;

/**
 * DL4J's dot-product attention on NCW sequences [mb, size, T]: SelfAttentionLayer,
 * LearnedSelfAttentionLayer (nQueries learned queries: the output has nQueries steps),
 * RecurrentAttentionLayer and AttentionVertex (queries, keys, values; one input serves as all
 * three). Projected, each head has Wq, Wk, Wv [nHeads, headSize, size] and Wo [nHeads·headSize,
 * nOut]; all sizes come from the configuration, in the order DL4J stores them.
 */
public final class Dl4jAttentionKind implements LayerKind, ConfiguredWeights {
  private final long[] sizesIn;
  private final long nOut;
  private final Long queries;
  private final List<WeightSpec> params;

  private Dl4jAttentionKind(long[] sizesIn, long nOut, Long queries, List<WeightSpec> params) {
    this.sizesIn = sizesIn.clone();
    this.nOut = nOut;
    this.queries = queries;
    this.params = List.copyOf(params);
  }

  /** SelfAttentionLayer: [mb, nIn, T] → [mb, nOut, T]; without projection nIn must equal nOut. */
  public static Dl4jAttentionKind self(
      long nIn, long nOut, long nHeads, long headSize, boolean project) {
    return new Dl4jAttentionKind(
        new long[] {nIn}, nOut, null, projections(nIn, nIn, nIn, nOut, nHeads, headSize, project));
  }

  /** LearnedSelfAttentionLayer: Q [1, nIn, nQueries] first; [mb, nIn, T] → [mb, nOut, nQueries]. */
  public static Dl4jAttentionKind learned(
      long nIn, long nOut, long nHeads, long headSize, boolean project, long nQueries) {
    List<WeightSpec> w = new ArrayList<>();
    w.add(WeightSpec.trainable("Q", 1, nIn, nQueries));
    w.addAll(projections(nIn, nIn, nIn, nOut, nHeads, headSize, project));
    return new Dl4jAttentionKind(new long[] {nIn}, nOut, nQueries, w);
  }

  /**
   * RecurrentAttentionLayer: W [nIn, nOut], RW [nOut, nOut], the projections (queries from the
   * previous output, nOut wide), then b [nOut].
   */
  public static Dl4jAttentionKind recurrent(
      long nIn, long nOut, long nHeads, long headSize, boolean project, boolean hasBias) {
    List<WeightSpec> w = new ArrayList<>();
    w.add(WeightSpec.trainable("W", nIn, nOut));
    w.add(WeightSpec.trainable("RW", nOut, nOut));
    if (project) {
      w.addAll(projections(nOut, nIn, nIn, nOut, nHeads, headSize, true));
    }
    if (hasBias) {
      w.add(WeightSpec.trainable("b", nOut));
    }
    return new Dl4jAttentionKind(new long[] {nIn}, nOut, null, w);
  }

  /**
   * AttentionVertex: queries [mb, nInQueries, Tq], keys and values [mb, n, Tk] → [mb, nOut, Tq];
   * without projection the output has the values' size.
   */
  public static Dl4jAttentionKind vertex(
      long nInQueries,
      long nInKeys,
      long nInValues,
      long nOut,
      long nHeads,
      long headSize,
      boolean project) {
    return new Dl4jAttentionKind(
        new long[] {nInQueries, nInKeys, nInValues},
        project ? nOut : nInValues,
        null,
        projections(nInQueries, nInKeys, nInValues, nOut, nHeads, headSize, project));
  }

  private static List<WeightSpec> projections(
      long q, long k, long v, long nOut, long nHeads, long headSize, boolean project) {
    if (!project) {
      if (nHeads > 1) {
        throw new InvalidConfigException(
            "attention without projection needs 1 head, got " + nHeads);
      }
      if (v != nOut) {
        throw new InvalidConfigException(
            "attention without projection needs nIn = nOut, got " + v + " and " + nOut);
      }
      return List.of();
    }
    long hs = headSize > 0 ? headSize : nOut / Math.max(1, nHeads);
    return List.of(
        WeightSpec.trainable("Wq", nHeads, hs, q),
        WeightSpec.trainable("Wk", nHeads, hs, k),
        WeightSpec.trainable("Wv", nHeads, hs, v),
        WeightSpec.trainable("Wo", Checked.multiply(nHeads, hs), nOut));
  }

  @Override
  public List<Shape> outputShapes(List<Shape> inputs) {
    if (sizesIn.length == 1) {
      Shape in = LayerKind.single(inputs);
      Dl4jChannels.requireChannels(in, 3, false, sizesIn[0], "the attention layer");
      return List.of(Shape.of(in.dim(0), nOut, queries != null ? queries : in.dim(2)));
    }
    if (inputs.size() != 1 && inputs.size() != 3) {
      throw new ShapeException(
          "AttentionVertex takes queries, keys and values (or one input for all), got "
              + inputs.size());
    }
    Shape q = inputs.get(0);
    Shape k = inputs.get(inputs.size() == 1 ? 0 : 1);
    Shape v = inputs.get(inputs.size() == 1 ? 0 : 2);
    String[] what = {"queries", "keys", "values"};
    Shape[] all = {q, k, v};
    for (int i = 0; i < 3; i++) {
      if (sizesIn[i] > 0) {
        Dl4jChannels.requireChannels(all[i], 3, false, sizesIn[i], "the " + what[i]);
      }
    }
    Long tk = k.dim(2);
    Long tv = v.dim(2);
    if (tk != null && tv != null && !tk.equals(tv)) {
      throw new ShapeException("keys " + k + " and values " + v + " differ in length");
    }
    return List.of(Shape.of(q.dim(0), nOut, q.dim(2)));
  }

  @Override
  public List<WeightSpec> weights(List<Shape> inputs) {
    return params;
  }

  @Override
  public List<WeightSpec> configuredWeights() {
    return params;
  }
}
