package io.modelaudit.cost;

import io.modelaudit.infer.InferredGraph;
import io.modelaudit.infer.LayerInference;
import io.modelaudit.infer.LayerInference.Outcome;
import io.modelaudit.ir.Checked;
import io.modelaudit.ir.Shape;
import io.modelaudit.ir.UnknownDimensionException;
import java.util.List;

/**
 * Applies the cost rules to an inferred layer: every call of a shared layer counts, a nested model
 * costs what its layers cost (once per call, once per time step under TimeDistributed).
 */
public final class CostWalker {
  private CostWalker() {}

  /** The compute cost of every call of {@code layer}, for one example. */
  public static LayerCost cost(LayerInference layer) {
    if (layer.nested() != null && layer.layer().body() != null) {
      LayerCost body = LayerCost.zero(null);
      for (LayerInference child : layer.nested().layers()) {
        body = body.plus(cost(child));
      }
      body = body.withReason(body.known() ? null : body.reason());
      if (layer.layer().timeDistributed()) {
        List<Shape> in = layer.callInputs().get(0);
        if (in == null || in.isEmpty() || in.get(0).isUnknown() || in.get(0).dim(1) == null) {
          return LayerCost.unknown("the number of time steps is unknown");
        }
        body = body.times(in.get(0).dim(1), "steps");
      }
      int calls = Math.max(1, layer.layer().calls().size());
      return calls == 1 ? body : body.times(calls, "calls");
    }
    if (layer.outcome() == Outcome.OPAQUE) {
      return LayerCost.unknown("runs code the audit does not interpret");
    }
    if (!layer.layer().supported()) {
      return LayerCost.unknown("no rule for " + layer.layer().className());
    }
    if (layer.outcome() != Outcome.INFERRED || layer.weights() == null) {
      return LayerCost.unknown(
          "its shapes are unknown" + (layer.problem() == null ? "" : ": " + layer.problem()));
    }
    LayerCost total = null;
    for (int i = 0; i < layer.callInputs().size(); i++) {
      List<Shape> in = layer.callInputs().get(i);
      List<Shape> out = layer.callOutputs().get(i);
      if (in == null || out == null || out.contains(null) || in.contains(null)) {
        return LayerCost.unknown("the shapes of call " + (i + 1) + " are unknown");
      }
      LayerCost call =
          CostRules.cost(
              new CostQuery(
                  layer.layer().kind(), in, out, layer.weights(), layer.layer().activation()));
      total = total == null ? call : total.plus(call);
    }
    return total == null ? LayerCost.unknown("the layer is never called") : total;
  }

  /**
   * Elements of every output of every call, per example (the batch axis left out); a nested model
   * counts its layers' outputs.
   */
  public static Activation activation(LayerInference layer) {
    if (layer.nested() != null && layer.layer().body() != null) {
      long sum = 0;
      for (LayerInference child : layer.nested().layers()) {
        Activation a = activation(child);
        if (a.elements() == null) {
          return a;
        }
        sum = Checked.add(sum, a.elements());
      }
      return new Activation(sum, null);
    }
    long sum = 0;
    for (List<Shape> outputs : layer.callOutputs()) {
      if (outputs == null || outputs.contains(null)) {
        return new Activation(null, "the output shape is unknown");
      }
      for (Shape s : outputs) {
        try {
          sum = Checked.add(sum, CostQuery.perExample(s));
        } catch (UnknownDimensionException e) {
          return new Activation(null, e.getMessage() + " (--input-shape can fix it)");
        }
      }
    }
    return new Activation(sum, null);
  }

  /** Output elements per example, or null with the reason. */
  public record Activation(Long elements, String reason) {}

  /** Totals over the top-level layers of {@code graph} (nested models count their layers). */
  public static LayerCost total(InferredGraph graph) {
    LayerCost total = LayerCost.zero(null);
    for (LayerInference layer : graph.layers()) {
      if (!layer.layer().hidden()) {
        total = total.plus(cost(layer));
      }
    }
    return total;
  }
}
