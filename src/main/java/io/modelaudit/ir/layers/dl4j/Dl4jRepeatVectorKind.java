package io.modelaudit.ir.layers.dl4j;

import io.modelaudit.ir.ConfiguredWeights;
import io.modelaudit.ir.Shape;
import io.modelaudit.ir.SingleInputKind;
import io.modelaudit.ir.WeightSpec;
import java.util.List;

/**
 * DL4J's RepeatVector: [mb, n] repeated r times, as a sequence [mb, n, r] (NCW) or [mb, r, n]
 * (NWC). No weights.
 */
public final class Dl4jRepeatVectorKind extends SingleInputKind implements ConfiguredWeights {
  private final long nIn;
  private final long repetitions;
  private final boolean channelsLast;

  public Dl4jRepeatVectorKind(long nIn, long repetitions, boolean channelsLast) {
    this.nIn = nIn;
    this.repetitions = repetitions;
    this.channelsLast = channelsLast;
  }

  @Override
  protected Shape output(Shape input) {
    if (nIn > 0) {
      Dl4jChannels.requireChannels(input, 2, false, nIn, "RepeatVector");
    } else if (input.rank() != 2) {
      throw new io.modelaudit.ir.ShapeException("RepeatVector expects [mb, n], got " + input);
    }
    return channelsLast
        ? Shape.of(input.dim(0), repetitions, input.dim(1))
        : Shape.of(input.dim(0), input.dim(1), repetitions);
  }

  @Override
  public List<WeightSpec> configuredWeights() {
    return List.of();
  }
}
