package io.modelaudit.ir.layers.dl4j;

import io.modelaudit.ir.Checked;
import io.modelaudit.ir.ConfiguredWeights;
import io.modelaudit.ir.Formulas;
import io.modelaudit.ir.Shape;
import io.modelaudit.ir.ShapeSteps;
import io.modelaudit.ir.SingleInputKind;
import io.modelaudit.ir.WeightSpec;
import java.util.ArrayList;
import java.util.List;

/**
 * DL4J recurrent layers on [mb, nIn, T] (NCW) or [mb, T, nIn] (NWC), in DL4J's parameter order.
 * LSTM: W [nIn, 4n], RW [n, 4n], b [4n]. GravesLSTM: RW [n, 4n + 3], the three extra columns being
 * the peephole weights. SimpleRnn: W [nIn, n], RW [n, n], b [n], plus the layer normalisation gains
 * g [2n] (input and recurrent parts) with {@code hasLayerNorm}. GravesBidirectionalLSTM: a
 * GravesLSTM per direction (WF, RWF, bF, WB, RWB, bB) whose outputs are summed, so the output has n
 * features; on a 2D [mb, nIn] activation (NCW) DL4J runs one time step: [mb, n, 1].
 */
public final class Dl4jRecurrentKind extends SingleInputKind implements ConfiguredWeights {
  public enum Cell {
    LSTM,
    GRAVES_LSTM,
    SIMPLE_RNN,
    GRAVES_BIDIRECTIONAL_LSTM
  }

  private final Cell cell;
  private final long nIn;
  private final long nOut;
  private final boolean layerNorm;
  private final boolean channelsLast;

  public Dl4jRecurrentKind(
      Cell cell, long nIn, long nOut, boolean layerNorm, boolean channelsLast) {
    this.cell = cell;
    this.nIn = nIn;
    this.nOut = nOut;
    this.layerNorm = layerNorm;
    this.channelsLast = channelsLast;
  }

  /** Output features (or channels). */
  public long nOut() {
    return nOut;
  }

  @Override
  protected Shape output(Shape input) {
    if (cell == Cell.GRAVES_BIDIRECTIONAL_LSTM && !channelsLast && input.rank() == 2) {
      // DL4J runs a [mb, nIn] activation as one time step and returns [mb, nOut, 1]
      Dl4jChannels.requireChannels(input, 2, false, nIn, "a recurrent layer");
      return Shape.of(null, nOut, 1L);
    }
    Dl4jChannels.requireChannels(input, 3, channelsLast, nIn, "a recurrent layer");
    ShapeSteps.add(() -> "nOut = " + nOut + " replaces the feature axis; the time steps are kept");
    return Dl4jChannels.withChannels(input, channelsLast, nOut);
  }

  @Override
  protected List<WeightSpec> weights(Shape input) {
    long gates = cell == Cell.SIMPLE_RNN ? nOut : Checked.multiply(4, nOut);
    long recurrentColumns =
        cell == Cell.GRAVES_LSTM || cell == Cell.GRAVES_BIDIRECTIONAL_LSTM ? gates + 3 : gates;
    List<WeightSpec> one = new ArrayList<>();
    one.add(WeightSpec.trainable("W", nIn, gates));
    one.add(WeightSpec.trainable("RW", nOut, recurrentColumns));
    one.add(WeightSpec.trainable("b", gates));
    if (cell == Cell.SIMPLE_RNN && layerNorm) {
      one.add(WeightSpec.trainable("g", Checked.multiply(2, nOut)));
    }
    if (cell != Cell.GRAVES_BIDIRECTIONAL_LSTM) {
      return one;
    }
    List<WeightSpec> both = new ArrayList<>();
    for (String direction : new String[] {"F", "B"}) {
      for (WeightSpec w : one) {
        both.add(new WeightSpec(w.name() + direction, w.shape(), w.bucket()));
      }
    }
    return both;
  }

  @Override
  public String formula(List<Shape> inputs, List<WeightSpec> weights) {
    long total = Formulas.total(weights);
    switch (cell) {
      case LSTM:
        return "4 × " + nOut + " × (" + nIn + " + " + nOut + " + 1) = " + Formulas.number(total);
      case GRAVES_LSTM:
        return "4 × "
            + nOut
            + " × ("
            + nIn
            + " + "
            + nOut
            + " + 1) + 3 × "
            + nOut
            + " peepholes = "
            + Formulas.number(total);
      case GRAVES_BIDIRECTIONAL_LSTM:
        return "2 × (4 × "
            + nOut
            + " × ("
            + nIn
            + " + "
            + nOut
            + " + 1) + 3 × "
            + nOut
            + " peepholes) = "
            + Formulas.number(total);
      default:
        return Formulas.sumOfProducts(weights);
    }
  }

  @Override
  public List<WeightSpec> configuredWeights() {
    return weights((Shape) null);
  }
}
