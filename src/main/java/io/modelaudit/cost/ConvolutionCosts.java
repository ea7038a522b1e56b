package io.modelaudit.cost;

import static io.modelaudit.cost.CostQuery.n;

import io.modelaudit.ir.Checked;
import io.modelaudit.ir.layers.ConvKind;
import io.modelaudit.ir.layers.DepthwiseConvKind;
import io.modelaudit.ir.layers.LocallyConnectedKind;
import io.modelaudit.ir.layers.SeparableConvKind;
import io.modelaudit.ir.layers.TransposedConvKind;
import io.modelaudit.ir.layers.dl4j.Dl4jConvKind;
import io.modelaudit.ir.layers.dl4j.Dl4jLocallyConnectedKind;

/**
 * Convolutions. Every output position takes one kernel window per output channel: MACs = output
 * positions × the kernel's elements, where a kernel already holds only {@code in / groups} input
 * channels per filter, so groups and depth multipliers count themselves; dilation spreads the
 * window without adding products. A transposed convolution multiplies every input position by the
 * whole kernel. FLOPs = 2 × MACs + 1 per output element for a bias + 1 for an activation.
 */
final class ConvolutionCosts {
  private ConvolutionCosts() {}

  static void register(CostRules.Registry r) {
    r.add(ConvKind.class, (k, q) -> sliding(q, k.filters(), q.weightSize("kernel"), "kernel"));
    r.add(
        DepthwiseConvKind.class,
        (k, q) -> {
          String name = q.hasWeight("kernel") ? "kernel" : "depthwise_kernel";
          long kernel = q.weightSize(name);
          long channels = q.weight(name).shape().dim(-1) * q.weight(name).shape().dim(-2);
          return sliding(q, channels, kernel, name);
        });
    r.add(
        SeparableConvKind.class,
        (k, q) -> {
          long positions = q.outputElements() / k.filters();
          long depthwise = Checked.multiply(positions, q.weightSize("depthwise_kernel"));
          long pointwise = Checked.multiply(positions, q.weightSize("pointwise_kernel"));
          long macs = Checked.add(depthwise, pointwise);
          return LayerCost.of(
              macs,
              flops(macs, q, q.hasWeight("bias")),
              n(positions)
                  + " positions × (depthwise "
                  + n(q.weightSize("depthwise_kernel"))
                  + " + pointwise "
                  + n(q.weightSize("pointwise_kernel"))
                  + ") = "
                  + n(macs));
        });
    r.add(
        TransposedConvKind.class,
        (k, q) -> {
          long kernel = q.weightSize("kernel");
          long inChannels = kernel / Checked.multiply(k.filters(), k.windowSize());
          return transposed(q, inChannels, kernel);
        });
    r.add(
        LocallyConnectedKind.class,
        (k, q) -> {
          // Every weight of an unshared kernel is used exactly once per example.
          long macs = q.weightSize("kernel");
          return LayerCost.of(
              macs,
              flops(macs, q, q.hasWeight("bias")),
              "each of the " + n(macs) + " unshared kernel weights once");
        });
    r.add(
        Dl4jConvKind.class,
        (k, q) -> {
          long w = q.weightSize("W");
          switch (k.variant()) {
            case DECONVOLUTION:
              return transposed(q, k.nIn(), w);
            case SEPARABLE:
              long positions = q.outputElements() / k.nOut();
              long macs = Checked.multiply(positions, Checked.add(w, q.weightSize("pW")));
              return LayerCost.of(
                  macs,
                  flops(macs, q, q.hasWeight("b")),
                  n(positions)
                      + " positions × (depthwise "
                      + n(w)
                      + " + pointwise "
                      + n(q.weightSize("pW"))
                      + ") = "
                      + n(macs));
            default:
              return sliding(q, k.nOut(), w, "W");
          }
        });
    r.add(
        Dl4jLocallyConnectedKind.class,
        (k, q) -> {
          long macs = q.weightSize("W");
          return LayerCost.of(
              macs,
              flops(macs, q, q.hasWeight("b")),
              "each of the " + n(macs) + " unshared kernel weights once");
        });
  }

  /** Output positions × kernel elements, for a kernel over {@code channels} output channels. */
  private static LayerCost sliding(CostQuery q, long channels, long kernel, String name) {
    long positions = q.outputElements() / channels;
    long macs = Checked.multiply(positions, kernel);
    return LayerCost.of(
        macs,
        flops(macs, q, q.hasWeight("bias") || q.hasWeight("b")),
        n(positions) + " positions × " + name + " " + n(kernel) + " = " + n(macs));
  }

  private static LayerCost transposed(CostQuery q, long inChannels, long kernel) {
    long positions = q.inputElements() / inChannels;
    long macs = Checked.multiply(positions, kernel);
    return LayerCost.of(
        macs,
        flops(macs, q, q.hasWeight("bias") || q.hasWeight("b")),
        n(positions) + " input positions × kernel " + n(kernel) + " = " + n(macs));
  }

  static long flops(long macs, CostQuery q, boolean bias) {
    return Checked.add(Checked.multiply(2, macs), q.biasAndActivation(bias));
  }
}
