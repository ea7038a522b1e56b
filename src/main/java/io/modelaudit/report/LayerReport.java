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
    Map<String, Object> config) {

  public LayerReport {
    config = config == null ? Map.of() : config;
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
        config);
  }

  /**
   * The input shapes the framework recorded for the layer's first call.
   *
   * @param inputShapes per input tensor, the recorded shape or null
   * @param source where the file records them, e.g. {@code build_config.input_shape}
   * @param resumed true when inference took them because it could not infer the input itself
   */
  public record RecordedReport(List<Shape> inputShapes, String source, boolean resumed) {}

  /** One call of a shared layer. */
  public record CallReport(List<String> inbound, List<Shape> outputShapes) {}

  /** An expected weight and the stored tensor matched to it; either side may be null. */
  public record WeightReport(
      String name,
      Shape shape,
      Shape storedShape,
      String storedName,
      String storedPath,
      Boolean trainable) {}
}
