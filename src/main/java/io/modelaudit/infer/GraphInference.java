package io.modelaudit.infer;

import io.modelaudit.infer.LayerInference.Outcome;
import io.modelaudit.ir.Call;
import io.modelaudit.ir.Cancellation;
import io.modelaudit.ir.ConfiguredWeights;
import io.modelaudit.ir.DegenerateShapeException;
import io.modelaudit.ir.DimensionOverflowException;
import io.modelaudit.ir.Formulas;
import io.modelaudit.ir.InvalidConfigException;
import io.modelaudit.ir.Layer;
import io.modelaudit.ir.LayerKind;
import io.modelaudit.ir.ModelGraph;
import io.modelaudit.ir.NegativeSizeException;
import io.modelaudit.ir.RecordedShapes;
import io.modelaudit.ir.Shape;
import io.modelaudit.ir.ShapeException;
import io.modelaudit.ir.ShapeSteps;
import io.modelaudit.ir.TensorRef;
import io.modelaudit.ir.UnknownDimensionException;
import io.modelaudit.ir.WeightSpec;
import io.modelaudit.ir.layers.FrozenKind;
import io.modelaudit.ir.layers.InputKind;
import io.modelaudit.ir.layers.OpaqueOpKind;
import io.modelaudit.ir.layers.TimeDistributedKind;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Walks a graph in dependency order (Kahn's algorithm over calls) and applies each layer's rules. A
 * rule that fails, or a layer without a rule, makes everything downstream unknown; the walk always
 * goes on.
 */
public final class GraphInference {

  /** Rule evaluations allowed per model; real models need a few thousand. */
  static final long MAX_EVALUATIONS = 2_000_000;

  private GraphInference() {}

  /**
   * @param inputOverrides shapes for the graph's inputs, by input layer name; unknown dimensions of
   *     the declared shapes are filled from them
   * @throws InferenceBudgetException when the graph is too large to walk
   */
  public static InferredGraph infer(ModelGraph graph, Map<String, Shape> inputOverrides) {
    return new Walk(graph, inputOverrides, "", 0, false, new Shared()).run();
  }

  /** State shared by the walks of one model: the evaluation budget and the nested-body cache. */
  private static final class Shared {
    long evaluations;
    final Map<List<Object>, List<Shape>> nestedOutputs = new HashMap<>();

    void tick() {
      if (++evaluations > MAX_EVALUATIONS) {
        throw new InferenceBudgetException(
            "the graph needs more than " + MAX_EVALUATIONS + " layer evaluations");
      }
      Cancellation.check();
    }
  }

  private static final class Walk {
    private final ModelGraph graph;
    private final Map<String, Shape> overrides;
    private final String prefix;
    private final int depth;
    private final boolean frozen;
    private final Shared shared;
    private final Map<String, LayerInference> results = new LinkedHashMap<>();

    Walk(
        ModelGraph graph,
        Map<String, Shape> overrides,
        String prefix,
        int depth,
        boolean frozen,
        Shared shared) {
      this.graph = graph;
      this.overrides = overrides;
      this.prefix = prefix;
      this.depth = depth;
      this.frozen = frozen;
      this.shared = shared;
    }

    /**
     * One call of a layer. Equal by identity of the layer, never by its contents: hashing a layer
     * called thousands of times would hash all its calls each time.
     */
    private record Node(Layer layer, int call) {
      @Override
      public boolean equals(Object o) {
        return o instanceof Node n && n.layer == layer && n.call == call;
      }

      @Override
      public int hashCode() {
        return 31 * System.identityHashCode(layer) + call;
      }
    }

    /** One call of a layer, by name. */
    private record CallId(String layer, int call) {
      // equals and hashCode written out: a record's own are linked through invokedynamic on first
      // use (docs/benchmarks.md).
      @Override
      public boolean equals(Object o) {
        return o instanceof CallId c && call == c.call && Objects.equals(layer, c.layer);
      }

      @Override
      public int hashCode() {
        return Objects.hashCode(layer) * 31 + call;
      }
    }

    /** Per call: how many of its output tensors are referenced; built on first need. */
    private Map<CallId, Integer> referencedOutputs;

    InferredGraph run() {
      List<Node> nodes = new ArrayList<>();
      Map<String, List<Node>> nodesOf = new HashMap<>();
      for (Layer l : graph.layers()) {
        results.put(l.name(), new LayerInference(l, prefix + l.name()));
        List<Node> mine = new ArrayList<>();
        for (int c = 0; c < l.calls().size(); c++) {
          Node n = new Node(l, c);
          nodes.add(n);
          mine.add(n);
        }
        nodesOf.put(l.name(), mine);
      }
      Map<Node, Integer> waiting = new HashMap<>();
      Map<Node, List<Node>> dependents = new HashMap<>();
      for (Node n : nodes) {
        int count = 0;
        for (TensorRef ref : n.layer().calls().get(n.call()).inputs()) {
          Layer producer = graph.layer(ref.layer());
          if (producer != null
              && ref.callIndex() >= 0
              && ref.callIndex() < producer.calls().size()) {
            dependents
                .computeIfAbsent(
                    nodesOf.get(producer.name()).get(ref.callIndex()), k -> new ArrayList<>())
                .add(n);
            count++;
          }
        }
        waiting.put(n, count);
      }
      Deque<Node> ready = new ArrayDeque<>();
      for (Node n : nodes) {
        if (waiting.get(n) == 0) {
          ready.add(n);
        }
      }
      while (!ready.isEmpty()) {
        Node n = ready.poll();
        waiting.remove(n);
        evaluate(n.layer(), n.call());
        for (Node d : dependents.getOrDefault(n, List.of())) {
          if (waiting.merge(d, -1, Integer::sum) == 0) {
            ready.add(d);
          }
        }
      }
      for (Node n : nodes) {
        if (waiting.containsKey(n)) {
          results.get(n.layer().name()).fail(Outcome.RULE_FAILED, "its inputs form a cycle");
        }
      }
      takeUnknownOutputsFromRecords();
      List<Shape> outputs = new ArrayList<>();
      for (TensorRef ref : graph.outputs()) {
        outputs.add(resolve(ref));
      }
      return new InferredGraph(graph, new ArrayList<>(results.values()), outputs);
    }

    /**
     * The outputs we could not compute (a Lambda's, a custom class's) that the file records where
     * they are used: the shapes of the tensors later calls were made with.
     */
    private void takeUnknownOutputsFromRecords() {
      Map<TensorRef, Shape> recorded = new HashMap<>();
      for (Layer l : graph.layers()) {
        for (Call c : l.calls()) {
          for (int i = 0; i < c.inputs().size(); i++) {
            Shape s = c.recorded().input(i);
            if (s != null) {
              recorded.putIfAbsent(c.inputs().get(i), s);
            }
          }
        }
      }
      if (recorded.isEmpty()) {
        return;
      }
      for (LayerInference result : results.values()) {
        Layer l = result.layer();
        for (int c = 0; c < l.calls().size(); c++) {
          List<Shape> outs = result.callOutputs().get(c);
          if (outs != null && !outs.contains(null)) {
            continue;
          }
          int count = outs == null ? outputCount(l.name(), c) : outs.size();
          List<Shape> filled = new ArrayList<>();
          boolean any = false;
          for (int t = 0; t < count; t++) {
            Shape ours = outs == null ? null : outs.get(t);
            Shape theirs = ours == null ? recorded.get(new TensorRef(l.name(), c, t)) : null;
            any |= theirs != null;
            filled.add(ours != null ? ours : theirs);
          }
          if (any) {
            result.recordOutputsFromRecord(c, filled);
            if (c == 0) {
              fillNestedOutputs(result, filled);
            }
          }
        }
      }
    }

    /**
     * A nested model whose outputs were taken from the record: the inner layers that produce them
     * (a Lambda at the end of the nested model) show the same shapes.
     */
    private static void fillNestedOutputs(LayerInference outer, List<Shape> filled) {
      InferredGraph inner = outer.nested();
      if (inner == null || outer.layer().timeDistributed()) {
        return;
      }
      List<TensorRef> refs = inner.graph().outputs();
      for (int t = 0; t < refs.size() && t < filled.size(); t++) {
        TensorRef ref = refs.get(t);
        LayerInference producer = inner.layer(ref.layer());
        if (producer == null
            || filled.get(t) == null
            || ref.callIndex() < 0
            || ref.callIndex() >= producer.callOutputs().size()) {
          continue;
        }
        List<Shape> outs = producer.callOutputs().get(ref.callIndex());
        int index = ref.tensorIndex();
        if (index < 0 || (outs != null && (index >= outs.size() || outs.get(index) != null))) {
          continue;
        }
        List<Shape> updated = new ArrayList<>();
        for (int i = 0; i <= Math.max(index, outs == null ? 0 : outs.size() - 1); i++) {
          updated.add(
              i == index ? filled.get(t) : outs == null || i >= outs.size() ? null : outs.get(i));
        }
        producer.recordOutputsFromRecord(ref.callIndex(), updated);
        if (ref.callIndex() == 0) {
          fillNestedOutputs(producer, updated);
        }
      }
    }

    /** The shape of a tensor, or null when unknown. */
    private Shape resolve(TensorRef ref) {
      LayerInference producer = results.get(ref.layer());
      if (producer == null
          || ref.callIndex() < 0
          || ref.callIndex() >= producer.callOutputs().size()) {
        return null;
      }
      List<Shape> outs = producer.callOutputs().get(ref.callIndex());
      if (outs == null || ref.tensorIndex() < 0 || ref.tensorIndex() >= outs.size()) {
        return null;
      }
      return outs.get(ref.tensorIndex());
    }

    private void evaluate(Layer layer, int callIndex) {
      shared.tick();
      LayerInference result = results.get(layer.name());
      List<Shape> inputs = new ArrayList<>();
      List<Shape> ruleInputs = new ArrayList<>();
      String missing = null;
      Call call = layer.calls().get(callIndex);
      RecordedShapes recorded = call.recorded();
      for (int i = 0; i < call.inputs().size(); i++) {
        TensorRef ref = call.inputs().get(i);
        Shape inferred = resolve(ref);
        Shape s = RecordedResume.resume(inferred, recorded.input(i));
        if (s != inferred) {
          result.recordInputSource(callIndex, recorded.inputSource());
        }
        inputs.add(s);
        ruleInputs.add(s == null ? Shape.UNKNOWN : s);
        if (s == null && missing == null) {
          missing = describeMissing(ref);
        }
      }
      if (!layer.supported()) {
        result.recordCall(callIndex, inputs, null);
        result.fail(
            layer.invalidConfig() ? Outcome.INVALID_CONFIG : Outcome.UNSUPPORTED, layer.problem());
        return;
      }
      if (layer.kind() instanceof OpaqueOpKind opaque) {
        if (opaque.weightless() && result.weights() == null) {
          result.recordWeights(List.of(), "0");
        }
        List<Shape> declared =
            RecordedResume.outputs(recorded, outputCount(layer.name(), callIndex));
        result.recordCall(callIndex, inputs, declared);
        result.fail(
            Outcome.OPAQUE,
            declared.stream().allMatch(s -> s == null)
                ? opaque.reason()
                : opaque.reason()
                    + "; the output shape shown is the one the file declares ("
                    + recorded.outputSource()
                    + ")");
        return;
      }
      List<WeightSpec> configured = ConfiguredWeights.of(layer.kind());
      if (missing != null && configured != null) {
        // DL4J kinds: the configuration gives the weights, the unknown input nothing more.
        result.recordCall(callIndex, inputs, null);
        if (result.weights() == null && layer.trainable() && !frozen) {
          try {
            SizeCheck.weights(configured);
            result.recordWeights(configured, Formulas.sumOfProducts(configured));
          } catch (DimensionOverflowException | ShapeException | InvalidConfigException e) {
            // an impossible count stays unknown; the layer is reported through its missing input
          }
        }
        result.fail(Outcome.UNKNOWN_INPUT, missing);
        return;
      }
      try {
        List<Shape> outputs =
            layer.body() != null
                ? evaluateNested(layer, result, ruleInputs)
                : evaluateRule(layer, result, ruleInputs, callIndex);
        result.recordCall(callIndex, inputs, outputs == null ? null : withUnknownsAsNull(outputs));
        if (layer.body() != null && outputs != null) {
          result.recordShapeRule(callIndex, nestedRule(layer, outputs));
        }
        if (missing != null) {
          // The rule ran on an unknown input (a same-shape layer, a Reshape with a full target):
          // what it gives cannot be checked, and the row says why.
          result.fail(Outcome.UNKNOWN_INPUT, missing);
        }
      } catch (ShapeException | DimensionOverflowException | InvalidConfigException e) {
        result.recordCall(callIndex, inputs, null);
        if (missing != null
            && e instanceof ShapeException
            && !(e instanceof DegenerateShapeException)) {
          // With an input unknown, a rule's complaint is about what it could not see.
          result.fail(Outcome.UNKNOWN_INPUT, missing);
        } else {
          result.fail(
              outcomeOf(e),
              e instanceof ArithmeticException
                  ? "a dimension or count overflows: " + e.getMessage()
                  : e.getMessage());
        }
      }
    }

    /** A nested model gives what its output layers give. */
    private static String nestedRule(Layer layer, List<Shape> outputs) {
      List<String> parts = new ArrayList<>();
      List<TensorRef> refs = layer.body().outputs();
      for (int i = 0; i < refs.size() && i < outputs.size(); i++) {
        parts.add(refs.get(i) + " " + outputs.get(i));
      }
      return (layer.timeDistributed() ? "per time step, " : "")
          + "the output of its layer"
          + (parts.size() == 1 ? " " : "s ")
          + String.join(", ", parts);
    }

    private static List<Shape> withUnknownsAsNull(List<Shape> shapes) {
      List<Shape> out = new ArrayList<>();
      shapes.forEach(s -> out.add(s == null || s.isUnknown() ? null : s));
      return out;
    }

    /**
     * How many tensors an opaque layer's call yields: one more than the highest tensor index that
     * another layer or the model's outputs take from it (at least one). Its configuration does not
     * say.
     */
    private int outputCount(String layerName, int callIndex) {
      if (referencedOutputs == null) {
        referencedOutputs = new HashMap<>();
        List<TensorRef> refs = new ArrayList<>(graph.outputs());
        graph.layers().forEach(l -> l.calls().forEach(c -> refs.addAll(c.inputs())));
        for (TensorRef ref : refs) {
          referencedOutputs.merge(
              new CallId(ref.layer(), ref.callIndex()), ref.tensorIndex() + 1, Math::max);
        }
      }
      return Math.max(1, referencedOutputs.getOrDefault(new CallId(layerName, callIndex), 1));
    }

    private static Outcome outcomeOf(RuntimeException e) {
      if (e instanceof NegativeSizeException) {
        return Outcome.INVALID_CONFIG;
      }
      if (e instanceof DegenerateShapeException) {
        return Outcome.DEGENERATE;
      }
      if (e instanceof UnknownDimensionException) {
        return Outcome.UNKNOWN_INPUT;
      }
      return Outcome.RULE_FAILED;
    }

    private List<Shape> evaluateRule(
        Layer layer, LayerInference result, List<Shape> inputs, int callIndex) {
      if (layer.kind() instanceof InputKind) {
        Shape declared = ((InputKind) layer.kind()).batchShape();
        result.recordWeights(List.of(), "0");
        Shape override = overrides.get(layer.name());
        Shape merged = merge(declared, override);
        result.recordShapeRule(
            callIndex,
            override == null
                ? "the shape the input declares"
                : "the shape the input declares, "
                    + declared
                    + ", with "
                    + override
                    + (depth > 0 ? ", the shape it is called with" : " from --input-shape"));
        return Collections.singletonList(merged);
      }
      // Weights first: they do not depend on the output, so they are checked even when the
      // output shape turns out degenerate. They come from the first call whose inputs are known;
      // a shared layer whose later calls would need other weights cannot be applied to them.
      // A frozen layer (or one inside a frozen model) trains none of its weights.
      LayerKind kind = frozen || !layer.trainable() ? new FrozenKind(layer.kind()) : layer.kind();
      List<WeightSpec> weights = kind.weights(inputs);
      SizeCheck.weights(weights);
      if (result.weights() == null) {
        result.recordWeights(weights, kind.formula(inputs, weights));
        result.recordCaveats(unknownIfUnknown(() -> kind.caveats(inputs), List.of()));
      } else if (!sameShapes(weights, result.weights())) {
        throw new ShapeException(
            "call "
                + callIndex
                + " needs weights "
                + describe(weights)
                + " but the layer's weights are "
                + describe(result.weights()));
      }
      ShapeSteps.Captured<List<Shape>> ruled =
          ShapeSteps.capture(
              () -> unknownIfUnknown(() -> layer.kind().outputShapes(inputs, callIndex), null));
      List<Shape> outputs = ruled.value();
      SizeCheck.outputs(outputs);
      result.recordShapeRule(
          callIndex,
          ruled.steps().isEmpty()
              ? ShapeSteps.generic(inputs, outputs)
              : String.join("; ", ruled.steps()));
      return outputs;
    }

    /**
     * A rule's answer, or {@code fallback} when it needs a dimension that is unknown. Used once the
     * weights are known: then only the output is unknown, which the layers downstream deal with.
     */
    private static <T> T unknownIfUnknown(java.util.function.Supplier<T> rule, T fallback) {
      try {
        return rule.get();
      } catch (UnknownDimensionException e) {
        return fallback;
      }
    }

    private List<Shape> evaluateNested(Layer layer, LayerInference result, List<Shape> inputs) {
      if (depth >= ModelGraph.MAX_NESTING) {
        throw new ShapeException("models are nested more than " + ModelGraph.MAX_NESTING + " deep");
      }
      ModelGraph body = layer.body();
      if (inputs.size() != body.inputs().size()) {
        throw new ShapeException(
            "the nested model takes "
                + body.inputs().size()
                + " inputs, called with "
                + inputs.size());
      }
      List<Shape> outerInputs = inputs;
      if (layer.timeDistributed()) {
        inputs = List.of(TimeDistributedKind.step(inputs.get(0)));
      }
      // A body's outputs depend only on its input shapes: walk it once per distinct inputs.
      List<Object> key = List.of(prefix + layer.name(), new ArrayList<>(outerInputs));
      if (result.nested() != null && shared.nestedOutputs.containsKey(key)) {
        return shared.nestedOutputs.get(key);
      }
      Map<String, Shape> bodyInputs = new LinkedHashMap<>();
      for (int i = 0; i < inputs.size(); i++) {
        // An unknown input leaves the body's own declared input shape in force.
        if (!inputs.get(i).isUnknown()) {
          bodyInputs.put(body.inputs().get(i).layer(), inputs.get(i));
        }
      }
      InferredGraph inner =
          new Walk(
                  body,
                  bodyInputs,
                  prefix + layer.name() + "/",
                  depth + 1,
                  frozen || !layer.trainable() || !layer.nestedModel().trainable(),
                  shared)
              .run();
      if (result.nested() == null) {
        result.recordNested(inner);
        List<WeightSpec> weights = new ArrayList<>();
        List<String> terms = new ArrayList<>();
        boolean complete = true;
        for (LayerInference child : inner.layers()) {
          if (child.weights() == null) {
            complete = false;
          } else {
            child.weights().forEach(w -> weights.add(w.renamed(child.layer().name() + "/")));
            if (child.params() > 0) {
              terms.add(child.layer().name() + " " + Formulas.number(child.params()));
            }
          }
        }
        if (complete) {
          long total = Formulas.total(weights);
          result.recordWeights(
              weights,
              (terms.isEmpty() ? "0" : String.join(" + ", terms)) + " = " + Formulas.number(total));
        }
      }
      List<Shape> outputs = inner.outputs().contains(null) ? null : inner.outputs();
      if (outputs != null && layer.timeDistributed()) {
        List<Shape> unstepped = new ArrayList<>();
        outputs.forEach(o -> unstepped.add(TimeDistributedKind.unstep(o, outerInputs.get(0))));
        outputs = unstepped;
      }
      shared.nestedOutputs.put(key, outputs);
      if (outputs == null) {
        result.fail(Outcome.UNKNOWN_INPUT, "a layer inside the nested model could not be inferred");
      }
      return outputs;
    }

    private static boolean sameShapes(List<WeightSpec> a, List<WeightSpec> b) {
      if (a.size() != b.size()) {
        return false;
      }
      for (int i = 0; i < a.size(); i++) {
        if (!a.get(i).shape().equals(b.get(i).shape())) {
          return false;
        }
      }
      return true;
    }

    private static String describe(List<WeightSpec> weights) {
      List<String> parts = new ArrayList<>();
      weights.forEach(w -> parts.add(w.name() + " " + w.shape()));
      return parts.toString();
    }

    private String describeMissing(TensorRef ref) {
      LayerInference producer = results.get(ref.layer());
      if (producer == null) {
        return "its input '" + ref.layer() + "' is not a layer of this model";
      }
      if (ref.callIndex() < 0 || ref.callIndex() >= producer.layer().calls().size()) {
        return "its input '" + ref + "' refers to a call that '" + ref.layer() + "' does not have";
      }
      return "the shape of its input '" + ref + "' is unknown";
    }

    /**
     * Dimensions given on the command line (or by the outer call) win; the file's fill the rest.
     */
    private static Shape merge(Shape declared, Shape override) {
      if (override == null) {
        return declared;
      }
      if (declared == null || declared.rank() != override.rank()) {
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
