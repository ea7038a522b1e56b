package io.modelaudit.infer;

import io.modelaudit.ir.ModelGraph;
import io.modelaudit.ir.Shape;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The result of walking one graph: a {@link LayerInference} per layer, in file order. */
public final class InferredGraph {
  private final ModelGraph graph;
  private final List<LayerInference> layers;
  private final List<Shape> outputs;
  private final Map<String, LayerInference> byName = new HashMap<>();

  public InferredGraph(ModelGraph graph, List<LayerInference> layers, List<Shape> outputs) {
    this.graph = graph;
    this.layers = List.copyOf(layers);
    this.outputs = Collections.unmodifiableList(new ArrayList<>(outputs));
    for (LayerInference l : this.layers) {
      byName.putIfAbsent(l.layer().name(), l);
    }
  }

  public ModelGraph graph() {
    return graph;
  }

  public List<LayerInference> layers() {
    return layers;
  }

  public List<Shape> outputs() {
    return outputs;
  }

  /** The layer's inference by name, or null. */
  public LayerInference layer(String name) {
    return byName.get(name);
  }
}
