package io.modelaudit.formats.keras;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.modelaudit.ir.LayerKind;
import io.modelaudit.ir.Shape;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Keras 1 Deconvolution2D and SeparableConvolution2D, of which the corpus holds no file: the
 * configurations are as Keras 1.2 writes them, the expected weight shapes are those its {@code
 * build()} declares (Deconvolution2D inherits Convolution2D's), and Deconvolution2D's output is the
 * {@code output_shape} it was given, whatever its input.
 */
class Keras1ConvolutionBindingsTest {

  private static LayerKind bind(String className, String config) throws Exception {
    return KerasLayerBindings.bind(
        className, new ObjectMapper().readTree(config.replace('\'', '"')));
  }

  private static List<List<Long>> weightShapes(LayerKind kind, Shape input) {
    return kind.weights(List.of(input)).stream()
        .map(w -> w.shape().dims())
        .collect(Collectors.toList());
  }

  @Test
  void deconvolutionTakesItsOutputShapeFromTheConfiguration() throws Exception {
    String common =
        "'nb_filter':5,'nb_row':3,'nb_col':4,'subsample':[2,2],'border_mode':'valid','bias':true";
    LayerKind th =
        bind(
            "Deconvolution2D",
            "{" + common + ",'dim_ordering':'th','output_shape':[null,5,25,26]}");
    Shape thInput = Shape.of(null, 2L, 12L, 12L);
    assertEquals(List.of(Shape.of(null, 5L, 25L, 26L)), th.outputShapes(List.of(thInput)));
    assertEquals(List.of(List.of(5L, 2L, 3L, 4L), List.of(5L)), weightShapes(th, thInput));

    LayerKind tf =
        bind(
            "Deconvolution2D",
            "{" + common + ",'dim_ordering':'tf','output_shape':[null,25,26,5]}");
    Shape tfInput = Shape.of(null, 12L, 12L, 2L);
    assertEquals(List.of(Shape.of(null, 25L, 26L, 5L)), tf.outputShapes(List.of(tfInput)));
    assertEquals(List.of(List.of(3L, 4L, 2L, 5L), List.of(5L)), weightShapes(tf, tfInput));
  }

  @Test
  void separableConvolutionKernelsFollowTheDimOrdering() throws Exception {
    String common =
        "'nb_filter':6,'nb_row':3,'nb_col':2,'depth_multiplier':2,'subsample':[1,1],'border_mode':'same'";
    LayerKind th =
        bind("SeparableConvolution2D", "{" + common + ",'dim_ordering':'th','bias':true}");
    Shape thInput = Shape.of(null, 4L, 9L, 8L);
    assertEquals(List.of(Shape.of(null, 6L, 9L, 8L)), th.outputShapes(List.of(thInput)));
    assertEquals(
        List.of(List.of(2L, 4L, 3L, 2L), List.of(6L, 8L, 1L, 1L), List.of(6L)),
        weightShapes(th, thInput));

    LayerKind tf =
        bind("SeparableConvolution2D", "{" + common + ",'dim_ordering':'tf','bias':false}");
    Shape tfInput = Shape.of(null, 9L, 8L, 4L);
    assertEquals(List.of(Shape.of(null, 9L, 8L, 6L)), tf.outputShapes(List.of(tfInput)));
    assertEquals(
        List.of(List.of(3L, 2L, 4L, 2L), List.of(1L, 1L, 8L, 6L)), weightShapes(tf, tfInput));
  }
}
