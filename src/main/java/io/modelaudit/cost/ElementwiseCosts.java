package io.modelaudit.cost;

import static io.modelaudit.cost.CostQuery.n;

import io.modelaudit.ir.Checked;
import io.modelaudit.ir.Shape;
import io.modelaudit.ir.layers.BroadcastOpKind;
import io.modelaudit.ir.layers.ElementwiseMergeKind;
import io.modelaudit.ir.layers.GlobalPoolingKind;
import io.modelaudit.ir.layers.IdentityKind;
import io.modelaudit.ir.layers.LayerScaleKind;
import io.modelaudit.ir.layers.PReLUKind;
import io.modelaudit.ir.layers.PoolingKind;
import io.modelaudit.ir.layers.dl4j.Dl4jGlobalPoolingKind;
import io.modelaudit.ir.layers.dl4j.Dl4jPReLUKind;
import io.modelaudit.ir.layers.dl4j.Dl4jSubsamplingKind;
import io.modelaudit.ir.layers.dl4j.Dl4jVertexKind;

/**
 * Element-wise layers do no multiply-accumulates (MACs 0). FLOPs: an activation function 1 per
 * element, whatever the function; a merge of n inputs n − 1 per output element (Average's division
 * not counted); PReLU 2 (compare, multiply); LayerScale 1; pooling one per window element per
 * output element (comparisons or adds); global pooling one per input element. Dropout, noise and
 * masking are the identity at inference: 0.
 */
final class ElementwiseCosts {
  private ElementwiseCosts() {}

  static void register(CostRules.Registry r) {
    r.add(IdentityKind.class, (k, q) -> identity(q));
    r.add(ElementwiseMergeKind.class, (k, q) -> merge(q));
    r.add(BroadcastOpKind.class, (k, q) -> merge(q));
    r.add(PReLUKind.class, (k, q) -> NormalizationCosts.perElement(q, 2, "compare, multiply"));
    r.add(Dl4jPReLUKind.class, (k, q) -> NormalizationCosts.perElement(q, 2, "compare, multiply"));
    r.add(LayerScaleKind.class, (k, q) -> NormalizationCosts.perElement(q, 1, "multiply"));
    r.add(PoolingKind.class, (k, q) -> window(q, k.windowSize()));
    r.add(Dl4jSubsamplingKind.class, (k, q) -> window(q, k.windowSize()));
    r.add(GlobalPoolingKind.class, (k, q) -> global(q));
    r.add(Dl4jGlobalPoolingKind.class, (k, q) -> global(q));
    r.add(
        Dl4jVertexKind.class,
        (k, q) -> {
          if (!k.distance()) {
            return LayerCost.zero("moves data: no arithmetic");
          }
          // L2Vertex: subtract, square-and-sum per input element, one root per example.
          long flops = Checked.add(Checked.multiply(3, q.inputElements()), 1);
          return LayerCost.elementwise(flops, "3 × " + n(q.inputElements()) + " + 1 = " + n(flops));
        });
  }

  static LayerCost identity(CostQuery q) {
    if (!q.activates()) {
      return LayerCost.zero("the identity at inference (dropout, noise, masking)");
    }
    long flops = q.outputElements();
    return LayerCost.elementwise(
        flops, n(flops) + " elements × 1 (" + q.activation() + ") = " + n(flops));
  }

  private static LayerCost merge(CostQuery q) {
    long out = q.outputElements();
    long flops = Checked.multiply(out, Math.max(0, q.inputs().size() - 1));
    if (q.inputs().size() == 1) {
      return LayerCost.zero("one input: nothing to combine");
    }
    return LayerCost.elementwise(
        flops, n(out) + " elements × " + (q.inputs().size() - 1) + " = " + n(flops));
  }

  private static LayerCost window(CostQuery q, long window) {
    long out = q.outputElements();
    long flops = Checked.multiply(out, window);
    return LayerCost.elementwise(flops, n(out) + " outputs × window " + window + " = " + n(flops));
  }

  private static LayerCost global(CostQuery q) {
    Shape in = q.input();
    long flops = CostQuery.perExample(in);
    return LayerCost.elementwise(flops, n(flops) + " input elements × 1");
  }
}
