package io.modelaudit.ir.layers;

import io.modelaudit.ir.LayerKind;
import io.modelaudit.ir.Shape;
import io.modelaudit.ir.WeightBucket;
import io.modelaudit.ir.WeightSpec;
import java.util.ArrayList;
import java.util.List;

/**
 * A frozen layer ({@code trainable: false} on itself, on the layer a wrapper holds, or on a model
 * it sits in): the same rules, with every weight counted as non-trainable.
 */
public final class FrozenKind implements LayerKind {
  private final LayerKind inner;

  public FrozenKind(LayerKind inner) {
    this.inner = inner;
  }

  public LayerKind inner() {
    return inner;
  }

  @Override
  public List<Shape> outputShapes(List<Shape> inputs) {
    return inner.outputShapes(inputs);
  }

  @Override
  public List<WeightSpec> weights(List<Shape> inputs) {
    List<WeightSpec> out = new ArrayList<>();
    for (WeightSpec w : inner.weights(inputs)) {
      out.add(w.withBucket(WeightBucket.NON_TRAINABLE));
    }
    return out;
  }

  @Override
  public String formula(List<Shape> inputs, List<WeightSpec> weights) {
    return inner.formula(inputs, weights);
  }

  @Override
  public List<WeightSpec> archiveOrder(List<WeightSpec> weights) {
    return inner.archiveOrder(weights);
  }

  @Override
  public List<String> caveats(List<Shape> inputs) {
    return inner.caveats(inputs);
  }
}
