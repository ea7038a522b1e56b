package io.modelaudit.cost;

import static io.modelaudit.cost.CostQuery.n;

import io.modelaudit.ir.Checked;
import io.modelaudit.ir.LayerKind;
import io.modelaudit.ir.Shape;
import io.modelaudit.ir.UnknownDimensionException;
import io.modelaudit.ir.WeightSpec;
import io.modelaudit.ir.layers.BidirectionalKind;
import io.modelaudit.ir.layers.ConvLstmKind;
import io.modelaudit.ir.layers.RecurrentCellKind;
import io.modelaudit.ir.layers.RecurrentKind;
import io.modelaudit.ir.layers.StackedRecurrentKind;
import io.modelaudit.ir.layers.dl4j.Dl4jBidirectionalKind;
import io.modelaudit.ir.layers.dl4j.Dl4jRecurrentKind;
import java.util.List;

/**
 * Recurrent layers: one step multiplies the step's input by the input kernel and the previous state
 * by the recurrent kernel (every gate at once), so MACs = time steps × (input kernel + recurrent
 * kernel elements); a ConvLSTM does both as convolutions at every position. FLOPs = 2 × MACs + per
 * step and gate unit 1 for the bias and 1 for the gate's activation, + 4 per unit for the state
 * update of an LSTM or GRU. Bidirectional runs two of them and merges.
 */
final class RecurrentCosts {
  private RecurrentCosts() {}

  /** State-update FLOPs per unit and step: c = f·c + i·g and h = o·tanh(c) (LSTM), GRU alike. */
  private static final long STATE_UPDATE = 4;

  static void register(CostRules.Registry r) {
    r.add(RecurrentKind.class, (k, q) -> sequence(q, steps(q.input())));
    r.add(StackedRecurrentKind.class, (k, q) -> sequence(q, steps(q.input())));
    r.add(Dl4jRecurrentKind.class, (k, q) -> sequence(q, q.outputElements() / k.nOut()));
    r.add(
        RecurrentCellKind.class,
        (k, q) -> {
          Shape x = q.input();
          List<Shape> step = List.of(Shape.of(x.dim(0), 1L, x.dim(-1)));
          return CostRules.cost(
              q.with(k.sequenceRule(), step, k.sequenceRule().outputShapes(step)));
        });
    r.add(ConvLstmKind.class, RecurrentCosts::convLstm);
    r.add(
        BidirectionalKind.class,
        (k, q) -> {
          LayerCost both = half(k.forward(), q).plus(half(k.backward(), q));
          long merge =
              k.merge() == BidirectionalKind.Merge.CONCAT
                      || k.merge() == BidirectionalKind.Merge.NONE
                  ? 0
                  : q.outputElements();
          return both.plus(LayerCost.elementwise(merge, merge == 0 ? null : n(merge) + " merge"));
        });
    r.add(Dl4jBidirectionalKind.class, (k, q) -> half(k.inner(), q).times(2, "directions"));
  }

  private static LayerCost half(LayerKind inner, CostQuery q) {
    return CostRules.cost(q.with(inner, q.inputs(), inner.outputShapes(q.inputs())));
  }

  static long steps(Shape sequence) {
    Long t = sequence.dim(1);
    if (t == null) {
      throw new UnknownDimensionException("the number of time steps (axis 1 of " + sequence + ")");
    }
    return t;
  }

  /** The matrices a step multiplies by: weights of rank 2 or more that are not biases. */
  private static long matrices(List<WeightSpec> weights) {
    long n = 0;
    for (WeightSpec w : weights) {
      if (w.shape().rank() >= 2 && !w.name().contains("bias")) {
        n = Checked.add(n, w.size());
      }
    }
    return n;
  }

  private static LayerCost sequence(CostQuery q, long steps) {
    long perStep = matrices(q.weights());
    long macs = Checked.multiply(steps, perStep);
    long units = unitsOf(q);
    long gateWidth = gateWidth(q.weights());
    long cellOps = gateWidth > units ? Checked.multiply(STATE_UPDATE, units) : 0;
    long perStepExtra = Checked.add(Checked.multiply(2, gateWidth), cellOps);
    long flops = Checked.add(Checked.multiply(2, macs), Checked.multiply(steps, perStepExtra));
    return LayerCost.of(
        macs, flops, steps + " steps × " + n(perStep) + " kernel weights = " + n(macs));
  }

  private static long unitsOf(CostQuery q) {
    for (WeightSpec w : q.weights()) {
      if (w.shape().rank() == 2
          && (w.name().startsWith("recurrent_kernel") || w.name().equals("RW"))) {
        return w.shape().dim(0);
      }
    }
    return 0;
  }

  /** Gate units of one step: the columns of the input kernel(s). */
  private static long gateWidth(List<WeightSpec> weights) {
    long n = 0;
    for (WeightSpec w : weights) {
      String name = w.name();
      if (w.shape().rank() == 2 && (name.startsWith("kernel") || name.equals("W"))) {
        n = Checked.add(n, w.shape().dim(1));
      }
    }
    return n;
  }

  private static LayerCost convLstm(ConvLstmKind k, CostQuery q) {
    long steps = steps(q.input());
    Shape recurrent = q.weight("recurrent_kernel").shape();
    long filters = recurrent.dim(-2);
    long out = q.outputElements();
    long perStepOut = q.output().rank() == q.input().rank() ? out / steps : out;
    long positions = perStepOut / filters;
    long perStep =
        Checked.multiply(
            positions, Checked.add(q.weightSize("kernel"), q.weightSize("recurrent_kernel")));
    long macs = Checked.multiply(steps, perStep);
    long gateOps = Checked.multiply(positions, Checked.multiply(4 * 2, filters));
    long cellOps = Checked.multiply(positions, Checked.multiply(STATE_UPDATE, filters));
    long flops =
        Checked.add(
            Checked.multiply(2, macs), Checked.multiply(steps, Checked.add(gateOps, cellOps)));
    return LayerCost.of(
        macs,
        flops,
        steps
            + " steps × "
            + n(positions)
            + " positions × (kernel + recurrent kernel) = "
            + n(macs));
  }
}
