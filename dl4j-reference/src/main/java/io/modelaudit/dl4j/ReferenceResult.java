package io.modelaudit.dl4j;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.nd4j.shade.jackson.databind.ObjectMapper;
import org.nd4j.shade.jackson.databind.node.ArrayNode;
import org.nd4j.shade.jackson.databind.node.ObjectNode;

/**
 * What DL4J says about one file, printed as one line of JSON:
 *
 * <pre>
 * {"path", "format": keras-h5|dl4j-zip|dl4j-json, "dl4j_version",
 *  "status": ok | import_failed (DL4J could not read the model: a finding about DL4J) | error (the file could not be given to DL4J),
 *  "model_class": MultiLayerNetwork|ComputationGraph, "total_params", "built" (false: too large, no parameter tables),
 *  "layers": [{"index" (a MultiLayerNetwork's layer index; configuration order in a graph), "name" (null when unnamed), "class", "params", "param_table": {"W": [shape]...}, "activation", "output_type", "output_shape"}],
 *  "failure": {"layer", "exception", "message"}, "error": {"kind", "message"}}
 * </pre>
 */
final class ReferenceResult {
  static final String KERAS_H5 = "keras-h5";
  static final String DL4J_ZIP = "dl4j-zip";
  static final String DL4J_JSON = "dl4j-json";
  static final String DL4J_VERSION = "1.0.0-M2.1";
  /** Keeps one line bounded when DL4J puts a whole configuration into its message. */
  private static final int MAX_MESSAGE = 2000;
  private static final ObjectMapper JSON = new ObjectMapper();

  record OutputType(String description, long[] shape) {}

  record LayerInfo(String name, String className, long params, Map<String, long[]> paramTable, String activation,
      OutputType outputType) {}

  private final ObjectNode root = JSON.createObjectNode();

  private ReferenceResult(Path file, String format, String status) {
    root.put("path", file.toString());
    root.put("format", format);
    root.put("dl4j_version", DL4J_VERSION);
    root.put("status", status);
  }

  /** {@code built}: whether DL4J built the network (else the parameter tables are empty). */
  static ReferenceResult ok(Path file, String format, String modelClass, List<LayerInfo> layers, long total, boolean built) {
    ReferenceResult r = new ReferenceResult(file, format, "ok");
    r.root.put("model_class", modelClass);
    r.root.put("total_params", total);
    r.root.put("built", built);
    ArrayNode array = r.root.putArray("layers");
    for (int i = 0; i < layers.size(); i++) {
      writeLayer(array.addObject(), i, layers.get(i));
    }
    return r;
  }

  /** DL4J itself refused or failed on the model: {@code layer} when DL4J's message names one. */
  static ReferenceResult failed(Path file, String format, String layer, Throwable e) {
    ReferenceResult r = new ReferenceResult(file, format, "import_failed");
    ObjectNode f = r.root.putObject("failure");
    f.put("layer", layer);
    f.put("exception", e.getClass().getSimpleName());
    f.put("message", bounded(e.getMessage() == null ? e.toString() : e.getMessage()));
    return r;
  }

  static ReferenceResult error(Path file, String format, String kind, String message) {
    ReferenceResult r = new ReferenceResult(file, format, "error");
    ObjectNode e = r.root.putObject("error");
    e.put("kind", kind);
    e.put("message", bounded(message));
    return r;
  }

  private static String bounded(String s) {
    return s.length() <= MAX_MESSAGE ? s : s.substring(0, MAX_MESSAGE) + "…";
  }

  /** One layer's numbers as the worker prints them (and the fixture generator records them). */
  static void writeLayer(ObjectNode n, int index, LayerInfo l) {
    n.put("index", index);
    n.put("name", l.name());
    n.put("class", l.className());
    n.put("params", l.params());
    ObjectNode table = n.putObject("param_table");
    l.paramTable().forEach((k, shape) -> dims(table.putArray(k), shape));
    n.put("activation", l.activation());
    if (l.outputType() != null) {
      n.put("output_type", l.outputType().description());
      if (l.outputType().shape() != null) {
        dims(n.putArray("output_shape"), l.outputType().shape());
      }
    }
  }

  /** Unknown dimensions (DL4J writes -1) become null. */
  static void dims(ArrayNode a, long[] shape) {
    for (long d : shape) {
      if (d < 0) {
        a.addNull();
      } else {
        a.add(d);
      }
    }
  }

  String toJson() {
    try {
      return JSON.writeValueAsString(root);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
