package io.modelaudit.ir.layers.dl4j;

import io.modelaudit.ir.ConfiguredWeights;
import io.modelaudit.ir.LayerKind;
import io.modelaudit.ir.Shape;
import io.modelaudit.ir.WeightSpec;
import java.util.List;

/**
 * A DL4J layer that sees its inputs changed before it runs (by a preprocessor, by a wrapper's data
 * format): every rule of the layer is asked with the changed inputs, and its outputs may be changed
 * back.
 */
abstract class Dl4jAdaptedInputKind implements LayerKind, ConfiguredWeights {
  private final LayerKind layer;

  Dl4jAdaptedInputKind(LayerKind layer) {
    this.layer = layer;
  }

  public LayerKind layer() {
    return layer;
  }

  /** The inputs as the layer receives them. */
  abstract List<Shape> adapt(List<Shape> inputs);

  /** The inputs as the wrapped layer receives them, for rules that ask the layer itself. */
  public List<Shape> layerInputs(List<Shape> inputs) {
    return adapt(inputs);
  }

  /** The layer's outputs as the network sees them; unchanged unless a subclass says otherwise. */
  List<Shape> adaptOutputs(List<Shape> outputs) {
    return outputs;
  }

  @Override
  public List<Shape> outputShapes(List<Shape> inputs) {
    return adaptOutputs(layer.outputShapes(adapt(inputs)));
  }

  @Override
  public List<WeightSpec> weights(List<Shape> inputs) {
    return layer.weights(adapt(inputs));
  }

  @Override
  public String formula(List<Shape> inputs, List<WeightSpec> weights) {
    return layer.formula(adapt(inputs), weights);
  }

  @Override
  public List<String> caveats(List<Shape> inputs) {
    return layer.caveats(adapt(inputs));
  }

  @Override
  public List<WeightSpec> configuredWeights() {
    return ConfiguredWeights.of(layer);
  }
}
