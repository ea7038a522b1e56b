package io.modelaudit.ir.layers.dl4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** DL4J's convolution arithmetic, including sizes a hostile configuration makes overflow. */
class Dl4jConvolutionModeTest {

  @Test
  void truncateSameAndTransposedLengths() {
    assertEquals(6L, Dl4jConvolutionMode.TRUNCATE.outputLength(8L, 3, 1, 0, 1));
    assertEquals(4L, Dl4jConvolutionMode.SAME.outputLength(8L, 3, 2, 0, 1));
    assertEquals(17L, Dl4jConvolutionMode.TRUNCATE.deconvolutionLength(8L, 3, 2, 0, 1));
  }

  @Test
  void overflowingPaddingIsAnErrorNotAnEmptyOutput() {
    long huge = 1L << 62;
    assertThrows(ArithmeticException.class, () -> Dl4jConvolutionMode.TRUNCATE.outputLength(8L, 3, 1, huge, 1));
    assertThrows(ArithmeticException.class, () -> Dl4jConvolutionMode.TRUNCATE.deconvolutionLength(8L, 3, 1, huge, 1));
    assertThrows(ArithmeticException.class, () -> Dl4jConvolutionMode.SAME.outputLength(Long.MAX_VALUE, 3, 2, 0, 1));
  }
}
