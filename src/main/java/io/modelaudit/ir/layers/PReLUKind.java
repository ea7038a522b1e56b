package io.modelaudit.ir.layers;

import io.modelaudit.ir.Shape;
import io.modelaudit.ir.SingleInputKind;
import io.modelaudit.ir.WeightSpec;
import java.util.List;
import java.util.Set;

/** PReLU: one learned slope per element of the non-batch shape, shared along {@code sharedAxes}. */
public final class PReLUKind extends SingleInputKind {
  private final Set<Integer> sharedAxes;

  /**
   * @param sharedAxes 1-based axes of the batched input (Keras convention)
   */
  public PReLUKind(Set<Integer> sharedAxes) {
    this.sharedAxes = Set.copyOf(sharedAxes);
  }

  @Override
  protected Shape output(Shape input) {
    return input;
  }

  @Override
  protected List<WeightSpec> weights(Shape input) {
    Shape alpha = input.tail();
    for (int i = 1; i < input.rank(); i++) {
      if (sharedAxes.contains(i)) {
        alpha = alpha.withDim(i - 1, 1L);
      } else {
        known(input, i, "PReLU slope axis");
      }
    }
    return List.of(WeightSpec.trainable("alpha", alpha));
  }
}
