package io.modelaudit.cli;

import io.modelaudit.ir.Shape;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code NAME=DIMS}, e.g. {@code input_1=1,224,224,3}: the input's full shape, batch dim included;
 * {@code ?}, {@code None} or {@code -1} leaves a dim unknown.
 */
final class InputShapeConverter {
  private InputShapeConverter() {}

  static Map.Entry<String, Shape> convert(String value) throws CliOption.BadValue {
    int eq = value.lastIndexOf('=');
    if (eq <= 0 || eq == value.length() - 1) {
      throw new CliOption.BadValue(
          "expected NAME=DIMS (e.g. input_1=1,224,224,3), got '" + value + "'");
    }
    List<Long> dims = new ArrayList<>();
    for (String d : value.substring(eq + 1).split(",", -1)) {
      String t = d.trim();
      if (t.equals("?") || t.toLowerCase(Locale.ROOT).equals("none") || t.equals("-1")) {
        dims.add(null);
        continue;
      }
      try {
        long n = Long.parseLong(t);
        if (n < 0) {
          throw new NumberFormatException();
        }
        dims.add(n);
      } catch (NumberFormatException e) {
        throw new CliOption.BadValue(
            "'" + t + "' in '" + value + "' is not a dimension (a number ≥ 0, or ? for unknown)");
      }
    }
    return Map.entry(value.substring(0, eq), Shape.of(dims));
  }
}
