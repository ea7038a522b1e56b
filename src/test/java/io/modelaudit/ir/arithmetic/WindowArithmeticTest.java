package io.modelaudit.ir.arithmetic;

import static io.modelaudit.ir.arithmetic.WindowArithmetic.outputLength;
import static io.modelaudit.ir.arithmetic.WindowArithmetic.transposedLength;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.modelaudit.ir.DegenerateShapeException;
import io.modelaudit.ir.ShapeException;
import io.modelaudit.ir.layers.Padding;
import io.modelaudit.ir.layers.dl4j.Dl4jConvolutionMode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Window arithmetic of both frameworks, including sizes a hostile configuration makes overflow.
 * (The DL4J cases were Dl4jConvolutionModeTest.)
 */
class WindowArithmeticTest {
  private static final long MAX = Long.MAX_VALUE;

  @Test
  void truncateSameAndTransposedLengths() {
    assertEquals(6L, outputLength(8L, 3, 1, 1, 0, WindowMode.DL4J_TRUNCATE));
    assertEquals(4L, outputLength(8L, 3, 2, 1, 0, WindowMode.DL4J_SAME));
    assertEquals(17L, transposedLength(8L, 3, 2, 1, 0, null, WindowMode.DL4J_TRUNCATE));
  }

  @Test
  void overflowingPaddingIsAnErrorNotAnEmptyOutput() {
    long huge = 1L << 62;
    assertThrows(
        ArithmeticException.class, () -> outputLength(8L, 3, 1, 1, huge, WindowMode.DL4J_TRUNCATE));
    assertThrows(
        ArithmeticException.class,
        () -> transposedLength(8L, 3, 1, 1, huge, null, WindowMode.DL4J_TRUNCATE));
    assertThrows(
        ArithmeticException.class, () -> outputLength(MAX, 3, 2, 1, 0, WindowMode.DL4J_SAME));
  }

  @ParameterizedTest(name = "{0}: L={1} k={2} s={3} d={4} p={5} -> {6}")
  @CsvSource({
    "KERAS_VALID, 10, 3, 1, 1, 0, 8",
    "KERAS_VALID, 10, 3, 2, 1, 0, 4",
    "KERAS_VALID, 10, 3, 1, 2, 0, 6",
    "KERAS_SAME, 10, 3, 3, 1, 0, 4",
    "KERAS_CAUSAL, 7, 3, 2, 1, 0, 4",
    "KERAS_FULL, 10, 3, 1, 1, 0, 12",
    "KERAS_FULL, 10, 3, 2, 1, 0, 6",
    "DL4J_TRUNCATE, 8, 3, 2, 1, 1, 4",
    "DL4J_TRUNCATE, 8, 3, 2, 1, 0, 3",
    "DL4J_STRICT, 7, 3, 2, 1, 0, 3",
    "DL4J_SAME, 8, 3, 3, 1, 5, 3",
    "DL4J_CAUSAL, 7, 2, 2, 1, 0, 4",
    "DL4J_SAME, 0, 3, 2, 1, 0, 0",
  })
  void outputLengths(
      WindowMode mode,
      long length,
      long kernel,
      long stride,
      long dilation,
      long padding,
      long expected) {
    assertEquals(expected, outputLength(length, kernel, stride, dilation, padding, mode));
  }

  @ParameterizedTest(name = "{0}: L={1} k={2} s={3} output padding {4} -> {5}")
  @CsvSource({
    "KERAS_VALID, 5, 3, 2, , 11",
    "KERAS_VALID, 5, 1, 2, , 10",
    "KERAS_SAME, 5, 3, 2, , 10",
    "KERAS_FULL, 5, 3, 2, , 7",
    "KERAS_VALID, 5, 3, 2, 1, 12",
    "KERAS_SAME, 5, 3, 2, 1, 10",
    "KERAS_FULL, 5, 3, 2, 0, 7",
    "DL4J_SAME, 8, 3, 2, , 16",
    "DL4J_STRICT, 8, 3, 2, , 17",
    "DL4J_CAUSAL, 8, 3, 2, , 17",
  })
  void transposedLengths(
      WindowMode mode, long length, long kernel, long stride, Long outputPadding, long expected) {
    assertEquals(expected, transposedLength(length, kernel, stride, 1, 0, outputPadding, mode));
  }

  @Test
  void dl4jExplicitPaddingShrinksATransposedOutput() {
    assertEquals(15L, transposedLength(8L, 3, 2, 1, 1, null, WindowMode.DL4J_TRUNCATE));
  }

  @ParameterizedTest
  @EnumSource(WindowMode.class)
  void unknownLengthsStayUnknown(WindowMode mode) {
    assertNull(outputLength(null, 3, 2, 1, 0, mode));
    assertNull(transposedLength(null, 3, 2, 1, 0, null, mode));
  }

