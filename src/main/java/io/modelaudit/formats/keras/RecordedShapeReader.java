package io.modelaudit.formats.keras;

import com.fasterxml.jackson.databind.JsonNode;
import io.modelaudit.ir.Call;
import io.modelaudit.ir.Shape;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Reads the shapes Keras itself recorded for a layer's calls, beyond those of the functional nodes
 * ({@link KerasNodeReader}): the input shape a layer was built with ({@code build_config}, Keras 3
 * and tf.keras 2.13+, the only record a Sequential model has), and the output shape given to a
 * Keras 1/2 {@code Lambda}. Anything unreadable is simply not recorded.
 */
final class RecordedShapeReader {
  static final String BUILD_CONFIG_SOURCE = "build_config.input_shape";
  static final String LAMBDA_SOURCE = "Lambda output_shape";

  private RecordedShapeReader() {}

  /** The calls with the shapes the layer's spec records added. */
  static List<Call> withRecorded(JsonNode spec, List<Call> calls) {
    if (calls.isEmpty()) {
      return calls;
    }
    List<Call> out = new ArrayList<>(calls);
    Call first = out.get(0);
    if (!first.recorded().hasInputs()) {
      List<Shape> built = buildShapes(spec.path("build_config"), first.inputs().size());
      if (built != null) {
        out.set(0, first.withRecorded(first.recorded().withInputs(built, BUILD_CONFIG_SOURCE)));
      }
    }
    List<Shape> lambdaOutputs = lambdaOutputs(spec);
    if (lambdaOutputs != null) {
      for (int i = 0; i < out.size(); i++) {
        Call c = out.get(i);
        out.set(i, c.withRecorded(c.recorded().withOutputs(lambdaOutputs, LAMBDA_SOURCE)));
      }
    }
    return out;
  }

  /**
   * {@code {"input_shape": shape or [shapes]}}, or {@code {"shapes_dict": {"query_shape": …}}} in
   * the order of the call's arguments; null unless there is one shape per input tensor.
   */
  private static List<Shape> buildShapes(JsonNode buildConfig, int inputCount) {
    if (!buildConfig.isObject() || inputCount == 0) {
      return null;
    }
    List<Shape> shapes = new ArrayList<>();
    JsonNode single = buildConfig.get("input_shape");
    JsonNode dict = buildConfig.get("shapes_dict");
    if (single != null && single.isArray()) {
      if (isShape(single)) {
        shapes.add(KerasGraphBuilder.recordedShape(single));
      } else {
        single.forEach(s -> shapes.add(KerasGraphBuilder.recordedShape(s)));
      }
    } else if (dict != null && dict.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> it = dict.fields(); it.hasNext(); ) {
        shapes.add(KerasGraphBuilder.recordedShape(it.next().getValue()));
      }
    }
    return shapes.size() == inputCount && shapes.stream().anyMatch(s -> s != null) ? shapes : null;
  }

  /** A list of dimensions (numbers and nulls), not a list of shapes. */
  private static boolean isShape(JsonNode node) {
    for (JsonNode d : node) {
      if (!d.isNull() && !d.isNumber()) {
        return false;
      }
    }
    return true;
  }

  /**
   * A Lambda's {@code output_shape} given as a tuple (without the batch dimension, which Keras
   * takes from the input); null when it is absent, a function, or not readable.
   */
  private static List<Shape> lambdaOutputs(JsonNode spec) {
    if (!"Lambda".equals(spec.path("class_name").asText())) {
      return null;
    }
    JsonNode config = spec.path("config");
    JsonNode shape = config.get("output_shape");
    String type = config.path("output_shape_type").asText("raw");
    if (shape == null || !shape.isArray() || !type.equals("raw")) {
      return null;
    }
    List<Shape> out = new ArrayList<>();
    if (isShape(shape)) {
      out.add(batched(shape));
    } else {
      shape.forEach(s -> out.add(s.isArray() && isShape(s) ? batched(s) : null));
    }
    return out.stream().allMatch(s -> s == null) ? null : out;
  }

  private static Shape batched(JsonNode dims) {
    Shape s = KerasGraphBuilder.recordedShape(dims);
    return s == null ? null : s.prepend(null);
  }
}
