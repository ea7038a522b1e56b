package io.modelaudit.ir.layers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.modelaudit.ir.Shape;
import io.modelaudit.ir.layers.TransposedConvKind.KernelLayout;
import io.modelaudit.ir.layers.dl4j.Dl4jConvKind;
import io.modelaudit.ir.layers.dl4j.Dl4jConvKind.Variant;
import io.modelaudit.ir.layers.dl4j.Dl4jConvolutionMode;
import io.modelaudit.ir.layers.dl4j.Dl4jSubsamplingKind;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Hostile window sizes reach the rules of both frameworks as an overflow, never as a length. */
class WindowOverflowTest {
  private static final long MAX = Long.MAX_VALUE;

  @Test
  void kerasTransposedOutputPaddingOverflows() {
    TransposedConvKind kind =
        new TransposedConvKind(
            1,
            new long[] {4},
            new long[] {MAX},
            new long[] {1},
            Padding.VALID,
            new long[] {MAX - 1},
            null,
            DataFormat.CHANNELS_LAST,
            true,
            KernelLayout.SPATIAL_OUT_IN);
    assertThrows(
        ArithmeticException.class, () -> kind.outputShapes(List.of(Shape.of(null, 2L, 3L))));
  }

  @Test
  void kerasFullTransposedOverflows() {
    TransposedConvKind kind =
        new TransposedConvKind(
            1,
            new long[] {MAX},
            new long[] {MAX},
            new long[] {1},
            Padding.FULL,
            null,
            null,
            DataFormat.CHANNELS_LAST,
            true,
            KernelLayout.SPATIAL_OUT_IN);
    assertThrows(
        ArithmeticException.class, () -> kind.outputShapes(List.of(Shape.of(null, 0L, 3L))));
  }

  @Test
  void kerasConvolutionAndPoolingWithHugeDilationOrPoolOverflow() {
    ConvKind conv =
        new ConvKind(
            2,
            new long[] {MAX},
            new long[] {1},
            new long[] {2},
            Padding.SAME,
            DataFormat.CHANNELS_LAST,
            1,
            true,
            ConvKind.KernelLayout.SPATIAL_IN_OUT,
            0);
    assertThrows(
        ArithmeticException.class, () -> conv.outputShapes(List.of(Shape.of(null, 8L, 3L))));
    PoolingKind pool =
        new PoolingKind(new long[] {MAX}, new long[] {MAX}, Padding.SAME, DataFormat.CHANNELS_LAST);
    assertEquals(
        List.of(Shape.of(null, 1L, 3L)), pool.outputShapes(List.of(Shape.of(null, 8L, 3L))));
  }

  @Test
  void dl4jConvolutionsAndSubsamplingWithHugeDilationOverflow() {
    Dl4jConvKind deconv =
        new Dl4jConvKind(
            Variant.DECONVOLUTION,
            3,
            2,
            1,
            new long[] {3, MAX},
            new long[] {1, 1},
            new long[] {0, 0},
            new long[] {1, 2},
            Dl4jConvolutionMode.TRUNCATE,
            true,
            false);
    assertThrows(
        ArithmeticException.class, () -> deconv.outputShapes(List.of(Shape.of(null, 3L, 8L, 8L))));
    Dl4jSubsamplingKind pool =
        new Dl4jSubsamplingKind(
            new long[] {2, 2},
            new long[] {MAX, 1},
            new long[] {0, 0},
            new long[] {1, 1},
            Dl4jConvolutionMode.SAME,
            false);
    assertThrows(
        ArithmeticException.class, () -> pool.outputShapes(List.of(Shape.of(null, 3L, 8L, 8L))));
  }
}
