package io.modelaudit.report;

import io.modelaudit.report.ModelReport.CostTotals;

/** The compute-cost line of the text summary: MACs, FLOPs and activation memory, made readable. */
final class CostText {
  private CostText() {}

  /**
   * {@code Compute: 3.86 GMACs, 7.76 GFLOPs per example; activations 148.5 MB per example
   * (float32)} and, with {@code --batch-size}, the batch's activations.
   */
  static String summary(CostTotals c) {
    StringBuilder s = new StringBuilder("Compute: ");
    s.append(scaled(c.macs(), "MACs")).append(", ").append(scaled(c.flops(), "FLOPs"));
    s.append(" per example; activations ");
    if (c.unknownActivations() > 0) {
      s.append("at least ");
    }
    s.append(bytes(c.activationBytes()));
    s.append(" per example (float32)");
    if (c.batchSize() != 1) {
      Long batch = c.batchActivationBytes();
      s.append(", ").append(batch == null ? "more than 9.2 EB" : bytes(batch));
      s.append(" for a batch of ").append(c.batchSize());
    }
    if (!c.complete()) {
      s.append("   (at least: ")
          .append(c.unknownLayers())
          .append(c.unknownLayers() == 1 ? " layer" : " layers")
          .append(" of unknown cost)");
    }
    return s.toString();
  }

  /** 3.86 G, 300.8 M, 1,234: three significant digits with an SI prefix. */
  static String scaled(long n, String unit) {
    String[] prefixes = {"", "K", "M", "G", "T", "P", "E"};
    double v = n;
    int i = 0;
    while (Math.abs(v) >= 1000 && i < prefixes.length - 1) {
      v /= 1000;
      i++;
    }
    if (i == 0) {
      return n + " " + unit;
    }
    int decimals = v >= 100 ? 1 : v >= 10 ? 2 : 3;
    return FixedDecimals.of(v, decimals) + " " + prefixes[i] + unit;
  }

  /** Bytes in Keras' units (1 KB = 1024 B), as the summary's weight bytes are shown. */
  static String bytes(long n) {
    return io.modelaudit.report.summary.ByteSizes.readable(n);
  }
}
