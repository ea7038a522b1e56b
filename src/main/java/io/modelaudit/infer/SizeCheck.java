package io.modelaudit.infer;

import io.modelaudit.ir.DegenerateShapeException;
import io.modelaudit.ir.NegativeSizeException;
import io.modelaudit.ir.Shape;
import io.modelaudit.ir.WeightSpec;
import java.util.List;

/**
 * The sizes no rule may yield, checked once by the walker for every rule rather than by each: a
 * weight with a negative dimension is an impossible configuration, an empty weight or an empty or
 * negative output dimension a degenerate layer (MultiHeadAttention with {@code num_heads: 0}).
 */
final class SizeCheck {
  private SizeCheck() {}

  /**
   * @throws NegativeSizeException for a negative dimension
   * @throws DegenerateShapeException for an empty one
   */
  static void weights(List<WeightSpec> weights) {
    for (WeightSpec w : weights) {
      if (w.shape().isUnknown()) {
        continue;
      }
      for (Long d : w.shape().dims()) {
        if (d != null && d < 0) {
          throw new NegativeSizeException(
              "weight '"
                  + w.name()
                  + "' would have shape "
                  + w.shape()
                  + ": the configuration gives a negative size");
        }
      }
      for (Long d : w.shape().dims()) {
        if (d != null && d == 0) {
          throw new DegenerateShapeException(
              "weight '" + w.name() + "' would have shape " + w.shape() + ": an empty tensor");
        }
      }
    }
  }

  /**
   * @throws DegenerateShapeException for an empty or negative output dimension
   */
  static void outputs(List<Shape> outputs) {
    if (outputs == null) {
      return;
    }
    for (Shape s : outputs) {
      if (s == null || s.isUnknown()) {
        continue;
      }
      for (Long d : s.dims()) {
        if (d != null && d <= 0) {
          throw new DegenerateShapeException(
              "output shape " + s + " has an empty or negative dimension");
        }
      }
    }
  }
}
