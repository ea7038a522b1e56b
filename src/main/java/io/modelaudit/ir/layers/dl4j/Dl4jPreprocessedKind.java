package io.modelaudit.ir.layers.dl4j;

import io.modelaudit.ir.ConfiguredWeights;
import io.modelaudit.ir.LayerKind;
import io.modelaudit.ir.Shape;
import io.modelaudit.ir.WeightSpec;
import java.util.List;

/** A DL4J layer with the input preprocessor the configuration puts in front of it. */
public final class Dl4jPreprocessedKind implements LayerKind, ConfiguredWeights {
  private final Dl4jPreprocessorKind preprocessor;
  private final LayerKind layer;

  public Dl4jPreprocessedKind(Dl4jPreprocessorKind preprocessor, LayerKind layer) {
    this.preprocessor = preprocessor;
    this.layer = layer;
  }

  public LayerKind layer() {
    return layer;
  }

  private List<Shape> preprocessed(List<Shape> inputs) {
    return List.of(preprocessor.apply(LayerKind.single(inputs)));
  }

  @Override
  public List<Shape> outputShapes(List<Shape> inputs) {
    return layer.outputShapes(preprocessed(inputs));
  }

  @Override
  public List<WeightSpec> weights(List<Shape> inputs) {
    return layer.weights(preprocessed(inputs));
  }

  @Override
  public String formula(List<Shape> inputs, List<WeightSpec> weights) {
    return layer.formula(preprocessed(inputs), weights);
  }

  @Override
  public List<String> caveats(List<Shape> inputs) {
    return layer.caveats(preprocessed(inputs));
  }

  @Override
  public List<WeightSpec> configuredWeights() {
    return ConfiguredWeights.of(layer);
  }
}