  @Test
  void windowsThatDoNotFitAreDegenerate() {
    assertThrows(
        DegenerateShapeException.class, () -> outputLength(2L, 3, 1, 1, 0, WindowMode.KERAS_VALID));
    assertThrows(
        DegenerateShapeException.class, () -> outputLength(0L, 3, 1, 1, 0, WindowMode.KERAS_SAME));
    assertThrows(
        DegenerateShapeException.class,
        () -> outputLength(2L, 3, 1, 1, 0, WindowMode.DL4J_TRUNCATE));
    assertThrows(
        DegenerateShapeException.class,
        () -> transposedLength(1L, 1, 1, 1, 3, null, WindowMode.DL4J_TRUNCATE));
    assertThrows(
        DegenerateShapeException.class,
        () -> transposedLength(0L, 1, 1, 1, 0, null, WindowMode.KERAS_SAME));
  }

  @Test
  void strictRefusesWindowsThatDoNotTile() {
    ShapeException e =
        assertThrows(
            ShapeException.class, () -> outputLength(8L, 3, 2, 1, 0, WindowMode.DL4J_STRICT));
    assertEquals(
        "ConvolutionMode.Strict: kernel 3, stride 2 and padding 0 do not tile an input of length 8",
        e.getMessage());
  }

  @Test
  void causalPaddingHasNoTransposedKerasForm() {
    ShapeException e =
        assertThrows(
            ShapeException.class,
            () -> transposedLength(5L, 3, 2, 1, 0, null, WindowMode.KERAS_CAUSAL));
    assertEquals("causal padding is not defined for transposed convolutions", e.getMessage());
  }

  /**
   * Keras' transposed output padding was added unchecked: these used to come out as small positive
   * lengths.
   */
  @Test
  void kerasTransposedOutputPaddingCannotWrapAround() {
    assertThrows(
        ArithmeticException.class,
        () -> transposedLength(2L, 4, MAX, 1, 0, MAX - 1, WindowMode.KERAS_VALID));
    assertThrows(
        ArithmeticException.class,
        () -> transposedLength(2L, 4, MAX, 1, 0, MAX - 1, WindowMode.KERAS_SAME));
  }

  /** Keras 1's full transposed length subtracted s + e − 2 unchecked: an input of 0 gave 4. */
  @Test
  void kerasFullTransposedCannotWrapAround() {
    assertThrows(
        ArithmeticException.class,
        () -> transposedLength(0L, MAX, MAX, 1, 0, null, WindowMode.KERAS_FULL));
    assertThrows(
        ArithmeticException.class,
        () -> transposedLength(1L, MAX, 1, 1, 0, 0L, WindowMode.KERAS_FULL));
  }

  /** Every mode that uses the kernel refuses a dilated kernel beyond a long. */
  @ParameterizedTest
  @EnumSource(
      value = WindowMode.class,
      names = {"DL4J_SAME", "DL4J_CAUSAL"},
      mode = EnumSource.Mode.EXCLUDE)
  void hugeDilatedKernelsOverflow(WindowMode mode) {
    assertThrows(ArithmeticException.class, () -> outputLength(8L, MAX, 1, 2, 0, mode));
  }

  @ParameterizedTest
  @EnumSource(
      value = WindowMode.class,
      names = {"DL4J_SAME", "KERAS_CAUSAL"},
      mode = EnumSource.Mode.EXCLUDE)
  void hugeDilatedKernelsOverflowTransposed(WindowMode mode) {
    assertThrows(ArithmeticException.class, () -> transposedLength(8L, MAX, 1, 2, 0, null, mode));
  }

  /** A huge stride: one window for the forward modes, an overflow for transposed ones. */
  @Test
  void hugeStrides() {
    assertEquals(1L, outputLength(8L, 3, MAX, 1, 0, WindowMode.KERAS_VALID));
    assertEquals(1L, outputLength(8L, 3, MAX, 1, 0, WindowMode.KERAS_SAME));
    assertEquals(1L, outputLength(8L, 3, MAX, 1, 0, WindowMode.DL4J_TRUNCATE));
    assertThrows(
        ArithmeticException.class, () -> outputLength(8L, 3, MAX, 1, 0, WindowMode.DL4J_SAME));
    for (WindowMode mode :
        new WindowMode[] {
          WindowMode.KERAS_VALID,
          WindowMode.KERAS_SAME,
          WindowMode.KERAS_FULL,
          WindowMode.DL4J_TRUNCATE,
          WindowMode.DL4J_SAME
        }) {
      assertThrows(
          ArithmeticException.class,
          () -> transposedLength(8L, 3, MAX, 1, 0, null, mode),
          mode.name());
    }
  }

  @Test
  void eachFrameworksNamesMapToItsOwnModes() {
    assertEquals(WindowMode.KERAS_SAME, Padding.parse("same").window());
    assertEquals(WindowMode.KERAS_FULL, Padding.parse("full").window());
    assertEquals(WindowMode.DL4J_TRUNCATE, Dl4jConvolutionMode.parse(null).window());
    assertEquals(WindowMode.DL4J_STRICT, Dl4jConvolutionMode.parse("Strict").window());
    assertEquals(WindowMode.DL4J_SAME, Dl4jConvolutionMode.parse("Same").window());
  }
}
