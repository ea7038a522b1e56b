package io.modelaudit.ir.layers.dl4j;

import io.modelaudit.ir.ConfiguredWeights;
import io.modelaudit.ir.Formulas;
import io.modelaudit.ir.InvalidConfigException;
import io.modelaudit.ir.Shape;
import io.modelaudit.ir.ShapeException;
import io.modelaudit.ir.ShapeSteps;
import io.modelaudit.ir.SingleInputKind;
import io.modelaudit.ir.WeightSpec;
import java.util.ArrayList;
import java.util.List;

/**
 * DL4J's feed-forward layers (DenseLayer, OutputLayer, RnnOutputLayer, CenterLossOutputLayer,
 * AutoEncoder, ElementWiseMultiplicationLayer): W [nIn, nOut], b [nOut], plus the layer's own
 * extras, all sized from the configured nIn / nOut. Applied to [mb, nIn], or per time step to [mb,
 * nIn, T] (NCW) / [mb, T, nIn] (NWC). A rank-4 input is flattened the way DL4J's implicit
 * CNN-to-feed-forward step does.
 */
public final class Dl4jDenseKind extends SingleInputKind implements ConfiguredWeights {
  private final long nIn;
  private final long nOut;
  private final List<WeightSpec> params;
  private final boolean channelsLast;

  private Dl4jDenseKind(long nIn, long nOut, List<WeightSpec> params, boolean channelsLast) {
    this.nIn = nIn;
    this.nOut = nOut;
    this.params = List.copyOf(params);
    this.channelsLast = channelsLast;
  }

  /** W [nIn, nOut], b [nOut] when {@code hasBias}. */
  public static Dl4jDenseKind dense(long nIn, long nOut, boolean hasBias, boolean channelsLast) {
    return dense(nIn, nOut, hasBias, false, channelsLast);
  }

  /**
   * W [nIn, nOut], b [nOut] when {@code hasBias}, then the gain g [nOut] with {@code hasLayerNorm}
   * (DenseLayer).
   */
  public static Dl4jDenseKind dense(
      long nIn, long nOut, boolean hasBias, boolean layerNorm, boolean channelsLast) {
    List<WeightSpec> w = new ArrayList<>();
    w.add(WeightSpec.trainable("W", nIn, nOut));
    if (hasBias) {
      w.add(WeightSpec.trainable("b", nOut));
    }
    if (layerNorm) {
      w.add(WeightSpec.trainable("g", nOut));
    }
    return new Dl4jDenseKind(nIn, nOut, w, channelsLast);
  }

  /** CenterLossOutputLayer: W, b and the class centres cL [nOut, nIn]. */
  public static Dl4jDenseKind centerLoss(long nIn, long nOut, boolean hasBias) {
    List<WeightSpec> w = new ArrayList<>(dense(nIn, nOut, hasBias, false).params);
    w.add(WeightSpec.trainable("cL", nOut, nIn));
    return new Dl4jDenseKind(nIn, nOut, w, false);
  }

  /** AutoEncoder: W, b and the visible bias vb [nIn] used for reconstruction. */
  public static Dl4jDenseKind autoEncoder(long nIn, long nOut) {
    List<WeightSpec> w = new ArrayList<>(dense(nIn, nOut, true, false).params);
    w.add(WeightSpec.trainable("vb", nIn));
    return new Dl4jDenseKind(nIn, nOut, w, false);
  }

  /** ElementWiseMultiplicationLayer: W [nIn], b [nOut]; nIn must equal nOut. */
  public static Dl4jDenseKind elementWise(long nIn, long nOut) {
    if (nIn != nOut) {
      throw new InvalidConfigException(
          "ElementWiseMultiplicationLayer needs nIn = nOut, got " + nIn + " and " + nOut);
    }
    return new Dl4jDenseKind(
        nIn, nOut, List.of(WeightSpec.trainable("W", nIn), WeightSpec.trainable("b", nOut)), false);
  }

  /** Output features (or channels). */
  public long nOut() {
    return nOut;
  }

  @Override
  protected Shape output(Shape input) {
    ShapeSteps.add(
        () ->
            input.rank() >= 4
                ? "the input flattens to nIn = " + nIn + " features, then nOut = " + nOut
                : "nOut = " + nOut + " replaces the feature axis (nIn " + nIn + ")");
    switch (input.rank()) {
      case 2:
      case 3:
        Dl4jChannels.requireChannels(
            input, input.rank(), channelsLast && input.rank() == 3, nIn, "the layer");
        return Dl4jChannels.withChannels(input, channelsLast && input.rank() == 3, nOut);
      case 4:
      case 5:
        Shape features = input.subShape(1, input.rank());
        if (features.isFullyKnown() && features.size() != nIn) {
          throw new ShapeException(
              "nIn is "
                  + nIn
                  + " but the input "
                  + input
                  + " flattens to "
                  + features.size()
                  + " features");
        }
        return Shape.of(input.dim(0), nOut);
      default:
        throw new ShapeException("a feed-forward layer expects a rank 2 or 3 input, got " + input);
    }
  }

  @Override
  protected List<WeightSpec> weights(Shape input) {
    return params;
  }

  @Override
  public String formula(List<Shape> inputs, List<WeightSpec> weights) {
    boolean plain =
        weights.size() <= 2
            && weights.get(0).name().equals("W")
            && weights.get(0).shape().rank() == 2
            && weights.get(0).shape().dim(0) == nIn;
    if (!plain) {
      return Formulas.sumOfProducts(weights);
    }
    return weights.size() == 2
        ? nOut + " × (" + nIn + " + 1) = " + Formulas.number(Formulas.total(weights))
        : nOut + " × " + nIn + " = " + Formulas.number(Formulas.total(weights));
  }

  @Override
  public List<WeightSpec> configuredWeights() {
    return weights((Shape) null);
  }
}
