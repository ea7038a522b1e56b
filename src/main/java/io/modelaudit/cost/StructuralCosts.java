package io.modelaudit.cost;

import static io.modelaudit.cost.CostQuery.n;

import io.modelaudit.ir.Checked;
import io.modelaudit.ir.LayerKind;
import io.modelaudit.ir.NestedModelKind;
import io.modelaudit.ir.Shape;
import io.modelaudit.ir.layers.AdaptivePoolingKind;
import io.modelaudit.ir.layers.CategoryCrossingKind;
import io.modelaudit.ir.layers.ConcatenateKind;
import io.modelaudit.ir.layers.EmbeddingKind;
import io.modelaudit.ir.layers.EncodingKind;
import io.modelaudit.ir.layers.FlattenKind;
import io.modelaudit.ir.layers.FrozenKind;
import io.modelaudit.ir.layers.InputKind;
import io.modelaudit.ir.layers.MelSpectrogramKind;
import io.modelaudit.ir.layers.OpaqueOpKind;
import io.modelaudit.ir.layers.PermuteKind;
import io.modelaudit.ir.layers.PipelineKind;
import io.modelaudit.ir.layers.PositionEmbeddingKind;
import io.modelaudit.ir.layers.RandomCropKind;
import io.modelaudit.ir.layers.RepeatVectorKind;
import io.modelaudit.ir.layers.ReshapeKind;
import io.modelaudit.ir.layers.ResizeKind;
import io.modelaudit.ir.layers.ReversibleEmbeddingKind;
import io.modelaudit.ir.layers.SpatialPaddingKind;
import io.modelaudit.ir.layers.SpectralNormKind;
import io.modelaudit.ir.layers.StftSpectrogramKind;
import io.modelaudit.ir.layers.TextVectorizationKind;
import io.modelaudit.ir.layers.TimeDistributedKind;
import io.modelaudit.ir.layers.TokenAndPositionEmbeddingKind;
import io.modelaudit.ir.layers.UnknownAxisKind;
import io.modelaudit.ir.layers.UpSamplingKind;
import io.modelaudit.ir.layers.dl4j.Dl4jCapsuleKind;
import io.modelaudit.ir.layers.dl4j.Dl4jChannelCheckKind;
import io.modelaudit.ir.layers.dl4j.Dl4jEmbeddingKind;
import io.modelaudit.ir.layers.dl4j.Dl4jLastTimeStepKind;
import io.modelaudit.ir.layers.dl4j.Dl4jOcnnKind;
import io.modelaudit.ir.layers.dl4j.Dl4jPreprocessedKind;
import io.modelaudit.ir.layers.dl4j.Dl4jPreprocessorKind;
import io.modelaudit.ir.layers.dl4j.Dl4jRepeatVectorKind;
import io.modelaudit.ir.layers.dl4j.Dl4jSpatialKind;
import io.modelaudit.ir.layers.dl4j.Dl4jTimeDistributedKind;
import io.modelaudit.ir.layers.dl4j.Dl4jVariationalAutoencoderKind;
import io.modelaudit.ir.layers.dl4j.Dl4jWeightlessKind;
import java.util.List;

/**
 * Layers that move, copy or look up data (0, with the reason), wrappers that run another layer's
 * rule (its cost, times the steps it runs), and layers whose cost is not modelled (unknown).
 */
final class StructuralCosts {
  private StructuralCosts() {}

  private static final String MOVES = "moves or copies data: no arithmetic";
  private static final String LOOKUP = "a table lookup: no arithmetic";

