package io.modelaudit.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What Deeplearning4j itself says about one model file, as its reference worker reported it.
 *
 * @param status {@link #OK}, {@link #IMPORT_FAILED} (DL4J could not build the model: a fact about
 *     DL4J), {@link #ERROR} (the file could not be given to DL4J), {@link #CRASHED} or {@link
 *     #TIMEOUT} (the worker died or hung on this file)
 * @param totalParams DL4J's {@code numParams()} of the whole network, when {@code ok}
 * @param built false when the network was too large to build: counts without parameter tables
 * @param failure DL4J's failure, when {@code import_failed}
 * @param message why there is no DL4J result, for the other statuses
 */
public record Dl4jAnswer(
    String status,
    String dl4jVersion,
    String modelClass,
    Long totalParams,
    boolean built,
    List<Layer> layers,
    Failure failure,
    String message) {

  public static final String OK = "ok";
  public static final String IMPORT_FAILED = "import_failed";
  public static final String ERROR = "error";
  public static final String CRASHED = "crashed";
  public static final String TIMEOUT = "timeout";

  /** DL4J has no reader for the file's form (a Keras 3 archive, architecture JSON, TF.js). */
  public static final String NOT_APPLICABLE = "not_applicable";

  public Dl4jAnswer {
    layers = List.copyOf(layers);
  }

  /**
   * One DL4J layer or graph vertex.
   *
   * @param paramTable DL4J's parameter table: name to shape, in DL4J's layout ([nOut, nIn, kH, kW],
   *     bias [nOut] ...)
   * @param activation DL4J's activation function, or null
   * @param outputType DL4J's activation type ({@code InputType}), when DL4J derived one (Keras
   *     imports)
   * @param outputShape that type's dimensions without the batch, in the order of its format (NCHW
   *     [c, h, w], NHWC [h, w, c], NWC [t, n], ...); unknown dims are null; null when there is no
   *     type
   */
  public record Layer(
      String name,
      String className,
      long params,
      Map<String, List<Long>> paramTable,
      String activation,
      String outputType,
      List<Long> outputShape) {
    public Layer {
      paramTable = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(paramTable));
      outputShape =
          outputShape == null
              ? null
              : java.util.Collections.unmodifiableList(new ArrayList<>(outputShape));
    }

    public Layer(
        String name,
        String className,
        long params,
        Map<String, List<Long>> paramTable,
        String activation,
        String outputType) {
      this(name, className, params, paramTable, activation, outputType, null);
    }
  }

  /** DL4J's exception: its class, its message, and the layer the message names (or null). */
  public record Failure(String layer, String exception, String message) {}

  /** DL4J is not asked: it reads no file of this form. */
  public static Dl4jAnswer notApplicable(String why) {
    return unavailable(NOT_APPLICABLE, why);
  }

  public static Dl4jAnswer unavailable(String status, String message) {
    return new Dl4jAnswer(status, null, null, null, false, List.of(), null, message);
  }

  /**
   * DL4J's layer of this name; an unnamed layer of a MultiLayerNetwork goes by its index, as DL4J
   * {@code MultiLayerNetwork.summary()} names it ("0", "1", ...).
   */
  public Layer layer(String name) {
    for (Layer l : layers) {
      if (l.name() != null && l.name().equals(name)) {
        return l;
      }
    }
    if ("MultiLayerNetwork".equals(modelClass) && name != null && name.matches("[0-9]{1,9}")) {
      int index = Integer.parseInt(name);
      if (index < layers.size() && layers.get(index).name() == null) {
        return layers.get(index);
      }
    }
    return null;
  }
}
