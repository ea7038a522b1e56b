package io.modelaudit.ir.layers;

import io.modelaudit.ir.Formulas;
import io.modelaudit.ir.Shape;
import io.modelaudit.ir.ShapeException;
import io.modelaudit.ir.ShapeSteps;
import io.modelaudit.ir.SingleInputKind;
import io.modelaudit.ir.WeightSpec;
import java.util.ArrayList;
import java.util.List;

/** Looks up integer indices in an (inputDim, outputDim) table: appends outputDim to the shape. */
public final class EmbeddingKind extends SingleInputKind {
  private final long inputDim;
  private final long outputDim;
  private final List<Long> inputLength;
  private final long loraRank;

  /**
   * @param inputLength Keras 1/2 {@code input_length} (one entry per non-batch input axis, entries
   *     may be null), which fills unknown input lengths; null when not configured
   * @param loraRank Keras 3 {@code lora_rank} (see {@link LoRA}); 0 without LoRA
   */
  public EmbeddingKind(long inputDim, long outputDim, List<Long> inputLength, long loraRank) {
    this.loraRank = loraRank;
    this.inputDim = inputDim;
    this.outputDim = outputDim;
    this.inputLength = inputLength == null ? null : new ArrayList<>(inputLength);
  }

  @Override
  protected Shape output(Shape input) {
    ShapeSteps.add(
        () ->
            "each index becomes a vector of output_dim = " + outputDim + ", added as a last axis");
    if (inputLength == null) {
      return input.append(outputDim);
    }
    if (inputLength.size() != input.rank() - 1) {
      throw new ShapeException("input_length " + inputLength + " does not fit input " + input);
    }
    List<Long> dims = new ArrayList<>();
    dims.add(input.dim(0));
    for (int i = 0; i < inputLength.size(); i++) {
      Long configured = inputLength.get(i);
      Long actual = input.dim(i + 1);
      if (configured != null && actual != null && !configured.equals(actual)) {
        throw new ShapeException("input_length " + inputLength + " does not match input " + input);
      }
      dims.add(configured != null ? configured : actual);
    }
    dims.add(outputDim);
    return Shape.of(dims);
  }

  @Override
  protected List<WeightSpec> weights(Shape input) {
    List<WeightSpec> w = new ArrayList<>();
    w.add(LoRA.kernel("embeddings", Shape.ofKnown(inputDim, outputDim), loraRank));
    w.addAll(LoRA.factors("lora_embeddings", Shape.ofKnown(inputDim), outputDim, loraRank));
    return w;
  }

  @Override
  public String formula(List<Shape> inputs, List<WeightSpec> weights) {
    return loraRank > 0
        ? Formulas.sumOfProducts(weights)
        : inputDim + " × " + outputDim + " = " + Formulas.number(Formulas.total(weights));
  }
}
