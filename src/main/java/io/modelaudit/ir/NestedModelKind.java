package io.modelaudit.ir;

import java.util.List;

/**
 * A model used as a layer (also inside TimeDistributed). Its shapes and weights come from walking
 * its body; the walker in {@code infer} does that, so these methods are not called directly.
 *
 * @param trainable false when the model itself is frozen
 */
public record NestedModelKind(ModelGraph body, boolean trainable) implements LayerKind {
  @Override
  public List<Shape> outputShapes(List<Shape> inputs) {
    throw new UnsupportedOperationException("nested models are walked by the graph inference");
  }
}
