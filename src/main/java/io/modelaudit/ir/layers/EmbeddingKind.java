package io.modelaudit.ir.layers;

import io.modelaudit.ir.Formulas;
import io.modelaudit.ir.Shape;
import io.modelaudit.ir.WeightSpec;
import io.modelaudit.ir.SingleInputKind;
import java.util.List;

/** Looks up integer indices in an (inputDim, outputDim) table: appends outputDim to the shape. */
public final class EmbeddingKind extends SingleInputKind {
  private final long inputDim;
  private final long outputDim;

  public EmbeddingKind(long inputDim, long outputDim) {
    this.inputDim = inputDim;
    this.outputDim = outputDim;
  }

  @Override
  protected Shape output(Shape input) {
    return input.append(outputDim);
  }

  @Override
  protected List<WeightSpec> weights(Shape input) {
    return List.of(WeightSpec.trainable("embeddings", inputDim, outputDim));
  }

  @Override
  public String formula(List<Shape> inputs, List<WeightSpec> weights) {
    return inputDim + " × " + outputDim + " = " + Formulas.number(inputDim * outputDim);
  }
}
