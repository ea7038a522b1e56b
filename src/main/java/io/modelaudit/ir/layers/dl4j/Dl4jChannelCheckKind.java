package io.modelaudit.ir.layers.dl4j;

import io.modelaudit.ir.ConfiguredWeights;
import io.modelaudit.ir.Shape;
import io.modelaudit.ir.SingleInputKind;
import io.modelaudit.ir.WeightSpec;
import java.util.List;

/**
 * Weightless DL4J layers that keep their input's shape but whose configuration records nIn / nOut
 * (loss layers, ActivationLayer in some versions): a recorded size that disagrees with the input is
 * reported. A size of 0 means "not set".
 */
public final class Dl4jChannelCheckKind extends SingleInputKind implements ConfiguredWeights {
  private final long nIn;
  private final boolean channelsLast;

  public Dl4jChannelCheckKind(long nIn, boolean channelsLast) {
    this.nIn = nIn;
    this.channelsLast = channelsLast;
  }

  @Override
  protected Shape output(Shape input) {
    if (nIn > 0 && input.rank() >= 2) {
      Dl4jChannels.requireChannels(
          input, input.rank(), channelsLast && input.rank() > 2, nIn, "the layer");
    }
    return input;
  }

  @Override
  public List<WeightSpec> configuredWeights() {
    return List.of();
  }
}
