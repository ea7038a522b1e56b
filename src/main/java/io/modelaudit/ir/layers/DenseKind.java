package io.modelaudit.ir.layers;

import io.modelaudit.ir.Formulas;
import io.modelaudit.ir.LayerKind;
import io.modelaudit.ir.Shape;
import io.modelaudit.ir.ShapeSteps;
import io.modelaudit.ir.SingleInputKind;
import io.modelaudit.ir.WeightSpec;
import java.util.ArrayList;
import java.util.List;

/** Dense on the last axis of an input of any rank: kernel (in, units), bias (units). */
public final class DenseKind extends SingleInputKind {
  private final long units;
  private final boolean useBias;
  private final long loraRank;

  public DenseKind(long units, boolean useBias) {
    this(units, useBias, 0);
  }

  /**
   * @param loraRank Keras 3 {@code lora_rank}: the kernel is frozen and two trainable factors (in,
   *     r) and (r, units) are added; 0 without LoRA
   */
  public DenseKind(long units, boolean useBias, long loraRank) {
    this.units = units;
    this.useBias = useBias;
    this.loraRank = loraRank;
  }

  /** Output features. */
  public long units() {
    return units;
  }

  @Override
  protected Shape output(Shape input) {
    ShapeSteps.add(
        () ->
            "units = " + units + " replaces the last axis (" + ShapeSteps.dim(input.dim(-1)) + ")");
    return input.withDim(-1, units);
  }

  @Override
  protected List<WeightSpec> weights(Shape input) {
    long in = known(input, -1, "input features");
    List<WeightSpec> w = new ArrayList<>();
    w.add(LoRA.kernel("kernel", Shape.ofKnown(in, units), loraRank));
    if (useBias) {
      w.add(WeightSpec.trainable("bias", units));
    }
    w.addAll(LoRA.factors("lora_kernel", Shape.ofKnown(in), units, loraRank));
    return w;
  }

  @Override
  public String formula(List<Shape> inputs, List<WeightSpec> weights) {
    long in = LayerKind.single(inputs).dim(-1);
    long total = Formulas.total(weights);
    if (loraRank > 0) {
      return Formulas.sumOfProducts(weights);
    }
    return useBias
        ? units + " × (" + in + " + 1) = " + Formulas.number(total)
        : units + " × " + in + " = " + Formulas.number(total);
  }
}
