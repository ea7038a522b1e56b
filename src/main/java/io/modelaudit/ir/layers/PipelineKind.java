package io.modelaudit.ir.layers;

import io.modelaudit.ir.LayerKind;
import io.modelaudit.ir.Shape;
import io.modelaudit.ir.WeightSpec;
import java.util.ArrayList;
import java.util.List;

/**
 * Keras' Pipeline: its layers applied one after the other; the weights are theirs, in order, each
 * given the shape that reaches it.
 */
public final class PipelineKind implements LayerKind {
  private final List<LayerKind> stages;

  public PipelineKind(List<LayerKind> stages) {
    this.stages = List.copyOf(stages);
  }

  public List<LayerKind> stages() {
    return stages;
  }

  @Override
  public List<Shape> outputShapes(List<Shape> inputs) {
    List<Shape> shapes = inputs;
    for (LayerKind stage : stages) {
      shapes = stage.outputShapes(shapes);
    }
    return shapes;
  }

  @Override
  public List<String> caveats(List<Shape> inputs) {
    List<String> out = new ArrayList<>();
    List<Shape> shapes = inputs;
    for (LayerKind stage : stages) {
      out.addAll(stage.caveats(shapes));
      shapes = stage.outputShapes(shapes);
    }
    return out;
  }

  @Override
  public List<WeightSpec> weights(List<Shape> inputs) {
    List<WeightSpec> out = new ArrayList<>();
    List<Shape> shapes = inputs;
    for (LayerKind stage : stages) {
      out.addAll(stage.weights(shapes));
      shapes = stage.outputShapes(shapes);
    }
    return out;
  }
}
