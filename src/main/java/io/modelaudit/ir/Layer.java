package io.modelaudit.ir;

import java.util.List;

/**
 * A layer as the file describes it. {@code kind} is null when no rule exists for its class; then
 * {@code unsupportedReason} says why.
 *
 * @param name the layer's name in the model
 * @param className the class name as written in the file
 * @param provenance where the layer's configuration was found (e.g. a JSON pointer)
 * @param hidden true for the input of a Sequential model (implicit, or listed in its config):
 *     frameworks do not count it among the model's layers, so reports leave it out
 */
public record Layer(String name, String className, LayerKind kind, String unsupportedReason,
    List<Call> calls, String provenance, boolean hidden) {

  public Layer {
    calls = List.copyOf(calls);
  }

  public boolean supported() {
    return kind != null;
  }

  /** The graph inside a nested model used as a layer, or null. */
  public ModelGraph body() {
    return kind instanceof NestedModelKind ? ((NestedModelKind) kind).body() : null;
  }
}
