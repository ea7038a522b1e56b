package io.modelaudit.ir.layers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.modelaudit.ir.Shape;
import io.modelaudit.ir.ShapeException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Keras' {@code operation_utils.broadcast_shapes}, batch included. */
class BroadcastOpKindTest {

  private static Shape out(List<Shape> constants, Shape... inputs) {
    return new BroadcastOpKind(constants).outputShapes(List.of(inputs)).get(0);
  }

  @Test
  void residualAddKeepsTheShape() {
    assertEquals(
        Shape.of(null, 7L, 32L), out(List.of(), Shape.of(null, 7L, 32L), Shape.of(null, 7L, 32L)));
  }

  @Test
  void constantTensorBroadcastsAgainstTheBatch() {
    assertEquals(
        Shape.of(null, 12L, 1L), out(List.of(Shape.ofKnown(1, 12, 1)), Shape.of(null, 12L, 1L)));
  }

  @Test
  void unknownAgainstKnownTakesTheKnownDim() {
    assertEquals(Shape.of(5L, 3L), out(List.of(), Shape.of(null, 3L), Shape.ofKnown(5, 1)));
    assertEquals(Shape.of(null, 3L), out(List.of(), Shape.of(null, 3L), Shape.ofKnown(1, 3)));
  }

  @Test
  void lowerRankAlignsOnTheLastAxis() {
    assertEquals(Shape.of(null, 4L, 6L), out(List.of(), Shape.of(null, 4L, 6L), Shape.ofKnown(6)));
  }

  @Test
  void incompatibleDimsAreRejected() {
    assertThrows(
        ShapeException.class, () -> out(List.of(), Shape.of(null, 3L), Shape.of(null, 4L)));
  }
}