  static void register(CostRules.Registry r) {
    for (Class<? extends LayerKind> k :
        List.of(
            ReshapeKind.class,
            FlattenKind.class,
            PermuteKind.class,
            RepeatVectorKind.class,
            SpatialPaddingKind.class,
            ConcatenateKind.class,
            RandomCropKind.class,
            UpSamplingKind.class,
            Dl4jPreprocessorKind.class,
            Dl4jRepeatVectorKind.class,
            Dl4jSpatialKind.class)) {
      zero(r, k, MOVES);
    }
    zero(r, InputKind.class, "the model's input");
    zero(r, UnknownAxisKind.class, "random resizing: the identity at inference");
    zero(r, EmbeddingKind.class, LOOKUP);
    zero(r, PositionEmbeddingKind.class, LOOKUP + " (the caller adds the vectors)");
    zero(r, EncodingKind.class, "encodes categories: no arithmetic");
    zero(r, CategoryCrossingKind.class, "hashes categories: no arithmetic");
    zero(r, TextVectorizationKind.class, "splits and looks up strings: no arithmetic");
    r.add(
        Dl4jEmbeddingKind.class,
        (k, q) ->
            q.hasWeight("b") || q.activates()
                ? LayerCost.elementwise(q.biasAndActivation(q.hasWeight("b")), "lookup, then bias")
                    .withReason(LOOKUP)
                : LayerCost.zero(LOOKUP));
    r.add(
        TokenAndPositionEmbeddingKind.class,
        (k, q) -> {
          long flops = q.outputElements();
          return LayerCost.elementwise(flops, "two lookups, added: " + n(flops));
        });
    r.add(ReversibleEmbeddingKind.class, StructuralCosts::reversible);
    r.add(
        AdaptivePoolingKind.class,
        (k, q) -> LayerCost.elementwise(q.inputElements(), n(q.inputElements()) + " inputs × 1"));
    r.add(
        Dl4jChannelCheckKind.class,
        (k, q) ->
            q.activates()
                ? ElementwiseCosts.identity(q)
                : LayerCost.zero("computes the loss, in training only"));
    r.add(
        Dl4jWeightlessKind.class,
        (k, q) -> {
          LayerCost inner = CostRules.cost(q.with(k.rule(), q.inputs(), q.outputs()));
          return k.rule() instanceof io.modelaudit.ir.layers.IdentityKind
              ? ElementwiseCosts.identity(q)
              : inner;
        });
    unknown(r, OpaqueOpKind.class, "runs code the audit does not interpret");
    unknown(r, NestedModelKind.class, "a nested model: its layers are counted");
    unknown(r, ResizeKind.class, "interpolation: its cost depends on the method, not modelled");
    unknown(r, MelSpectrogramKind.class, "spectrograms: no cost rule");
    unknown(r, StftSpectrogramKind.class, "spectrograms: no cost rule");
    unknown(r, Dl4jCapsuleKind.class, "capsule routing: no cost rule");
    unknown(r, Dl4jOcnnKind.class, "one-class network: no cost rule");
    unknown(r, Dl4jVariationalAutoencoderKind.class, "variational autoencoder: no cost rule");
    r.add(FrozenKind.class, (k, q) -> inner(k.inner(), q, q.inputs()));
    r.add(SpectralNormKind.class, (k, q) -> inner(k.inner(), q, q.inputs()));
    r.add(
        TimeDistributedKind.class,
        (k, q) -> {
          Shape in = q.input();
          long steps = RecurrentCosts.steps(in);
          return inner(k.inner(), q, List.of(TimeDistributedKind.step(in))).times(steps, "steps");
        });
    r.add(
        Dl4jLastTimeStepKind.class,
        (k, q) ->
            k.inner() == null
                ? LayerCost.zero(MOVES)
                : inner(k.inner(), q, q.inputs()).withReason("the last step is kept"));
    r.add(Dl4jPreprocessedKind.class, (k, q) -> adapted(k.layer(), k.layerInputs(q.inputs()), q));
    r.add(
        Dl4jTimeDistributedKind.class, (k, q) -> adapted(k.layer(), k.layerInputs(q.inputs()), q));
    r.add(
        PipelineKind.class,
        (k, q) -> {
          List<Shape> shapes = q.inputs();
          LayerCost total = LayerCost.zero(null);
          for (LayerKind stage : k.stages()) {
            List<Shape> out = stage.outputShapes(shapes);
            total = total.plus(CostRules.cost(q.with(stage, shapes, out)));
            shapes = out;
          }
          return total;
        });
  }

  private static LayerCost inner(LayerKind kind, CostQuery q, List<Shape> inputs) {
    return CostRules.cost(q.with(kind, inputs, kind.outputShapes(inputs)));
  }

  /**
   * A DL4J layer run on reshaped inputs: a preprocessor may fold time steps into the batch ([mb, n,
   * T] → [mb·T, n]), so the layer runs (elements per example) / (elements per row) times per
   * example.
   */
  private static LayerCost adapted(LayerKind layer, List<Shape> inputs, CostQuery q) {
    LayerCost one = inner(layer, q, inputs);
    long original = q.inputElements();
    long seen = CostQuery.perExample(inputs.get(0));
    if (seen == 0 || original == seen) {
      return one;
    }
    return one.times(original / seen, "rows");
  }

  private static LayerCost reversible(ReversibleEmbeddingKind k, CostQuery q) {
    if (q.output().rank() != q.input().rank()) {
      return LayerCost.zero(LOOKUP);
    }
    // The reverse call projects each vector onto the vocabulary: a Dense with the table.
    long positions = CostQuery.positions(q.input());
    long table = q.weightSize("embeddings");
    long macs = Checked.multiply(positions, table);
    return LayerCost.of(
        macs,
        Checked.multiply(2, macs),
        n(positions) + " vectors × table " + n(table) + " = " + n(macs));
  }

  private static <K extends LayerKind> void zero(
      CostRules.Registry r, Class<K> kind, String reason) {
    r.add(kind, (k, q) -> LayerCost.zero(reason));
  }

  private static <K extends LayerKind> void unknown(
      CostRules.Registry r, Class<K> kind, String reason) {
    r.add(kind, (k, q) -> LayerCost.unknown(reason));
  }
}
