package io.modelaudit.ir.layers.dl4j;

import io.modelaudit.ir.LayerKind;
import io.modelaudit.ir.Shape;
import java.util.List;

/** A DL4J layer with the input preprocessor the configuration puts in front of it. */
public final class Dl4jPreprocessedKind extends Dl4jAdaptedInputKind {
  private final Dl4jPreprocessorKind preprocessor;

  public Dl4jPreprocessedKind(Dl4jPreprocessorKind preprocessor, LayerKind layer) {
    super(layer);
    this.preprocessor = preprocessor;
  }

  @Override
  List<Shape> adapt(List<Shape> inputs) {
    return List.of(preprocessor.apply(LayerKind.single(inputs)));
  }
}
