package io.modelaudit.report.summary;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Sizes written as Keras' {@code model.summary()} writes them ({@code
 * keras/src/utils/summary_utils.py}, {@code readable_memory_size}): units of 1024, two decimals,
 * from B to PB ({@code 7864} bytes is {@code 7.68 KB}).
 */
public final class ByteSizes {
  private static final String[] UNITS = {"B", "KB", "MB", "GB", "TB", "PB"};

  private ByteSizes() {}

  public static String readable(long bytes) {
    double size = bytes;
    for (String unit : UNITS) {
      if (size / 1024 < 1) {
        return twoDecimals(size) + " " + unit;
      }
      size /= 1024;
    }
    return twoDecimals(size) + " " + UNITS[UNITS.length - 1];
  }

  /**
   * Python's {@code "{:.2f}"}: the double's exact value rounded half to even (Java's {@code %.2f}
   * rounds half up, which differs on exact ties such as 0.125).
   */
  private static String twoDecimals(double value) {
    return new BigDecimal(value).setScale(2, RoundingMode.HALF_EVEN).toPlainString();
  }
}
