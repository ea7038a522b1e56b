package io.modelaudit.ir.layers;

import io.modelaudit.ir.InvalidConfigException;
import io.modelaudit.ir.Shape;
import io.modelaudit.ir.ShapeException;
import io.modelaudit.ir.SingleInputKind;
import java.util.ArrayList;
import java.util.List;

/** Permutes the non-batch axes; {@code dims} are 1-based as in Keras. */
public final class PermuteKind extends SingleInputKind {
  private final List<Integer> dims;

  public PermuteKind(List<Integer> dims) {
    List<Integer> sorted = new java.util.ArrayList<>(dims);
    java.util.Collections.sort(sorted);
    for (int i = 0; i < sorted.size(); i++) {
      if (sorted.get(i) != i + 1) {
        throw new InvalidConfigException(
            "dims " + dims + " is not a permutation of 1.." + dims.size());
      }
    }
    this.dims = List.copyOf(dims);
  }

  @Override
  protected Shape output(Shape input) {
    if (dims.size() != input.rank() - 1) {
      throw new ShapeException("permutation " + dims + " does not fit input " + input);
    }
    List<Long> out = new ArrayList<>();
    out.add(input.dim(0));
    for (int d : dims) {
      if (d < 1 || d >= input.rank()) {
        throw new ShapeException("permutation " + dims + " does not fit input " + input);
      }
      out.add(input.dim(d));
    }
    return Shape.of(out);
  }
}
