package io.modelaudit.infer;

import io.modelaudit.infer.LayerInference.Outcome;
import io.modelaudit.ir.Call;
import io.modelaudit.ir.DegenerateShapeException;
import io.modelaudit.ir.Layer;
import io.modelaudit.ir.ModelGraph;
import io.modelaudit.ir.Shape;
import io.modelaudit.ir.ShapeException;
import io.modelaudit.ir.TensorRef;
import io.modelaudit.ir.WeightSpec;
import io.modelaudit.ir.layers.InputKind;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Walks a graph in dependency order and applies each layer's rules. A rule that fails, or a layer
 * without a rule, makes everything downstream unknown; the walk always goes on.
 */
public final class GraphInference {
  private static final int MAX_NESTING = 64;

  private GraphInference() {}

  /**
   * @param inputOverrides shapes for the graph's inputs, by input layer name (from the command
   *     line, or the outer call of a nested model); others keep the declared shape
   */
  public static InferredGraph infer(ModelGraph graph, Map<String, Shape> inputOverrides) {
    return new Walk(graph, inputOverrides, "", 0).run();
  }

  private static final class Walk {
    private final ModelGraph graph;
    private final Map<String, Shape> overrides;
    private final String prefix;
    private final int depth;
    private final Map<String, LayerInference> results = new LinkedHashMap<>();

    Walk(ModelGraph graph, Map<String, Shape> overrides, String prefix, int depth) {
      this.graph = graph;
      this.overrides = overrides;
      this.prefix = prefix;
      this.depth = depth;
    }

    InferredGraph run() {
      List<int[]> pending = new ArrayList<>();
      List<Layer> layers = graph.layers();
      for (int i = 0; i < layers.size(); i++) {
        Layer l = layers.get(i);
        results.put(l.name(), new LayerInference(l, prefix + l.name()));
        for (int c = 0; c < l.calls().size(); c++) {
          pending.add(new int[] {i, c});
        }
      }
      boolean progress = true;
      while (!pending.isEmpty() && progress) {
        progress = false;
        for (var it = pending.iterator(); it.hasNext(); ) {
          int[] p = it.next();
          Layer l = layers.get(p[0]);
          if (ready(l.calls().get(p[1]))) {
            evaluate(l, p[1]);
            it.remove();
            progress = true;
          }
        }
      }
      for (int[] p : pending) {
        Layer l = layers.get(p[0]);
        results.get(l.name()).fail(Outcome.RULE_FAILED, "its inputs form a cycle or are never produced");
      }
      List<Shape> outputs = new ArrayList<>();
      for (TensorRef ref : graph.outputs()) {
        outputs.add(resolve(ref));
      }
      return new InferredGraph(graph, new ArrayList<>(results.values()), outputs);
    }

    /** A call can be evaluated once every producing call has been (or can never be). */
    private boolean ready(Call call) {
      for (TensorRef ref : call.inputs()) {
        LayerInference producer = results.get(ref.layer());
        if (producer != null && ref.callIndex() < producer.layer().calls().size()
            && producer.callInputs().get(ref.callIndex()) == null) {
          return false;
        }
      }
      return true;
    }

    /** The shape of a tensor, or null when unknown. */
    private Shape resolve(TensorRef ref) {
      LayerInference producer = results.get(ref.layer());
      if (producer == null || ref.callIndex() >= producer.callOutputs().size()) {
        return null;
      }
      List<Shape> outs = producer.callOutputs().get(ref.callIndex());
      if (outs == null || ref.tensorIndex() >= outs.size()) {
        return null;
      }
      return outs.get(ref.tensorIndex());
    }

