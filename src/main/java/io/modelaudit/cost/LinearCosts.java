package io.modelaudit.cost;

import static io.modelaudit.cost.CostQuery.n;

import io.modelaudit.ir.Checked;
import io.modelaudit.ir.Shape;
import io.modelaudit.ir.UnknownDimensionException;
import io.modelaudit.ir.layers.DenseKind;
import io.modelaudit.ir.layers.DotKind;
import io.modelaudit.ir.layers.EinsumDenseKind;
import io.modelaudit.ir.layers.HighwayKind;
import io.modelaudit.ir.layers.MaxoutDenseKind;
import io.modelaudit.ir.layers.dl4j.Dl4jDenseKind;

/**
 * Matrix products on the last axis: every input vector meets the whole kernel once, so MACs =
 * vectors × kernel elements (Dense: positions × in × units; EinsumDense: output elements × the
 * contracted axes). FLOPs = 2 × MACs + 1 per output element for a bias + 1 for an activation.
 */
final class LinearCosts {
  private LinearCosts() {}

  static void register(CostRules.Registry r) {
    r.add(DenseKind.class, (k, q) -> perVector(q, q.outputElements() / k.units(), "kernel"));
    r.add(
        EinsumDenseKind.class,
        (k, q) -> {
          Shape kernel = q.weight("kernel").shape();
          long contracted = kernel.size() / k.kernelOutputSize(kernel);
          long macs = Checked.multiply(q.outputElements(), contracted);
          return LayerCost.of(
              macs,
              ConvolutionCosts.flops(macs, q, q.hasWeight("bias")),
              n(q.outputElements()) + " outputs × " + n(contracted) + " contracted = " + n(macs));
        });
    r.add(
        HighwayKind.class,
        (k, q) -> {
          long vectors = CostQuery.positions(q.input());
          long macs = Checked.multiply(vectors, q.weightSize("W") + q.weightSize("W_carry"));
          // Bias adds and the two gates' mixing y = t·h + (1 − t)·x: 2 + 3 per element.
          long extra = Checked.multiply(q.outputElements(), q.hasWeight("b") ? 5 : 3);
          return LayerCost.of(
              macs,
              Checked.add(Checked.multiply(2, macs), extra),
              n(vectors) + " vectors × (W + W_carry) = " + n(macs));
        });
    r.add(
        MaxoutDenseKind.class,
        (k, q) -> {
          long vectors = CostQuery.positions(q.input());
          long macs = Checked.multiply(vectors, q.weightSize("W"));
          // The max over the pieces: one comparison per piece output.
          long pieces = q.weight("W").shape().dim(0);
          long extra = Checked.multiply(q.outputElements(), q.hasWeight("b") ? 2 * pieces : pieces);
          return LayerCost.of(
              macs,
              Checked.add(Checked.multiply(2, macs), extra),
              n(vectors) + " vectors × W " + n(q.weightSize("W")) + " = " + n(macs));
        });
    r.add(
        Dl4jDenseKind.class,
        (k, q) -> {
          if (q.weight("W").shape().rank() == 1) {
            // ElementWiseMultiplicationLayer: one product per element.
            long macs = q.outputElements();
            return LayerCost.of(
                macs, ConvolutionCosts.flops(macs, q, true), n(macs) + " element products");
          }
          return perVector(q, q.outputElements() / k.nOut(), "W");
        });
    r.add(
        DotKind.class,
        (k, q) -> {
          Shape a = q.inputs().get(0);
          Long contracted = a.dim(Math.floorMod(k.axis1(), a.rank()));
          if (contracted == null) {
            throw new UnknownDimensionException("the contracted axis of " + a + " is unknown");
          }
          long macs = Checked.multiply(q.outputElements(), contracted);
          return LayerCost.of(
              macs,
              Checked.multiply(2, macs),
              n(q.outputElements()) + " outputs × " + contracted + " = " + n(macs));
        });
  }

  private static LayerCost perVector(CostQuery q, long vectors, String kernel) {
    long size = q.weightSize(kernel);
    long macs = Checked.multiply(vectors, size);
    return LayerCost.of(
        macs,
        ConvolutionCosts.flops(macs, q, q.hasWeight("bias") || q.hasWeight("b")),
        vectors == 1
            ? kernel + " " + n(size) + " = " + n(macs)
            : n(vectors) + " vectors × " + kernel + " " + n(size) + " = " + n(macs));
  }
}
