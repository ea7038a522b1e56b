package io.modelaudit.ir.arithmetic;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.modelaudit.ir.ShapeSteps;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The steps the window arithmetic records as it computes. The lengths are Keras' (seed_cnn: 32 →
 * 28; conv_transpose's and pooling's fixtures).
 */
class WindowStepsTest {
  private static List<String> steps(java.util.function.Supplier<Long> rule) {
    return ShapeSteps.capture(rule).steps();
  }

  @Test
  void validConvolution() {
    assertEquals(
        List.of("⌊(32 − 5) / 1⌋ + 1 = 28 (valid, stride 1)"),
        steps(() -> WindowArithmetic.outputLength(32L, 5, 1, 1, 0, WindowMode.KERAS_VALID)));
  }

  @Test
  void sameWithStride() {
    assertEquals(
        List.of("⌈11 / 2⌉ = 6 (same, stride 2)"),
        steps(() -> WindowArithmetic.outputLength(11L, 2, 2, 1, 0, WindowMode.KERAS_SAME)));
  }

  @Test
  void causalDilated() {
    assertEquals(
        List.of("⌈9 / 1⌉ = 9 (causal, stride 1, dilation 2)"),
        steps(() -> WindowArithmetic.outputLength(9L, 3, 1, 2, 0, WindowMode.KERAS_CAUSAL)));
  }

  @Test
  void validDilatedShowsTheDilatedKernel() {
    assertEquals(
        List.of("e = 2·(3 − 1) + 1 = 5, ⌊(9 − 5) / 1⌋ + 1 = 5 (valid, stride 1, dilation 2)"),
        steps(() -> WindowArithmetic.outputLength(9L, 3, 1, 2, 0, WindowMode.KERAS_VALID)));
  }

  @Test
  void dl4jTruncateWithPadding() {
    assertEquals(
        List.of("⌊(28 + 2·1 − 3) / 1⌋ + 1 = 28 (Truncate, stride 1, padding 1)"),
        steps(() -> WindowArithmetic.outputLength(28L, 3, 1, 1, 1, WindowMode.DL4J_TRUNCATE)));
  }

  @Test
  void transposedValidAndSame() {
    assertEquals(
        List.of("(7 − 1)·2 + max(3, 2) = 15 (valid, stride 2)"),
        steps(
            () -> WindowArithmetic.transposedLength(7L, 3, 2, 1, 0, null, WindowMode.KERAS_VALID)));
    assertEquals(
        List.of("9·2 = 18 (same, stride 2)"),
        steps(
            () -> WindowArithmetic.transposedLength(9L, 3, 2, 1, 0, null, WindowMode.KERAS_SAME)));
    assertEquals(
        List.of("(9 − 1)·3 + 4 − 2·0 + 1 = 29 (valid, stride 3, output_padding 1)"),
        steps(() -> WindowArithmetic.transposedLength(9L, 4, 3, 1, 0, 1L, WindowMode.KERAS_VALID)));
  }

  @Test
  void unknownLength() {
    assertEquals(
        List.of("None (the input length is unknown) (valid, stride 1)"),
        steps(() -> WindowArithmetic.outputLength(null, 3, 1, 1, 0, WindowMode.KERAS_VALID)));
  }

  @Test
  void nothingIsRecordedOutsideACapture() {
    assertEquals(28L, WindowArithmetic.outputLength(32L, 5, 1, 1, 0, WindowMode.KERAS_VALID));
    assertEquals(List.of(), ShapeSteps.capture(() -> 1).steps());
  }
}
