package io.modelaudit.ir.layers.dl4j;

import io.modelaudit.ir.ConfiguredWeights;
import io.modelaudit.ir.InvalidConfigException;
import io.modelaudit.ir.Shape;
import io.modelaudit.ir.SingleInputKind;
import io.modelaudit.ir.WeightSpec;
import java.util.ArrayList;
import java.util.List;

/**
 * DL4J VariationalAutoencoder: encoder layers e0…, the mean and log-variance heads of p(z|x)
 * (pZXMean, pZXLogStd2), decoder layers d0…, and the head of p(x|z) (pXZ) whose width is what the
 * reconstruction distribution needs per input feature (Gaussian 2, Bernoulli and Exponential 1).
 * Used as a layer, it outputs the mean of p(z|x): [mb, nOut].
 */
public final class Dl4jVariationalAutoencoderKind extends SingleInputKind
    implements ConfiguredWeights {
  private final long nIn;
  private final long nOut;
  private final long[] encoder;
  private final long[] decoder;
  private final long distributionSize;

  public Dl4jVariationalAutoencoderKind(
      long nIn, long nOut, long[] encoder, long[] decoder, long distributionSize) {
    if (encoder.length == 0 || decoder.length == 0) {
      throw new InvalidConfigException("encoderLayerSizes and decoderLayerSizes must not be empty");
    }
    this.nIn = nIn;
    this.nOut = nOut;
    this.encoder = encoder.clone();
    this.decoder = decoder.clone();
    this.distributionSize = distributionSize;
  }

  @Override
  protected Shape output(Shape input) {
    Dl4jChannels.requireChannels(input, 2, false, nIn, "a variational autoencoder");
    return Shape.of(input.dim(0), nOut);
  }

  @Override
  protected List<WeightSpec> weights(Shape input) {
    List<WeightSpec> w = new ArrayList<>();
    long prev = nIn;
    for (int i = 0; i < encoder.length; i++) {
      w.add(WeightSpec.trainable("e" + i + "W", prev, encoder[i]));
      w.add(WeightSpec.trainable("e" + i + "b", encoder[i]));
      prev = encoder[i];
    }
    w.add(WeightSpec.trainable("pZXMeanW", prev, nOut));
    w.add(WeightSpec.trainable("pZXMeanb", nOut));
    w.add(WeightSpec.trainable("pZXLogStd2W", prev, nOut));
    w.add(WeightSpec.trainable("pZXLogStd2b", nOut));
    prev = nOut;
    for (int i = 0; i < decoder.length; i++) {
      w.add(WeightSpec.trainable("d" + i + "W", prev, decoder[i]));
      w.add(WeightSpec.trainable("d" + i + "b", decoder[i]));
      prev = decoder[i];
    }
    w.add(WeightSpec.trainable("pXZW", prev, distributionSize));
    w.add(WeightSpec.trainable("pXZb", distributionSize));
    return w;
  }

  @Override
  public List<WeightSpec> configuredWeights() {
    return weights((Shape) null);
  }
}
