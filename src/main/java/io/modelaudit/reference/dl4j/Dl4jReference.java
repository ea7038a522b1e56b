package io.modelaudit.reference.dl4j;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What Deeplearning4j itself says about one model file, as its reference worker reported it.
 *
 * @param status {@link #OK}, {@link #IMPORT_FAILED} (DL4J could not build the model: a fact about
 *     DL4J), {@link #ERROR} (the file could not be given to DL4J), {@link #CRASHED} or
 *     {@link #TIMEOUT} (the worker died or hung on this file)
 * @param totalParams DL4J's {@code numParams()} of the whole network, when {@code ok}
 * @param built false when the network was too large to build: counts without parameter tables
 * @param failure DL4J's failure, when {@code import_failed}
 * @param message why there is no DL4J result, for the other statuses
 */
public record Dl4jReference(String status, String dl4jVersion, String modelClass, Long totalParams, boolean built,
    List<Layer> layers, Failure failure, String message) {

  public static final String OK = "ok";
  public static final String IMPORT_FAILED = "import_failed";
  public static final String ERROR = "error";
  public static final String CRASHED = "crashed";
  public static final String TIMEOUT = "timeout";
  /** DL4J has no reader for the file's form (a Keras 3 archive, architecture JSON, TF.js). */
  public static final String NOT_APPLICABLE = "not_applicable";

  private static final ObjectMapper JSON = new ObjectMapper();

  public Dl4jReference {
    layers = List.copyOf(layers);
  }

  /**
   * One DL4J layer or graph vertex.
   *
   * @param paramTable DL4J's parameter table: name to shape, in DL4J's layout ([nOut, nIn, kH, kW], bias [nOut] ...)
   * @param activation DL4J's activation function, or null
   * @param outputType DL4J's activation type ({@code InputType}), when DL4J derived one (Keras imports)
   * @param outputShape that type's dimensions without the batch, in the order of its format (NCHW
   *     [c, h, w], NHWC [h, w, c], NWC [t, n], ...); unknown dims are null; null when there is no type
   */
  public record Layer(String name, String className, long params, Map<String, List<Long>> paramTable, String activation,
      String outputType, List<Long> outputShape) {
    public Layer {
      paramTable = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(paramTable));
      outputShape = outputShape == null ? null : java.util.Collections.unmodifiableList(new ArrayList<>(outputShape));
    }

    public Layer(String name, String className, long params, Map<String, List<Long>> paramTable, String activation,
        String outputType) {
      this(name, className, params, paramTable, activation, outputType, null);
    }
  }

  /** DL4J's exception: its class, its message, and the layer the message names (or null). */
  public record Failure(String layer, String exception, String message) {}

  /** DL4J is not asked: it reads no file of this form. */
  public static Dl4jReference notApplicable(String why) {
    return unavailable(NOT_APPLICABLE, why);
  }

  static Dl4jReference unavailable(String status, String message) {
    return new Dl4jReference(status, null, null, null, false, List.of(), null, message);
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

  /** Parses one result line of the worker; a line that is not one is an IllegalArgumentException. */
  static Dl4jReference parse(String line) {
    JsonNode root;
    try {
      root = JSON.readTree(line);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalArgumentException("not a result line: " + e.getOriginalMessage());
    }
    if (root == null || !root.isObject()) {
      throw new IllegalArgumentException("not a result line");
    }
    String status = text(root, "status");
    if (status == null) {
      throw new IllegalArgumentException("result without status");
    }
    String version = text(root, "dl4j_version");
    switch (status) {
      case OK:
        List<Layer> layers = new ArrayList<>();
        for (JsonNode l : root.path("layers")) {
          Map<String, List<Long>> table = new LinkedHashMap<>();
          for (Map.Entry<String, JsonNode> p : l.path("param_table").properties()) {
            table.put(p.getKey(), dims(p.getValue()));
          }
          JsonNode shape = l.get("output_shape");
          layers.add(new Layer(text(l, "name"), text(l, "class"), number(l, "params"), table, text(l, "activation"),
              text(l, "output_type"), shape == null || !shape.isArray() ? null : dims(shape)));
        }
        return new Dl4jReference(OK, version, text(root, "model_class"), number(root, "total_params"),
            root.path("built").asBoolean(true), layers, null, null);
      case IMPORT_FAILED:
        JsonNode f = root.path("failure");
        return new Dl4jReference(IMPORT_FAILED, version, null, null, false, List.of(),
            new Failure(text(f, "layer"), text(f, "exception"), text(f, "message")), null);
      case ERROR:
        return new Dl4jReference(ERROR, version, null, null, false, List.of(), null, text(root.path("error"), "message"));
      default:
        throw new IllegalArgumentException("unknown status " + status);
    }
  }

  static String path(String line) {
    try {
      return text(JSON.readTree(line), "path");
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      return null;
    }
  }

  private static String text(JsonNode n, String key) {
    JsonNode v = n == null ? null : n.get(key);
    return v == null || !v.isTextual() ? null : v.asText();
  }

  private static long number(JsonNode n, String key) {
    JsonNode v = n.get(key);
    if (v == null || !v.canConvertToLong() || !v.isIntegralNumber()) {
      throw new IllegalArgumentException("result without a number for " + key);
    }
    return v.longValue();
  }

  private static List<Long> dims(JsonNode array) {
    List<Long> out = new ArrayList<>();
    for (JsonNode d : array) {
      // DL4J writes -1 for a dimension it does not know (a time series of any length).
      out.add(d.isIntegralNumber() && d.longValue() >= 0 ? d.longValue() : null);
    }
    return out;
  }
}
