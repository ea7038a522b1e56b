package io.modelaudit.ir.layers.dl4j;

import io.modelaudit.ir.ConfiguredWeights;
import io.modelaudit.ir.Formulas;
import io.modelaudit.ir.InvalidConfigException;
import io.modelaudit.ir.LayerKind;
import io.modelaudit.ir.Shape;
import io.modelaudit.ir.ShapeException;
import io.modelaudit.ir.WeightSpec;
import io.modelaudit.ir.arithmetic.DimensionArithmetic;
import java.util.ArrayList;
import java.util.List;

/**
 * DL4J's Bidirectional wrapper: two copies of a recurrent layer, parameters prefixed {@code f} and
 * {@code b} (fW, fRW, fb, bW, …). Mode CONCAT doubles the feature axis; ADD, MUL and AVERAGE keep
 * it.
 */
public final class Dl4jBidirectionalKind implements LayerKind, ConfiguredWeights {
  private final LayerKind inner;
  private final boolean concat;
  private final boolean channelsLast;

  public Dl4jBidirectionalKind(LayerKind inner, String mode, boolean channelsLast) {
    if (!List.of("CONCAT", "ADD", "MUL", "AVERAGE").contains(mode)) {
      throw new InvalidConfigException("unknown Bidirectional mode '" + mode + "'");
    }
    this.inner = inner;
    this.concat = mode.equals("CONCAT");
    this.channelsLast = channelsLast;
  }

  /** The recurrent layer run in each direction. */
  public LayerKind inner() {
    return inner;
  }

  @Override
  public List<Shape> outputShapes(List<Shape> inputs) {
    Shape out = inner.outputShapes(inputs).get(0);
    if (!concat) {
      return List.of(out);
    }
    if (out.rank() < 2) {
      throw new ShapeException("cannot concatenate outputs " + out);
    }
    int axis = Dl4jChannels.axis(out, channelsLast && out.rank() == 3);
    return List.of(out.withDim(axis, DimensionArithmetic.multiply(out.dim(axis), 2)));
  }

  @Override
  public List<WeightSpec> weights(List<Shape> inputs) {
    List<WeightSpec> one = inner.weights(inputs);
    List<WeightSpec> out = new ArrayList<>();
    for (String prefix : new String[] {"f", "b"}) {
      for (WeightSpec w : one) {
        out.add(w.renamed(prefix));
      }
    }
    return out;
  }

  @Override
  public String formula(List<Shape> inputs, List<WeightSpec> weights) {
    List<WeightSpec> half = weights.subList(0, weights.size() / 2);
    return "2 × ("
        + inner.formula(inputs, half).replaceAll(" = [0-9,]+$", "")
        + ") = "
        + Formulas.number(Formulas.total(weights));
  }

  @Override
  public List<WeightSpec> configuredWeights() {
    List<WeightSpec> one = ConfiguredWeights.of(inner);
    if (one == null) {
      return null;
    }
    List<WeightSpec> out = new ArrayList<>();
    for (String prefix : new String[] {"f", "b"}) {
      for (WeightSpec w : one) {
        out.add(w.renamed(prefix));
      }
    }
    return out;
  }
}
