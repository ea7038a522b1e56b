package io.modelaudit.cost;

import static io.modelaudit.cost.CostQuery.n;

import io.modelaudit.ir.Checked;
import io.modelaudit.ir.layers.BatchNormKind;
import io.modelaudit.ir.layers.GroupNormKind;
import io.modelaudit.ir.layers.LayerNormKind;
import io.modelaudit.ir.layers.NormalizationKind;
import io.modelaudit.ir.layers.RmsNormKind;
import io.modelaudit.ir.layers.dl4j.Dl4jBatchNormKind;

/**
 * Normalisations do no multiply-accumulates (MACs 0); their FLOPs are per output element. Batch
 * normalisation at inference applies the stored statistics folded into one scale and one shift: 2.
 * Normalization (preprocessing) subtracts the mean and divides by the deviation: 2. Layer and group
 * normalisation compute their statistics from the example: mean 1, variance 2, normalise 2, scale
 * and shift 2: 7. RMS normalisation: square-and-sum 2, scale by the root 1, gain 1: 4.
 */
final class NormalizationCosts {
  private NormalizationCosts() {}

  static final long BATCH_NORM = 2;
  static final long LAYER_NORM = 7;
  static final long RMS_NORM = 4;

  static void register(CostRules.Registry r) {
    r.add(BatchNormKind.class, (k, q) -> perElement(q, BATCH_NORM, "scale and shift"));
    r.add(Dl4jBatchNormKind.class, (k, q) -> perElement(q, BATCH_NORM, "scale and shift"));
    r.add(NormalizationKind.class, (k, q) -> perElement(q, 2, "subtract and divide"));
    r.add(LayerNormKind.class, (k, q) -> perElement(q, LAYER_NORM, "statistics, normalise, scale"));
    r.add(GroupNormKind.class, (k, q) -> perElement(q, LAYER_NORM, "statistics, normalise, scale"));
    r.add(RmsNormKind.class, (k, q) -> perElement(q, RMS_NORM, "root mean square, scale"));
  }

  /** {@code each} FLOPs per output element, plus one for the layer's own activation. */
  static LayerCost perElement(CostQuery q, long each, String what) {
    long elements = q.outputElements();
    long flops = Checked.add(Checked.multiply(elements, each), q.biasAndActivation(false));
    return LayerCost.elementwise(
        flops, n(elements) + " elements × " + each + " (" + what + ") = " + n(flops));
  }
}
