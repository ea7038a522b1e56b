package io.modelaudit.ir;

import java.text.NumberFormat;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** Renders parameter-count derivations for people. */
public final class Formulas {
  private Formulas() {}

  public static String number(long n) {
    return NumberFormat.getIntegerInstance(Locale.US).format(n);
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
