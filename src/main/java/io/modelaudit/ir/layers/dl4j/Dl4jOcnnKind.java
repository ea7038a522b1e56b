package io.modelaudit.ir.layers.dl4j;

import io.modelaudit.ir.ConfiguredWeights;
import io.modelaudit.ir.Shape;
import io.modelaudit.ir.SingleInputKind;
import io.modelaudit.ir.WeightSpec;
import java.util.List;

/**
 * DL4J's OCNNOutputLayer (one-class neural network): [mb, nIn] → one score per example [mb]; w [1,
 * hiddenSize], v [nIn, hiddenSize] and the scalar r, in DL4J's parameter order.
 */
public final class Dl4jOcnnKind extends SingleInputKind implements ConfiguredWeights {
  private final long nIn;
  private final List<WeightSpec> params;

  public Dl4jOcnnKind(long nIn, long hiddenSize) {
    this.nIn = nIn;
    this.params =
        List.of(
            WeightSpec.trainable("w", 1, hiddenSize),
            WeightSpec.trainable("v", nIn, hiddenSize),
            WeightSpec.trainable("r"));
  }

  @Override
  protected Shape output(Shape input) {
    Dl4jChannels.requireChannels(input, 2, false, nIn, "OCNNOutputLayer");
    return Shape.of(input.dim(0));
  }

  @Override
  protected List<WeightSpec> weights(Shape input) {
    return params;
  }

  @Override
  public List<WeightSpec> configuredWeights() {
    return params;
  }
}
