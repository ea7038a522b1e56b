package io.modelaudit.infer;

import io.modelaudit.ir.Layer;
import io.modelaudit.ir.Shape;
import io.modelaudit.ir.WeightSpec;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** What our rules say about one layer: shapes per call, weights, and why something is unknown. */
public final class LayerInference {

  /** How far the rules got for this layer. */
  public enum Outcome {
    /** Shapes and weights computed. */
    INFERRED,
    /**
     * The layer runs code the audit does not interpret (Lambda, op layers): its outputs are
     * unknown.
     */
    OPAQUE,
    /** An input's shape is unknown because something upstream could not be inferred. */
    UNKNOWN_INPUT,
    /** The rule rejected its inputs or configuration: an inconsistency in the model. */
    RULE_FAILED,
    /** The rule yields an empty or negative dimension: no data can flow through this layer. */
    DEGENERATE,
    /** The class has a rule but its configuration cannot be read. */
    INVALID_CONFIG,
    /** No rule exists for this class. */
    UNSUPPORTED
  }

  private final Layer layer;
  private final String path;
  private final List<List<Shape>> callInputs;
  private final List<List<Shape>> callOutputs;
  private final List<String> inputSources;
  private final List<String> shapeRules;
  private Outcome outcome = Outcome.INFERRED;
  private List<WeightSpec> weights;
  private Long params;
  private String formula;
  private String problem;
  private List<String> caveats = List.of();
  private InferredGraph nested;
  private boolean outputsFromRecord;

  LayerInference(Layer layer, String path) {
    this.layer = layer;
    this.path = path;
    int calls = Math.max(1, layer.calls().size());
    this.callInputs = new ArrayList<>(Collections.nCopies(calls, null));
    this.callOutputs = new ArrayList<>(Collections.nCopies(calls, null));
    this.inputSources = new ArrayList<>(Collections.nCopies(calls, null));
    this.shapeRules = new ArrayList<>(Collections.nCopies(calls, null));
  }

  /**
   * How the rule computed call {@code call}'s outputs, in the rule's own words and numbers, or null
   * when it did not compute them.
   */
  public String shapeRule(int call) {
    return call < shapeRules.size() ? shapeRules.get(call) : null;
  }

  void recordShapeRule(int call, String rule) {
    shapeRules.set(call, rule);
  }

  public Layer layer() {
    return layer;
  }

  /** {@code outer/inner} for layers inside nested models. */
  public String path() {
    return path;
  }

  public Outcome outcome() {
    return outcome;
  }

  /** Input shapes per call; an entry is null while unknown, a shape inside may be null. */
  public List<List<Shape>> callInputs() {
    return Collections.unmodifiableList(callInputs);
  }

  /**
   * Output shapes per call; an entry is null when unknown (the count of outputs is unknown too).
   */
  public List<List<Shape>> callOutputs() {
    return Collections.unmodifiableList(callOutputs);
  }

  /**
   * Where a call's input shapes came from when not all were inferred: the shapes the framework
   * recorded (e.g. {@code build_config.input_shape}), taken where ours were unknown. Null when
   * every input shape of the call was inferred.
   */
  public String inputSource(int call) {
    return call < inputSources.size() ? inputSources.get(call) : null;
  }

  void recordInputSource(int call, String source) {
    inputSources.set(call, source);
  }

  /** The weights our rules expect, or null when they could not be computed. */
  public List<WeightSpec> weights() {
    return weights;
  }

  public String formula() {
    return formula;
  }

  public String problem() {
    return problem == null || !outputsFromRecord
        ? problem
        : problem + "; the output shape shown is the one the file records where it is used";
  }

  /** True when an output we could not compute was taken from the file's record of it. */
  public boolean outputsFromRecord() {
    return outputsFromRecord;
  }

  void recordOutputsFromRecord(int call, List<Shape> outputs) {
    callOutputs.set(call, outputs);
    outputsFromRecord = true;
  }

  /** Where the framework's shape rule and the layer's real behaviour part (warnings). */
  public List<String> caveats() {
    return caveats;
  }

  void recordCaveats(List<String> caveats) {
    this.caveats = List.copyOf(caveats);
  }

  /** For a nested model: the inference of its body for its first call. */
  public InferredGraph nested() {
    return nested;
  }

  /** Our parameter count, or null when the weights are unknown. */
  public Long params() {
    return params;
  }

  void recordCall(int call, List<Shape> inputs, List<Shape> outputs) {
    callInputs.set(call, inputs);
    callOutputs.set(call, outputs);
  }

  /**
   * @throws ArithmeticException when the count overflows; nothing is recorded then
   */
  void recordWeights(List<WeightSpec> weights, String formula) {
    this.params = io.modelaudit.ir.Formulas.total(weights);
    this.weights = List.copyOf(weights);
    this.formula = formula;
  }

  void recordNested(InferredGraph nested) {
    this.nested = nested;
  }

  /** Keeps the first, most upstream reason a layer could not be inferred. */
  void fail(Outcome outcome, String problem) {
    if (this.outcome == Outcome.INFERRED) {
      this.outcome = outcome;
      this.problem = problem;
    }
  }
}
