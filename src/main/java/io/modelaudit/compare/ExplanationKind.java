package io.modelaudit.compare;

/**
 * Every reason the audit can give for a reference's numbers differing from ours, like {@link Rule}
 * for findings. {@code expected}: the difference is the reference's documented convention or
 * limitation (true), or the reference reads the model wrongly (false). {@code severity}: what a
 * finding explained by this kind weighs, or null when the kind explains a layer without a finding
 * (same count, booked another way).
 */
public enum ExplanationKind {
  BATCHNORM_DUMMY_PARAMS(
      "batchnorm_dummy_params",
      true,
      Severity.INFO,
      "Keras BatchNormalization with scale or center false stores 3·C or 2·C; DL4J's batch norm always has gamma, beta,"
          + " mean and var (4·C) and fills the missing ones with ones / zeros"),
  BATCHNORM_STATISTICS_COUNTED(
      "batchnorm_statistics_counted",
      true,
      null,
      "same count (4·C), but DL4J keeps the moving mean and variance in its parameter vector with gamma and beta, where"
          + " Keras counts them non-trainable"),
  RESHAPE_MISREAD(
      "dl4j_reshape_misread",
      false,
      Severity.ERROR,
      "DL4J's activations go wrong right after a Keras Reshape, which it turns into an input preprocessor or reads in"
          + " another dimension order"),
  SHARED_LAYER_MERGED(
      "dl4j_shared_layer_merged",
      false,
      Severity.ERROR,
      "Keras calls a shared layer on each of its inputs in turn; DL4J's import gives the one layer all of them at"
          + " once, which its graph merges (concatenates) into a single wider input"),
  BATCHNORM_AXIS_IGNORED(
      "dl4j_batchnorm_axis_ignored",
      false,
      Severity.ERROR,
      "Keras BatchNormalization normalizes over its configured axis; DL4J's import ignores the axis and takes the"
          + " features or channels of its input"),
  TIMESTEPS_AS_FEATURES(
      "dl4j_timesteps_as_features",
      false,
      Severity.ERROR,
      "a recurrent layer whose DL4J input size is the number of time steps of its input"),
  ACTIVATION_MISREAD(
      "dl4j_activation_misread",
      false,
      Severity.ERROR,
      "DL4J gives the layer other weights because its activations differ from Keras' earlier, at the named layer"),
  COUNT_DIFFERS(
      "dl4j_count_differs",
      false,
      Severity.WARNING,
      "DL4J's count differs and its activations agree with Keras' up to the layer: cause unknown; both parameter"
          + " tables are shown"),
  KERAS_VERSION_NOT_SUPPORTED(
      "keras_version_not_supported",
      true,
      Severity.WARNING,
      "DL4J imports files of Keras 1 and 2 only"),
  LAYER_NOT_SUPPORTED(
      "layer_not_supported",
      true,
      Severity.WARNING,
      "DL4J's Keras import has no mapping for the layer's class, or cannot place it"),
  LAMBDA_NOT_REGISTERED(
      "lambda_not_registered",
      true,
      Severity.WARNING,
      "a Lambda layer: DL4J imports it only when a SameDiff lambda is registered for it by name"),
  DENSE_ON_HIGHER_RANK(
      "dense_on_higher_rank",
      true,
      Severity.WARNING,
      "Keras applies Dense to the last axis of a rank-4 input; DL4J's DenseLayer takes flat vectors"),
  ARCHITECTURE_NOT_IN_FILE(
      "architecture_not_in_file",
      true,
      Severity.WARNING,
      "a weights-only HDF5 file that DL4J got without its architecture JSON"),
  CUSTOM_LAYER(
      "custom_layer",
      true,
      Severity.WARNING,
      "a DL4J model with a layer class of its author's, which DL4J restores only with that class"),
  DL4J_INTERNAL_ERROR(
      "dl4j_internal_error",
      false,
      Severity.WARNING,
      "DL4J fails inside its import with an exception of its own"),
  ACTIVATION_NOT_SUPPORTED(
      "activation_not_supported",
      true,
      Severity.WARNING,
      "DL4J's Keras import has no function for the Keras activation and refuses the model"),
  IMPORT_REFUSED(
      "import_refused",
      true,
      Severity.WARNING,
      "DL4J refuses the configuration for another reason (its message)"),
  PRELU_IN_LAYER(
      "prelu_in_layer",
      true,
      null,
      "Keras PReLU: DL4J's PReLULayer reports an activation (its default, sigmoid) but computes the parametric ReLU"
          + " itself and never applies it"),
  ACTIVATION_NOT_IN_DL4J(
      "activation_not_in_dl4j",
      true,
      Severity.WARNING,
      "DL4J gives a layer another function because it has none for the Keras one"),
  ACTIVATION_DIFFERS(
      "dl4j_activation_differs",
      false,
      Severity.WARNING,
      "DL4J gives a layer another function than the file names, though it has that one");

  private final String id;
  private final boolean expected;
  private final Severity severity;
  private final String description;

  ExplanationKind(String id, boolean expected, Severity severity, String description) {
    this.id = id;
    this.expected = expected;
    this.severity = severity;
    this.description = description;
  }

  /** The stable identifier in reports. */
  public String id() {
    return id;
  }

  public boolean expected() {
    return expected;
  }

  /** What a finding explained by this kind weighs, or null when the kind comes with no finding. */
  public Severity severity() {
    return severity;
  }

  public String description() {
    return description;
  }
}
