package io.modelaudit.ir;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.text.NumberFormat;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** Formulas.number groups digits as the JDK's US integer format does, for every magnitude. */
class FormulasNumberTest {
  @Test
  void groupsDigitsLikeTheJdkFormat() {
    NumberFormat jdk = NumberFormat.getIntegerInstance(Locale.US);
    long[] values = {
      0,
      7,
      -7,
      999,
      1000,
      -1000,
      12_345,
      999_999,
      1_000_000,
      138_357_544,
      Long.MAX_VALUE,
      Long.MIN_VALUE,
      Long.MIN_VALUE + 1
    };
    for (long v : values) {
      assertEquals(jdk.format(v), Formulas.number(v), "for " + v);
    }
    for (long v = 1; v > 0 && v < Long.MAX_VALUE / 7; v = v * 7 + 3) {
      assertEquals(jdk.format(v), Formulas.number(v), "for " + v);
      assertEquals(jdk.format(-v), Formulas.number(-v), "for " + -v);
    }
  }
}
