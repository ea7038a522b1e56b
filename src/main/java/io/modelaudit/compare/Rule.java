package io.modelaudit.compare;

/** Every kind of finding the audit can report, with its default severity. */
public enum Rule {
  PARAM_MISMATCH(Severity.ERROR, "the layer's parameter count differs from the reference"),
  WEIGHT_SHAPE_MISMATCH(
      Severity.ERROR, "a stored weight tensor has another shape than the layer needs"),
  WEIGHT_COUNT_MISMATCH(
      Severity.ERROR, "the file stores another number of weight tensors than the layer needs"),
  WEIGHT_MISSING(Severity.ERROR, "a weight the layer needs is not stored"),
  WEIGHT_UNEXPECTED(Severity.ERROR, "the file stores a weight that no layer needs"),
  WEIGHTS_PAIRED_BY_ORDER(
      Severity.WARNING,
      "a weights-only file names its layers otherwise than the architecture; its weights fit the"
          + " layers in order, as Keras' load_weights pairs them unless by_name=True"),
  STORED_LAYER_UNKNOWN(
      Severity.WARNING, "the file stores weights for a layer the configuration does not have"),
  WEIGHT_NAME_REPEATED(
      Severity.ERROR,
      "the file lists one stored weight twice for a layer: it is counted once, and Keras loads it"
          + " into two weights or refuses the file"),
  STORED_LAYER_ABSENT(
      Severity.ERROR,
      "the file lists a layer among those it stores weights for but holds no group for it"),
  WEIGHTS_EXTERNAL_LINK(
      Severity.ERROR,
      "the file stores weights as a link into another file, which is never opened: what it holds"
          + " there is not verified"),
  WEIGHTS_UNREADABLE(
      Severity.ERROR,
      "the file says it stores weights where they cannot be read (a link that leads nowhere or"
          + " loops, a node that is not a group)"),
  STORED_WEIGHTS_FIT_NO_INPUT(
      Severity.ERROR,
      "the layer's input shape is unknown, but no input would make it need the weight shapes the"
          + " file stores: they contradict each other"),
  SHAPE_RULE_FAILED(Severity.ERROR, "the layer's configuration does not fit its inputs"),
  CONFIG_INVALID(
      Severity.ERROR, "the layer's configuration cannot be read by the rule for its class"),
  RUNTIME_SHAPE_MISMATCH(
      Severity.WARNING,
      "the framework's shape rule disagrees with what the layer computes when run"),
  RECORDED_SHAPE_MISMATCH(
      Severity.ERROR,
      "the input shape we infer for the layer differs from the one the framework recorded in the"
          + " file"),
  DEGENERATE_SHAPE(
      Severity.WARNING,
      "the layer's output has an empty or negative dimension: no input can pass through it"),
  UNSUPPORTED_LAYER(
      Severity.INFO, "no rule for this layer class; it and what depends on it are not verified"),
  DL4J_PARAM_MISMATCH(
      Severity.WARNING,
      "Deeplearning4j builds the layer or model with another parameter count than ours (and the file's)"),
  DL4J_ACTIVATION_MISMATCH(
      Severity.WARNING,
      "Deeplearning4j builds the layer with another activation function than the file names"),
  DL4J_IMPORT_FAILED(Severity.WARNING, "Deeplearning4j cannot build the model from the file"),
  DL4J_REFERENCE_FAILED(
      Severity.WARNING,
      "the Deeplearning4j reference crashed or hung on the file, or could not be given it"),
  DL4J_NOT_APPLICABLE(
      Severity.INFO, "Deeplearning4j reads no file of this form, so it was not asked");

  private final Severity severity;
  private final String description;

  Rule(Severity severity, String description) {
    this.severity = severity;
    this.description = description;
  }

  public Severity severity() {
    return severity;
  }

  public String description() {
    return description;
  }
}
