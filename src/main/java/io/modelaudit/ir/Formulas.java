package io.modelaudit.ir;

import java.util.List;
import java.util.stream.Collectors;

/** Renders parameter-count derivations for people. */
public final class Formulas {
  private Formulas() {}

  /**
   * {@code 1,234,567}: digits grouped by three with commas, whatever the locale. Written out rather
   * than through {@code NumberFormat}, whose first use loads the JDK's locale data, a tenth of a
   * short run's start-up.
   */
  public static String number(long n) {
    String digits = Long.toString(n);
    int sign = n < 0 ? 1 : 0;
    StringBuilder b = new StringBuilder(digits.length() + digits.length() / 3);
    b.append(digits, 0, sign);
    for (int i = sign; i < digits.length(); i++) {
      if (i > sign && (digits.length() - i) % 3 == 0) {
        b.append(',');
      }
      b.append(digits.charAt(i));
    }
    return b.toString();
  }

  /** The number of elements in all weights; overflow-checked. */
  public static long total(List<WeightSpec> weights) {
    long total = 0;
    for (WeightSpec w : weights) {
      total = Checked.add(total, w.size());
    }
    return total;
  }

  /** {@code kernel 5·5·3·6 + bias 6 = 456}; {@code 0} for a layer without weights. */
  public static String sumOfProducts(List<WeightSpec> weights) {
    if (weights.isEmpty()) {
      return "0";
    }
    long total = total(weights);
    String terms =
        weights.stream()
            .map(w -> w.name() + " " + product(w.shape()))
            .collect(Collectors.joining(" + "));
    return terms + " = " + number(total);
  }

  public static String product(Shape shape) {
    if (shape.rank() == 0) {
      return "1";
    }
    return shape.dims().stream()
        .map(d -> d == null ? "?" : d.toString())
        .collect(Collectors.joining("·"));
  }
}
