package io.modelaudit.ir.layers.dl4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.modelaudit.ir.Shape;
import io.modelaudit.ir.ShapeException;
import io.modelaudit.ir.layers.dl4j.Dl4jPreprocessorKind.Op;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * CnnToFeedForwardPreProcessor with format NHWC (DL4J 1.0.0-beta7+) takes its channels from the
 * last axis: the DL4J differential run found NHWC images falsely flagged ("records channels 2 but
 * its input (None, 8, 4, 2) has 8").
 */
class CnnToFeedForwardFormatTest {
  @Test
  void channelsLastFlattensAnNhwcImage() {
    Dl4jPreprocessorKind nhwc =
        new Dl4jPreprocessorKind(Op.CNN_CHANNELS_LAST_TO_FEED_FORWARD, new long[] {8, 4}, 2);
    assertEquals(
        List.of(Shape.of(null, 64L)), nhwc.outputShapes(List.of(Shape.of(null, 8L, 4L, 2L))));
    assertThrows(
        ShapeException.class, () -> nhwc.outputShapes(List.of(Shape.of(null, 2L, 8L, 4L))));
  }

  @Test
  void channelsFirstStillReadsAxisOne() {
    Dl4jPreprocessorKind nchw =
        new Dl4jPreprocessorKind(Op.CNN_TO_FEED_FORWARD, new long[] {8, 4}, 2);
    assertEquals(
        List.of(Shape.of(null, 64L)), nchw.outputShapes(List.of(Shape.of(null, 2L, 8L, 4L))));
  }
}
