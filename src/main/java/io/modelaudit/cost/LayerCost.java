package io.modelaudit.cost;

import io.modelaudit.ir.Checked;

/**
 * The compute cost of one layer for one example: multiply-accumulates and floating-point
 * operations. Both are null when the cost is unknown; then {@code reason} says why. A layer without
 * arithmetic has 0 with a reason.
 *
 * @param macs multiply-accumulates (one multiply and one add) of the layer's linear algebra
 * @param flops floating-point operations: 2 per MAC, plus the element-wise work the family's rule
 *     states (bias adds, activations, normalisation, pooling, merges)
 * @param formula how the numbers were derived, e.g. {@code 112·112·64 × 7·7·3 = 118,013,952}
 * @param reason why the cost is 0 or unknown, or a note on what is left out; null otherwise
 */
public record LayerCost(Long macs, Long flops, String formula, String reason) {

  public static LayerCost of(long macs, long flops, String formula) {
    return new LayerCost(macs, flops, formula, null);
  }

  /** No multiply-accumulates, {@code flops} element-wise operations. */
  public static LayerCost elementwise(long flops, String formula) {
    return new LayerCost(0L, flops, formula, null);
  }

  /** A layer that does no arithmetic (it copies, moves or looks up data). */
  public static LayerCost zero(String reason) {
    return new LayerCost(0L, 0L, null, reason);
  }

  public static LayerCost unknown(String reason) {
    return new LayerCost(null, null, null, reason);
  }

  public boolean known() {
    return macs != null && flops != null;
  }

  /** This cost with a note on what it leaves out. */
  public LayerCost withReason(String value) {
    return new LayerCost(macs, flops, formula, value);
  }

  /** The cost of running this and then {@code other}; unknown when either is. */
  public LayerCost plus(LayerCost other) {
    if (!known()) {
      return this;
    }
    if (!other.known()) {
      return other;
    }
    return new LayerCost(
        Checked.add(macs, other.macs),
        Checked.add(flops, other.flops),
        brief(join(formula, other.formula, " + ")),
        brief(join(reason, other.reason, "; ")));
  }

  /** The cost of running this {@code n} times. */
  public LayerCost times(long n, String what) {
    if (!known()) {
      return this;
    }
    return new LayerCost(
        Checked.multiply(macs, n),
        Checked.multiply(flops, n),
        brief(n + " " + what + " × [" + (formula == null ? macs + " MACs" : formula) + "]"),
        reason);
  }

  /** Sums of many layers (a nested model) do not spell out every term. */
  private static String brief(String text) {
    return text == null || text.length() <= 240 ? text : null;
  }

  private static String join(String a, String b, String separator) {
    if (a == null) {
      return b;
    }
    return b == null ? a : a + separator + b;
  }
}
