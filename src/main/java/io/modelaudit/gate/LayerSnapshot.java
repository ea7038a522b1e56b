package io.modelaudit.gate;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a baseline or a diff keeps of one layer's audit: enough to tell that it changed and how.
 *
 * @param path {@code outer/inner} inside nested models, else the name
 * @param outputShapes per output tensor its dims ({@code null} for an unknown dim), an entry null
 *     when even the rank is unknown; null when unknown
 * @param stored what the file stores for the layer, or null when it stores nothing for it
 * @param activation as the file names it, or null
 * @param weights the expected weight shapes by weight name, in the layer's order
 * @param config the layer's configuration values (strings, whole numbers as Long, other numbers,
 *     booleans, nulls, lists), or null when the lock or report was written without them
 */
public record LayerSnapshot(
    String name,
    String path,
    String className,
    List<List<Long>> outputShapes,
    Long params,
    Long trainable,
    Long nonTrainable,
    Long stored,
    String activation,
    Map<String, List<Long>> weights,
    Map<String, Object> config) {

  /** Class, shapes and counts: what must match for two differently named layers to be one. */
  boolean sameExceptName(LayerSnapshot o) {
    return Objects.equals(className, o.className)
        && Objects.equals(outputShapes, o.outputShapes)
        && Objects.equals(params, o.params)
        && Objects.equals(trainable, o.trainable)
        && Objects.equals(nonTrainable, o.nonTrainable)
        && Objects.equals(stored, o.stored)
        && Objects.equals(activation, o.activation)
        && Objects.equals(weights, o.weights)
        && (config == null || o.config == null || config.equals(o.config));
  }
}
