package io.modelaudit.ir.layers;

import io.modelaudit.ir.Formulas;
import io.modelaudit.ir.LayerKind;
import io.modelaudit.ir.Shape;
import io.modelaudit.ir.SingleInputKind;
import io.modelaudit.ir.WeightSpec;
import java.util.ArrayList;
import java.util.List;

/** Dense on the last axis of an input of any rank: kernel (in, units), bias (units). */
public final class DenseKind extends SingleInputKind {
  private final long units;
  private final boolean useBias;

  public DenseKind(long units, boolean useBias) {
    this.units = units;
    this.useBias = useBias;
  }

  @Override
  protected Shape output(Shape input) {
    return input.withDim(-1, units);
  }

  @Override
  protected List<WeightSpec> weights(Shape input) {
    long in = known(input, -1, "input features");
    List<WeightSpec> w = new ArrayList<>();
    w.add(WeightSpec.trainable("kernel", in, units));
    if (useBias) {
      w.add(WeightSpec.trainable("bias", units));
    }
    return w;
  }

  @Override
  public String formula(List<Shape> inputs, List<WeightSpec> weights) {
    long in = LayerKind.single(inputs).dim(-1);
    long total = Formulas.total(weights);
    return useBias
        ? units + " × (" + in + " + 1) = " + Formulas.number(total)
        : units + " × " + in + " = " + Formulas.number(total);
  }
}
