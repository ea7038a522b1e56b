package io.modelaudit.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The same text as {@code String.format(Locale.ROOT, "%.Nf", v)}, ties and random values. */
class FixedDecimalsTest {
  @Test
  void equalsJavasFormatter() {
    double[] ties = {0.15, 0.25, 0.125, 2.675, 1.005, 999.95, 9.9995, 99.995, 0.0, -0.0, -1.25};
    for (double v : ties) {
      for (int d = 0; d <= 3; d++) {
        assertEquals(String.format(Locale.ROOT, "%." + d + "f", v), FixedDecimals.of(v, d), v + "");
      }
    }
    SplittableRandom random = new SplittableRandom(11);
    for (int i = 0; i < 100_000; i++) {
      double v = random.nextDouble(-1e6, 1e6) / Math.pow(10, random.nextInt(7));
      int d = random.nextInt(4);
      assertEquals(String.format(Locale.ROOT, "%." + d + "f", v), FixedDecimals.of(v, d), v + "");
    }
  }
}
