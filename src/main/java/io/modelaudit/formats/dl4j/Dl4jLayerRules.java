package io.modelaudit.formats.dl4j;

import io.modelaudit.ir.Checked;
import io.modelaudit.ir.InvalidConfigException;
import io.modelaudit.ir.layers.dl4j.Dl4jConvKind;
import io.modelaudit.ir.layers.dl4j.Dl4jConvKind.Variant;
import io.modelaudit.ir.layers.dl4j.Dl4jSubsamplingKind;
import io.modelaudit.ir.layers.dl4j.Dl4jVariationalAutoencoderKind;

/**
 * The rules behind {@link Dl4jLayerBindings}' registration lines that need more than one
 * expression.
 */
final class Dl4jLayerRules {
  private Dl4jLayerRules() {}

  static Dl4jConvKind conv(Dl4jArgs a, Variant variant, int spatial) {
    long nIn = a.size("nin");
    long depthMultiplier = a.getLong("depthMultiplier", 1);
    long nOut =
        variant == Variant.DEPTHWISE && a.getLong("nout", 0) == 0
            ? Checked.multiply(nIn, depthMultiplier)
            : a.size("nout");
    try {
      return new Dl4jConvKind(
          variant,
          nIn,
          nOut,
          depthMultiplier,
          a.tuple("kernelSize", spatial, null),
          a.tuple("stride", spatial, 1L),
          a.tuple("padding", spatial, 0L),
          a.tuple("dilation", spatial, 1L),
          a.convolutionMode(),
          a.getBool("hasBias", true),
          a.channelsLast());
    } catch (InvalidConfigException e) {
      throw new Dl4jConfigException(e.getMessage());
    }
  }

  static Dl4jSubsamplingKind pool(Dl4jArgs a, int spatial) {
    try {
      return new Dl4jSubsamplingKind(
          a.tuple("kernelSize", spatial, null),
          a.tuple("stride", spatial, 1L),
          a.tuple("padding", spatial, 0L),
          a.tuple("dilation", spatial, 1L),
          a.convolutionMode(),
          a.channelsLast());
    } catch (InvalidConfigException e) {
      throw new Dl4jConfigException(e.getMessage());
    }
  }

  static Dl4jVariationalAutoencoderKind variationalAutoencoder(Dl4jArgs a) {
    long nIn = a.size("nin");
    Dl4jTyped dist = Dl4jTyped.of(a.get("outputDistribution"), "'outputDistribution'");
    String d = dist == null ? "Gaussian" : dist.name();
    long perFeature;
    if (d.toLowerCase().contains("gaussian")) {
      perFeature = 2;
    } else if (d.toLowerCase().contains("bernoulli")
        || d.toLowerCase().contains("exponential")
        || d.toLowerCase().contains("lossfunction")) {
      perFeature = 1;
    } else {
      throw new Dl4jConfigException("reconstruction distribution " + d + " has no rule");
    }
    try {
      return new Dl4jVariationalAutoencoderKind(
          nIn,
          a.size("nout"),
          a.flatInts("encoderLayerSizes"),
          a.flatInts("decoderLayerSizes"),
          Checked.multiply(perFeature, nIn));
    } catch (InvalidConfigException e) {
      throw new Dl4jConfigException(e.getMessage());
    }
  }
}
