package io.modelaudit.cost;

import static io.modelaudit.cost.CostQuery.n;

import io.modelaudit.ir.Checked;
import io.modelaudit.ir.Shape;
import io.modelaudit.ir.UnknownDimensionException;
import io.modelaudit.ir.WeightSpec;
import io.modelaudit.ir.layers.AttentionKind;
import io.modelaudit.ir.layers.GroupQueryAttentionKind;
import io.modelaudit.ir.layers.MultiHeadAttentionKind;
import io.modelaudit.ir.layers.TransformerBlockKind;
import io.modelaudit.ir.layers.dl4j.Dl4jAttentionKind;

/**
 * Attention: the projections (each a Dense over its sequence: positions × kernel elements), the
 * scores (every query position against every key position, over all heads' key dims: Tq · Tk ·
 * heads · key_dim) and the weighted sum of the values (Tq · Tv · heads · value_dim). Sequence
 * lengths are every axis between the batch and the features (the default attention axes). FLOPs = 2
 * × MACs + the projections' bias adds + 5 per score for the scaling and the softmax (max, exp, sum,
 * divide).
 */
final class AttentionCosts {
  private AttentionCosts() {}

  /** Scaling and softmax, per score: scale, subtract max, exp, sum, divide. */
  static final long SOFTMAX = 5;

  static void register(CostRules.Registry r) {
    r.add(
        MultiHeadAttentionKind.class,
        (k, q) -> projected(q, "", q.inputs().get(0), key(q), q.inputs().get(1)));
    r.add(
        GroupQueryAttentionKind.class,
        (k, q) -> projected(q, "", q.inputs().get(0), key(q), q.inputs().get(1)));
    r.add(AttentionKind.class, AttentionCosts::plain);
    r.add(TransformerBlockKind.class, AttentionCosts::transformer);
    r.add(Dl4jAttentionKind.class, AttentionCosts::dl4j);
  }

  private static Shape key(CostQuery q) {
    return q.inputs().size() > 2 ? q.inputs().get(2) : q.inputs().get(1);
  }

  /**
   * Projections named {@code prefix + query/kernel} …, then scores and weighted sum, for inputs in
   * Keras' (batch, positions…, features) layout.
   */
  static LayerCost projected(CostQuery q, String prefix, Shape query, Shape key, Shape value) {
    long tq = CostQuery.positions(query);
    long tk = CostQuery.positions(key);
    long tv = CostQuery.positions(value);
    long macs = 0;
    long biasFlops = 0;
    for (WeightSpec w : q.weights()) {
      if (!w.name().startsWith(prefix)) {
        continue;
      }
      String name = w.name().substring(prefix.length());
      long positions =
          name.startsWith("key/")
              ? tk
              : name.startsWith("value/")
                  ? tv
                  : name.startsWith("query/")
                          || name.startsWith("gate/")
                          || name.startsWith("attention_output/")
                      ? tq
                      : -1;
      if (positions < 0) {
        continue;
      }
      if (name.endsWith("/kernel")) {
        macs = Checked.add(macs, Checked.multiply(positions, w.size()));
      } else if (name.endsWith("/bias")) {
        biasFlops = Checked.add(biasFlops, Checked.multiply(positions, w.size()));
      }
    }
    Shape queryKernel = q.weight(prefix + "query/kernel").shape();
    Shape outputKernel = q.weight(prefix + "attention_output/kernel").shape();
    long heads = queryKernel.dim(1);
    long keyWidth = queryKernel.size() / queryKernel.dim(0);
    long valueWidth = outputKernel.size() / outputKernel.dim(-1);
    long projections = macs;
    long scores = Checked.multiply(Checked.multiply(tq, tk), keyWidth);
    long weighted = Checked.multiply(Checked.multiply(tq, tv), valueWidth);
    macs = Checked.add(macs, Checked.add(scores, weighted));
    long softmax = Checked.multiply(SOFTMAX, Checked.multiply(heads, Checked.multiply(tq, tk)));
    long flops = Checked.add(Checked.multiply(2, macs), Checked.add(biasFlops, softmax));
    return LayerCost.of(
        macs,
        flops,
        "projections "
            + n(projections)
            + " + scores "
            + tq
            + "·"
            + tk
            + "·"
            + keyWidth
            + " + weighted sum "
            + tq
            + "·"
            + tv
            + "·"
            + valueWidth
            + " = "
            + n(macs));
  }

