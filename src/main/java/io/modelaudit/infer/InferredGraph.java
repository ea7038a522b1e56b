package io.modelaudit.infer;

import io.modelaudit.ir.ModelGraph;
import io.modelaudit.ir.Shape;
import java.util.List;

/** The result of walking one graph: a {@link LayerInference} per layer, in file order. */
public record InferredGraph(ModelGraph graph, List<LayerInference> layers, List<Shape> outputs) {
  public InferredGraph {
    layers = List.copyOf(layers);
    outputs = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(outputs));
  }

  /** The layer's inference by name, or null; a linear search, for tests and one-off lookups. */
  public LayerInference layer(String name) {
    return layers.stream().filter(l -> l.layer().name().equals(name)).findFirst().orElse(null);
  }
}
