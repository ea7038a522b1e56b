package io.modelaudit.ir;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Shapes the framework itself computed and wrote into the file for one call of a layer: Keras 3
 * functional nodes' {@code __keras_tensor__} argument shapes, a layer's {@code
 * build_config.input_shape} (Keras 3, tf.keras 2.13+), a Keras 1/2 Lambda's {@code output_shape}.
 * They are a reference to compare our inferred shapes with, and the place inference resumes from
 * after a layer whose outputs it cannot compute.
 *
 * @param inputs per input tensor of the call, the recorded shape or null (not recorded); empty when
 *     nothing was recorded
 * @param outputs per output tensor, the recorded shape or null; empty when nothing was recorded
 * @param inputSource where the input shapes were found, e.g. {@code build_config.input_shape}
 * @param outputSource where the output shapes were found, e.g. {@code Lambda output_shape}
 */
public record RecordedShapes(
    List<Shape> inputs, List<Shape> outputs, String inputSource, String outputSource) {
  public static final RecordedShapes NONE = new RecordedShapes(List.of(), List.of(), null, null);

  public RecordedShapes {
    inputs = Collections.unmodifiableList(new ArrayList<>(inputs));
    outputs = Collections.unmodifiableList(new ArrayList<>(outputs));
  }

  public static RecordedShapes ofInputs(List<Shape> inputs, String source) {
    return inputs.stream().allMatch(s -> s == null)
        ? NONE
        : new RecordedShapes(inputs, List.of(), source, null);
  }

  /** The recorded shape of input tensor {@code i}, or null. */
  public Shape input(int i) {
    return i < inputs.size() ? inputs.get(i) : null;
  }

  /** The recorded shape of output tensor {@code i}, or null. */
  public Shape output(int i) {
    return i < outputs.size() ? outputs.get(i) : null;
  }

  public boolean hasInputs() {
    return inputs.stream().anyMatch(s -> s != null);
  }

  public RecordedShapes withInputs(List<Shape> shapes, String source) {
    return new RecordedShapes(shapes, outputs, source, outputSource);
  }

  public RecordedShapes withOutputs(List<Shape> shapes, String source) {
    return new RecordedShapes(inputs, shapes, inputSource, source);
  }
}