  /** Attention and AdditiveAttention: no projections; query (…, Tq, d), value (…, Tv, dv). */
  private static LayerCost plain(AttentionKind k, CostQuery q) {
    Shape query = q.inputs().get(0);
    Shape value = q.inputs().get(1);
    long tq = CostQuery.positions(query);
    long tv = CostQuery.positions(value);
    long d = last(query);
    long dv = last(value);
    long scores = Checked.multiply(Checked.multiply(tq, tv), d);
    long macs = Checked.add(scores, Checked.multiply(Checked.multiply(tq, tv), dv));
    long extra = Checked.multiply(SOFTMAX, Checked.multiply(tq, tv));
    if (k.additive()) {
      // tanh(q + k) before the scale-and-sum: an add and a tanh per score term.
      extra = Checked.add(extra, Checked.multiply(2, scores));
    }
    return LayerCost.of(
        macs,
        Checked.add(Checked.multiply(2, macs), extra),
        "scores "
            + tq
            + "·"
            + tv
            + "·"
            + d
            + " + weighted sum "
            + tq
            + "·"
            + tv
            + "·"
            + dv
            + " = "
            + n(macs));
  }

  /**
   * keras-hub TransformerEncoder / TransformerDecoder: self-attention (and cross-attention), the
   * two feedforward Dense layers, 7 FLOPs per element for each layer norm and 1 for each residual
   * add.
   */
  private static LayerCost transformer(TransformerBlockKind k, CostQuery q) {
    Shape x = q.inputs().get(0);
    String self =
        q.hasWeight("self_attention/query/kernel") ? "self_attention/" : "self_attention_layer/";
    LayerCost cost = projected(q, self, x, x, x);
    int blocks = 2;
    if (q.hasWeight("cross_attention/query/kernel") && q.inputs().size() == 2) {
      Shape encoder = q.inputs().get(1);
      cost = cost.plus(projected(q, "cross_attention/", x, encoder, encoder));
      blocks = 3;
    }
    long positions = CostQuery.positions(x);
    long dense =
        Checked.multiply(
            positions,
            Checked.add(
                q.weightSize("feedforward_intermediate_dense/kernel"),
                q.weightSize("feedforward_output_dense/kernel")));
    long elements = CostQuery.perExample(x);
    long intermediate = q.weight("feedforward_intermediate_dense/bias").size();
    long elementwise =
        Checked.add(
            Checked.multiply(elements, blocks * (NormalizationCosts.LAYER_NORM + 1) + 1),
            Checked.multiply(positions, 2 * intermediate));
    return cost.plus(
        LayerCost.of(
            dense,
            Checked.add(Checked.multiply(2, dense), elementwise),
            "feedforward " + n(dense)));
  }

  private static LayerCost dl4j(Dl4jAttentionKind k, CostQuery q) {
    if (q.hasWeight("RW")) {
      return LayerCost.unknown(
          "RecurrentAttentionLayer: no cost rule for its per-step attention yet");
    }
    // DL4J's layout: [mb, features, T].
    Shape query = q.inputs().get(0);
    Shape key = q.inputs().size() == 3 ? q.inputs().get(1) : query;
    Shape value = q.inputs().size() == 3 ? q.inputs().get(2) : query;
    long tk = time(key);
    long tv = time(value);
    long tq = q.hasWeight("Q") ? q.weight("Q").shape().dim(2) : time(query);
    if (!q.hasWeight("Wq")) {
      long d = features(key);
      long dv = features(value);
      long macs =
          Checked.add(Checked.multiply(tq * tk, d), Checked.multiply(Checked.multiply(tq, tv), dv));
      return LayerCost.of(
          macs,
          Checked.add(Checked.multiply(2, macs), Checked.multiply(SOFTMAX, tq * tk)),
          "scores and weighted sum without projections = " + n(macs));
    }
    Shape wq = q.weight("Wq").shape();
    long heads = wq.dim(0);
    long width = wq.dim(0) * wq.dim(1);
    long projections =
        Checked.add(
            Checked.add(
                Checked.multiply(tq, q.weightSize("Wq")), Checked.multiply(tk, q.weightSize("Wk"))),
            Checked.add(
                Checked.multiply(tv, q.weightSize("Wv")),
                Checked.multiply(tq, q.weightSize("Wo"))));
    long attention =
        Checked.add(
            Checked.multiply(Checked.multiply(tq, tk), width),
            Checked.multiply(Checked.multiply(tq, tv), width));
    long macs = Checked.add(projections, attention);
    long softmax = Checked.multiply(SOFTMAX, Checked.multiply(heads, Checked.multiply(tq, tk)));
    return LayerCost.of(
        macs,
        Checked.add(Checked.multiply(2, macs), softmax),
        "projections "
            + n(projections)
            + " + scores and weighted sum "
            + n(attention)
            + " = "
            + n(macs));
  }

  private static long last(Shape s) {
    Long d = s.dim(-1);
    if (d == null) {
      throw new UnknownDimensionException("the features (last axis of " + s + ") are unknown");
    }
    return d;
  }

  private static long time(Shape s) {
    Long d = s.dim(2);
    if (d == null) {
      throw new UnknownDimensionException("the sequence length (axis 2 of " + s + ") is unknown");
    }
    return d;
  }

  private static long features(Shape s) {
    Long d = s.dim(1);
    if (d == null) {
      throw new UnknownDimensionException("the features (axis 1 of " + s + ") are unknown");
    }
    return d;
  }
}
