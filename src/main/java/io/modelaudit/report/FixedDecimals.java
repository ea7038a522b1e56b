package io.modelaudit.report;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * {@code String.format(Locale.ROOT, "%.Nf", value)} without {@link java.util.Formatter}, whose
 * first use (a regular expression for the format string, locale data) costs 10 ms of a run that
 * prints one compute line. Same digits: Java rounds the double's shortest decimal form half up.
 */
public final class FixedDecimals {
  private FixedDecimals() {}

  public static String of(double value, int decimals) {
    if (Double.isNaN(value) || Double.isInfinite(value)) {
      return Double.isNaN(value) ? "NaN" : value > 0 ? "Infinity" : "-Infinity";
    }
    String digits =
        new BigDecimal(Double.toString(value))
            .setScale(decimals, RoundingMode.HALF_UP)
            .toPlainString();
    // BigDecimal has no negative zero; Java's formatter keeps the sign (-0.04 is "-0.0").
    boolean negative = value < 0 || Double.doubleToRawLongBits(value) == Long.MIN_VALUE;
    return negative && !digits.startsWith("-") ? "-" + digits : digits;
  }
}
