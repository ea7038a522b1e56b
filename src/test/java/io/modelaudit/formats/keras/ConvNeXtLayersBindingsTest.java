package io.modelaudit.formats.keras;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.modelaudit.ir.LayerKind;
import io.modelaudit.ir.Shape;
import io.modelaudit.ir.ShapeException;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * ConvNeXt's LayerScale and StochasticDepth (keras.applications.convnext) beyond the convnext_block
 * fixture: broadcasting of {@code x * gamma}, and custom layers of the same names whose
 * configurations are not ConvNeXt's.
 */
class ConvNeXtLayersBindingsTest {

  private static LayerKind bind(String className, String config) throws Exception {
    return KerasLayerBindings.bind(
        className, new ObjectMapper().readTree(config.replace('\'', '"')));
  }

  @Test
  void layerScaleBroadcastsItsGammaOverTheLastAxis() throws Exception {
    LayerKind scale = bind("LayerScale", "{'name':'s','init_values':1e-6,'projection_dim':16}");
    assertEquals(
        List.of(Shape.of(null, 7L, 16L)), scale.outputShapes(List.of(Shape.of(null, 7L, 16L))));
    // x * gamma: a last axis of 1, or one not known yet, takes gamma's size.
    assertEquals(
        List.of(Shape.of(null, 7L, 16L)), scale.outputShapes(List.of(Shape.of(null, 7L, 1L))));
    assertEquals(
        List.of(Shape.of(null, 7L, 16L)), scale.outputShapes(List.of(Shape.of(null, 7L, null))));
    assertEquals(
        List.of(16L), scale.weights(List.of(Shape.of(null, 7L, null))).get(0).shape().dims());
    assertThrows(ShapeException.class, () -> scale.outputShapes(List.of(Shape.of(null, 7L, 8L))));
  }

  @Test
  void layersOfTheSameNameWithOtherConfigurationsHaveNoRule() throws Exception {
    assertNull(bind("LayerScale", "{'name':'s','scale':0.1}"));
    assertNull(bind("StochasticDepth", "{'name':'d','rate':0.1}"));
    assertEquals(
        List.of(Shape.of(null, 4L)),
        bind("StochasticDepth", "{'name':'d','drop_path_rate':0.1}")
            .outputShapes(List.of(Shape.of(null, 4L))));
  }
}