    private void evaluate(Layer layer, int callIndex) {
      LayerInference result = results.get(layer.name());
      Call call = layer.calls().get(callIndex);
      List<Shape> inputs = new ArrayList<>();
      String missing = null;
      for (TensorRef ref : call.inputs()) {
        Shape s = resolve(ref);
        inputs.add(s);
        if (s == null && missing == null) {
          missing = describeMissing(ref);
        }
      }
      if (!layer.supported()) {
        result.recordCall(callIndex, inputs, null);
        result.fail(Outcome.UNSUPPORTED, layer.unsupportedReason());
        return;
      }
      if (missing != null) {
        result.recordCall(callIndex, inputs, null);
        result.fail(Outcome.UNKNOWN_INPUT, missing);
        return;
      }
      try {
        List<Shape> outputs = layer.body() != null
            ? evaluateNested(layer, result, inputs, callIndex)
            : evaluateRule(layer, result, inputs, callIndex);
        result.recordCall(callIndex, inputs, outputs);
      } catch (ShapeException | ArithmeticException | IllegalArgumentException e) {
        result.recordCall(callIndex, inputs, null);
        String message = e instanceof ArithmeticException ? "a dimension overflows: " + e.getMessage() : e.getMessage();
        result.fail(e instanceof DegenerateShapeException ? Outcome.DEGENERATE : Outcome.RULE_FAILED, message);
      }
    }

    private List<Shape> evaluateRule(Layer layer, LayerInference result, List<Shape> inputs, int callIndex) {
      if (layer.kind() instanceof InputKind) {
        Shape override = overrides.get(layer.name());
        List<Shape> declared = layer.kind().outputShapes(inputs);
        result.recordWeights(List.of(), "0");
        return override == null ? declared : List.of(merge(declared.get(0), override));
      }
      if (callIndex == 0) {
        // Weights first: they do not depend on the output, so they are checked even when the
        // output shape turns out degenerate.
        List<WeightSpec> weights = layer.kind().weights(inputs);
        result.recordWeights(weights, layer.kind().formula(inputs, weights));
      }
      return layer.kind().outputShapes(inputs);
    }

    private List<Shape> evaluateNested(Layer layer, LayerInference result, List<Shape> inputs, int callIndex) {
      if (depth >= MAX_NESTING) {
        throw new ShapeException("models are nested more than " + MAX_NESTING + " deep");
      }
      ModelGraph body = layer.body();
      if (inputs.size() != body.inputs().size()) {
        throw new ShapeException("the nested model takes " + body.inputs().size() + " inputs, called with " + inputs.size());
      }
      Map<String, Shape> bodyInputs = new LinkedHashMap<>();
      for (int i = 0; i < inputs.size(); i++) {
        bodyInputs.put(body.inputs().get(i).layer(), inputs.get(i));
      }
      InferredGraph inner = new Walk(body, bodyInputs, prefix + layer.name() + "/", depth + 1).run();
      if (callIndex == 0) {
        result.recordNested(inner);
        List<WeightSpec> weights = new ArrayList<>();
        boolean complete = true;
        for (LayerInference child : inner.layers()) {
          if (child.weights() == null) {
            complete = false;
          } else {
            child.weights().forEach(w -> weights.add(w.renamed(child.layer().name() + "/")));
          }
        }
        if (complete) {
          result.recordWeights(weights, "sum of its layers");
        }
      }
      if (inner.outputs().contains(null)) {
        result.fail(Outcome.UNKNOWN_INPUT, "a layer inside the nested model could not be inferred");
        return null;
      }
      return inner.outputs();
    }

    private String describeMissing(TensorRef ref) {
      LayerInference producer = results.get(ref.layer());
      if (producer == null) {
        return "its input '" + ref.layer() + "' is not a layer of this model";
      }
      return "the shape of its input '" + ref + "' is unknown";
    }

    /** Dimensions given on the command line win; the file's fill the rest. */
    private static Shape merge(Shape declared, Shape override) {
      if (declared.rank() != override.rank()) {
        return override;
      }
      List<Long> dims = new ArrayList<>();
      for (int i = 0; i < declared.rank(); i++) {
        dims.add(override.dim(i) != null ? override.dim(i) : declared.dim(i));
      }
      return Shape.of(dims);
    }
  }
}
