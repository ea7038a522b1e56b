package io.modelaudit.ir.layers.dl4j;

import io.modelaudit.ir.ConfiguredWeights;
import io.modelaudit.ir.InvalidConfigException;
import io.modelaudit.ir.Shape;
import io.modelaudit.ir.ShapeException;
import io.modelaudit.ir.SingleInputKind;
import io.modelaudit.ir.WeightSpec;
import java.util.List;

/**
 * DL4J PReLULayer: one alpha per element of the configured {@code inputShape} (without the batch
 * axis), shared along {@code sharedAxes} (1-based like DL4J's, counting the batch axis as 0).
 */
public final class Dl4jPReLUKind extends SingleInputKind implements ConfiguredWeights {
  private final long[] alphaShape;

  public Dl4jPReLUKind(long[] inputShape, long[] sharedAxes) {
    long[] shape = inputShape.clone();
    for (long axis : sharedAxes) {
      if (axis < 1 || axis > shape.length) {
        throw new InvalidConfigException(
            "shared axis "
                + axis
                + " is outside inputShape "
                + java.util.Arrays.toString(inputShape));
      }
      shape[(int) axis - 1] = 1;
    }
    this.alphaShape = shape;
  }

  @Override
  protected Shape output(Shape input) {
    if (input.rank() != alphaShape.length + 1) {
      throw new ShapeException(
          "PReLU configured for inputs of rank " + (alphaShape.length + 1) + ", got " + input);
    }
    return input;
  }

  @Override
  protected List<WeightSpec> weights(Shape input) {
    return List.of(WeightSpec.trainable("W", Shape.ofKnown(alphaShape)));
  }

  @Override
  public List<WeightSpec> configuredWeights() {
    return weights((Shape) null);
  }
}
