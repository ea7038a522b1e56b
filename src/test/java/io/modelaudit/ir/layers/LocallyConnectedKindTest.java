package io.modelaudit.ir.layers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.modelaudit.ir.Shape;
import io.modelaudit.ir.WeightSpec;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Keras 3 has no LocallyConnected layer and the corpus holds only implementation 1, so the stored
 * layouts of implementations 2 and 3 are checked here against Keras 2's numbers: the output sizes
 * and implementation 3's kernel lengths were obtained by running Keras 2's {@code
 * conv_utils.conv_output_shape} and {@code conv_kernel_idxs} (as {@code build()} calls them) with 2
 * input channels and 3 filters; the shapes of implementations 1 and 2 are those {@code build()}
 * declares for these sizes.
 */
class LocallyConnectedKindTest {

  private static long[] longs(String s) {
    return java.util.Arrays.stream(s.split(" ")).mapToLong(Long::parseLong).toArray();
  }

  private static List<List<Long>> shapes(List<WeightSpec> weights) {
    return weights.stream().map(w -> w.shape().dims()).collect(Collectors.toList());
  }

  /** Input (batch, spatial…, 2) or (batch, 2, spatial…). */
  private static Shape input(long[] spatial, DataFormat format) {
    Shape s = Shape.of(new Long[] {null});
    if (format == DataFormat.CHANNELS_FIRST) {
      s = s.append(2L);
    }
    for (long d : spatial) {
      s = s.append(d);
    }
    return format == DataFormat.CHANNELS_LAST ? s.append(2L) : s;
  }

  @ParameterizedTest
  @CsvSource({
    // spatial, kernel, strides, padding, Keras 2's output sizes, Keras 2's implementation-3 kernel
    // length
    "10, 3, 1, same, 10, 168",
    "10, 4, 3, same, 4, 78",
    "9, 3, 2, valid, 4, 72",
    "7 6, 3 2, 2 1, same, 4 6, 660",
    "5 5, 4 4, 1 1, same, 5 5, 1536",
    "6 5, 3 3, 2 2, valid, 2 2, 216"
  })
  void implementationThreeStoresOnlyTheConnections(
      String spatial, String kernel, String strides, String padding, String out, long connections) {
    for (DataFormat format : DataFormat.values()) {
      LocallyConnectedKind kind =
          new LocallyConnectedKind(
              3, longs(kernel), longs(strides), Padding.parse(padding), format, true, 3);
      List<WeightSpec> w = kind.weights(List.of(input(longs(spatial), format)));
      assertEquals(List.of(connections), w.get(0).shape().dims());
      assertEquals(Shape.ofKnown(KernelDims.concat(longs(out), 3)), w.get(1).shape());
    }
  }

  @Test
  void implementationTwoStoresADenseKernelInTheInputsOrdering() {
    Shape last = Shape.of(null, 7L, 6L, 2L);
    Shape first = Shape.of(null, 2L, 7L, 6L);
    long[] k = {3, 2};
    long[] s = {2, 1};
    assertEquals(
        List.of(List.of(7L, 6L, 2L, 4L, 6L, 3L), List.of(4L, 6L, 3L)),
        shapes(
            new LocallyConnectedKind(3, k, s, Padding.SAME, DataFormat.CHANNELS_LAST, true, 2)
                .weights(List.of(last))));
    assertEquals(
        List.of(List.of(2L, 7L, 6L, 3L, 4L, 6L), List.of(4L, 6L, 3L)),
        shapes(
            new LocallyConnectedKind(3, k, s, Padding.SAME, DataFormat.CHANNELS_FIRST, true, 2)
                .weights(List.of(first))));
  }

  @Test
  void implementationOneStoresOneKernelSlicePerPosition() {
    LocallyConnectedKind kind =
        new LocallyConnectedKind(
            3, new long[] {3}, new long[] {2}, Padding.VALID, DataFormat.CHANNELS_LAST, false, 1);
    assertEquals(
        List.of(List.of(4L, 6L, 3L)), shapes(kind.weights(List.of(Shape.of(null, 9L, 2L)))));
    assertEquals(
        List.of(Shape.of(null, 4L, 3L)), kind.outputShapes(List.of(Shape.of(null, 9L, 2L))));
  }

  @Test
  void implementationOneRejectsSamePaddingAsKerasDoes() {
    assertThrows(
        IllegalArgumentException.class,
        () ->
            new LocallyConnectedKind(
                3,
                new long[] {3},
                new long[] {1},
                Padding.SAME,
                DataFormat.CHANNELS_LAST,
                true,
                1));
  }
}
