package io.modelaudit.ir.layers.dl4j;

import io.modelaudit.ir.ConfiguredWeights;
import io.modelaudit.ir.Formulas;
import io.modelaudit.ir.Shape;
import io.modelaudit.ir.ShapeException;
import io.modelaudit.ir.SingleInputKind;
import io.modelaudit.ir.WeightSpec;
import java.util.ArrayList;
import java.util.List;

/**
 * DL4J BatchNormalization on [mb, n] or [mb, c, h, w] (NHWC: channels last): gamma, beta, the
 * global mean and the global variance ({@code log10stdev} when {@code useLogStd}), each [C]. DL4J
 * counts all of them as parameters (Keras keeps the moving statistics apart); with {@code
 * lockGammaBeta} gamma and beta are constants, not parameters.
 */
public final class Dl4jBatchNormKind extends SingleInputKind implements ConfiguredWeights {
  private final long nOut;
  private final boolean lockGammaBeta;
  private final boolean useLogStd;
  private final boolean channelsLast;

  public Dl4jBatchNormKind(
      long nOut, boolean lockGammaBeta, boolean useLogStd, boolean channelsLast) {
    this.nOut = nOut;
    this.lockGammaBeta = lockGammaBeta;
    this.useLogStd = useLogStd;
    this.channelsLast = channelsLast;
  }

  @Override
  protected Shape output(Shape input) {
    if (input.rank() < 2) {
      throw new ShapeException("batch normalization expects a rank 2 to 5 input, got " + input);
    }
    Dl4jChannels.requireChannels(
        input, input.rank(), channelsLast && input.rank() > 2, nOut, "batch normalization");
    return input;
  }

  @Override
  protected List<WeightSpec> weights(Shape input) {
    List<WeightSpec> w = new ArrayList<>();
    if (!lockGammaBeta) {
      w.add(WeightSpec.trainable("gamma", nOut));
      w.add(WeightSpec.trainable("beta", nOut));
    }
    w.add(WeightSpec.trainable("mean", nOut));
    w.add(WeightSpec.trainable(useLogStd ? "log10stdev" : "var", nOut));
    return w;
  }

  @Override
  public String formula(List<Shape> inputs, List<WeightSpec> weights) {
    return weights.size() + " × " + nOut + " = " + Formulas.number(Formulas.total(weights));
  }

  @Override
  public List<WeightSpec> configuredWeights() {
    return weights((Shape) null);
  }
}
