package io.modelaudit.report;

import io.modelaudit.ir.Shape;
import java.util.List;
import java.util.Map;

/**
 * One layer's row.
 *
 * @param outputShapes shapes of the first call's outputs, or null when unknown (entries may be
 *     null)
 * @param calls every call when the layer is called more than once, else null
 * @param params our count, or the stored count when {@code paramsSource} is "stored", or null
 * @param storedParams what the file stores for this layer, or null when it stores nothing for it
 * @param depth nesting depth (0 for top-level layers)
 * @param configPointer JSON pointer to the layer in the model configuration
 * @param inputShapes shapes of the first call's inputs, or null when unknown (entries may be null)
 * @param activation the activation function as the file names it, or null
 * @param recorded the input shapes the file records for the first call, or null when it records
 *     none
 * @param config the configuration values the file gives for the layer (see {@code
 *     formats.LayerSettings}), empty when none
 * @param shapeRule how our rule computed the first call's output shapes from its inputs, with the
 *     numbers (e.g. {@code axis 1: ⌊(32 − 5) / 1⌋ + 1 = 28 (valid, stride 1)}), or null when the
 *     shapes were not computed
 * @param storedBytes the bytes the file stores for this layer's weights, from their stored element
 *     types, or null when the file stores none or their types are unknown
 * @param wrapped the layers a wrapper runs (Bidirectional's forward and backward layers,
 *     TimeDistributed's layer), one level deeper, with our shapes and counts for them; empty for
 *     other layers
 * @param cost compute cost and activation memory per example, or null when not computed
 */
public record LayerReport(
    String name,
    String path,
    String className,
    List<String> inbound,
    List<Shape> outputShapes,
    List<CallReport> calls,
    Long params,
    Long trainable,
    Long nonTrainable,
    String paramsSource,
    List<WeightReport> weights,
    Long storedParams,
    String status,
    String formula,
    String note,
    int depth,
    String configPointer,
    List<Shape> inputShapes,
    String activation,
    RecordedReport recorded,
    Map<String, Object> config,
    String shapeRule,
    Long storedBytes,
    List<LayerReport> wrapped,
    CostReport cost) {

  public LayerReport {
    config = config == null ? Map.of() : config;
    wrapped = wrapped == null ? List.of() : List.copyOf(wrapped);
  }

  public static final String OK = "ok";
  public static final String MISMATCH = "mismatch";
  public static final String UNVERIFIED = "unverified";
  public static final String UNSUPPORTED = "unsupported";

  public LayerReport withStatus(String value) {
    return new LayerReport(
        name,
        path,
        className,
        inbound,
        outputShapes,
        calls,
        params,
        trainable,
        nonTrainable,
        paramsSource,
        weights,
        storedParams,
        value,
        formula,
        note,
        depth,
        configPointer,
        inputShapes,
        activation,
        recorded,
        config,
        shapeRule,
        storedBytes,
        wrapped,
        cost);
  }

  public LayerReport withCost(CostReport value) {
    return new LayerReport(
        name,
        path,
        className,
        inbound,
        outputShapes,
        calls,
        params,
        trainable,
        nonTrainable,
        paramsSource,
        weights,
        storedParams,
        status,
        formula,
        note,
        depth,
        configPointer,
        inputShapes,
        activation,
        recorded,
        config,
        shapeRule,
        storedBytes,
        wrapped,
        value);
  }

  /**
   * The input shapes the framework recorded for the layer's first call.
   *
   * @param inputShapes per input tensor, the recorded shape or null
   * @param source where the file records them, e.g. {@code build_config.input_shape}
   * @param resumed true when inference took them because it could not infer the input itself
   */
  public record RecordedReport(List<Shape> inputShapes, String source, boolean resumed) {}

  /**
   * What one example costs in this layer (every call of a shared layer; a nested model's layers).
   *
   * @param macs multiply-accumulates, or null when unknown
   * @param flops floating-point operations, or null when unknown
   * @param activationElements elements of the layer's outputs, or null when a dimension is unknown
   * @param activationBytes those elements at {@link #ACTIVATION_BYTES} bytes each
   * @param share this layer's MACs over the model's, or null when either is unknown or 0
   * @param formula how the MACs were derived
   * @param reason why the cost is 0 or unknown, or null
   */
  public record CostReport(
      Long macs,
      Long flops,
      Long activationElements,
      Long activationBytes,
      Double share,
      String formula,
      String reason) {
    /** Activations are counted as float32, the compute dtype of the files read. */
    public static final int ACTIVATION_BYTES = 4;

    public CostReport withShare(Double value) {
      return new CostReport(
          macs, flops, activationElements, activationBytes, value, formula, reason);
    }
  }

  /**
   * One call of a shared layer.
   *
   * @param inputShapes the call's input shapes, or null when unknown
   * @param shapeRule how our rule computed this call's outputs, or null
   */
  public record CallReport(
      List<String> inbound, List<Shape> outputShapes, List<Shape> inputShapes, String shapeRule) {
    public CallReport(List<String> inbound, List<Shape> outputShapes) {
      this(inbound, outputShapes, null, null);
    }
  }

  /**
   * An expected weight and the stored tensor matched to it; either side may be null.
   *
   * @param dtype the stored element type (numpy's name), or null when unknown or not stored
   * @param bytes the stored tensor's bytes, or null when unknown or not stored
   */
  public record WeightReport(
      String name,
      Shape shape,
      Shape storedShape,
      String storedName,
      String storedPath,
      Boolean trainable,
      String dtype,
      Long bytes) {
    public WeightReport(
        String name,
        Shape shape,
        Shape storedShape,
        String storedName,
        String storedPath,
        Boolean trainable) {
      this(name, shape, storedShape, storedName, storedPath, trainable, null, null);
    }
  }
}
