package io.modelaudit.ir.layers;

import io.modelaudit.ir.Shape;
import io.modelaudit.ir.WeightSpec;
import java.util.List;

/**
 * Keras 3 low-rank adaptation ({@code lora_rank}): the original kernel is frozen and two trainable
 * factors are added, {@code *_a} of shape (kernel's input dims…, r) and {@code *_b} of (r, out).
 */
final class LoRA {
  private LoRA() {}

  /** The adapted kernel: trainable without LoRA, frozen with it. */
  static WeightSpec kernel(String name, Shape shape, long rank) {
    return rank > 0 ? WeightSpec.nonTrainable(name, shape) : WeightSpec.trainable(name, shape);
  }

  /** {@code prefix_a} (inputDims…, r) and {@code prefix_b} (r, out), or nothing without LoRA. */
  static List<WeightSpec> factors(String prefix, Shape inputDims, long out, long rank) {
    if (rank <= 0) {
      return List.of();
    }
    // A .keras archive stores the kernel with the LoRA update merged in, and not the factors.
    return List.of(
        WeightSpec.trainable(prefix + "_a", inputDims.append(rank)).asFoldedOnSave(),
        WeightSpec.trainable(prefix + "_b", rank, out).asFoldedOnSave());
  }
}
