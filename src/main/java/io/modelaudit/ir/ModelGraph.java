package io.modelaudit.ir;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Layers (in file order), the model's input and output tensors. */
public final class ModelGraph {
  /**
   * How deep models may be nested inside one another: importers refuse deeper ones, inference too.
   */
  public static final int MAX_NESTING = 64;

  private final String name;
  private final String className;
  private final Map<String, Layer> layers = new LinkedHashMap<>();
  private final List<Layer> layerList;
  private final List<TensorRef> inputs;
  private final List<TensorRef> outputs;

  public ModelGraph(
      String name,
      String className,
      List<Layer> layers,
      List<TensorRef> inputs,
      List<TensorRef> outputs) {
    this.name = name;
    this.className = className;
    for (Layer l : layers) {
      if (this.layers.putIfAbsent(l.name(), l) != null) {
        throw new InvalidConfigException("two layers are named '" + l.name() + "'");
      }
    }
    this.layerList = List.copyOf(this.layers.values());
    this.inputs = List.copyOf(inputs);
    this.outputs = List.copyOf(outputs);
  }

  public String name() {
    return name;
  }

  public String className() {
    return className;
  }

  public List<Layer> layers() {
    return layerList;
  }

  public Layer layer(String layerName) {
    return layers.get(layerName);
  }

  public List<TensorRef> inputs() {
    return inputs;
  }

  public List<TensorRef> outputs() {
    return outputs;
  }
}
