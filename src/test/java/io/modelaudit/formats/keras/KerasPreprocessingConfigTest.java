package io.modelaudit.formats.keras;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.modelaudit.TestPaths;
import io.modelaudit.ir.LayerKind;
import io.modelaudit.ir.Shape;
import io.modelaudit.ir.ShapeException;
import io.modelaudit.ir.WeightSpec;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Preprocessing layers beyond the model fixtures: configurations Keras 3.15.1 serialized itself
 * with the shape its {@code compute_output_shape} gives (preprocessing_configs.json, written by
 * generate_preprocessing.py) for layers Keras cannot put in a model file (Equalization) and shape
 * rules the fixtures do not reach; and the tf.keras 2.x names Keras 3 dropped, whose configurations
 * follow tf.keras 2.x's {@code get_config} (no tf.keras 2.x can run here).
 */
class KerasPreprocessingConfigTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TestFactory
  Stream<DynamicTest> kerasOwnConfigurationsGiveKerasOwnShapes() throws IOException {
    JsonNode doc =
        JSON.readTree(TestPaths.kerasModels().resolve("preprocessing_configs.json").toFile());
    assertEquals("3.15.1", doc.get("keras_version").asText());
    List<DynamicTest> tests = new ArrayList<>();
    for (JsonNode c : doc.get("cases")) {
      String className = c.get("class_name").asText();
      String label = className + " " + c.get("input_shape") + " (" + c.get("why").asText() + ")";
      tests.add(
          DynamicTest.dynamicTest(
              label,
              () -> {
                if (c.get("why").asText().equals("idf state")) {
                  // The idf weights a .keras archive saves are not modelled: no rule, not a guess.
                  assertThrows(
                      UnsupportedOptionException.class,
                      () -> KerasLayerBindings.bind(className, c.get("config")));
                  return;
                }
                LayerKind kind = KerasLayerBindings.bind(className, c.get("config"));
                assertNotNull(kind, className);
                List<Shape> in = List.of(shape(c.get("input_shape")));
                assertEquals(List.of(shape(c.get("output_shape"))), kind.outputShapes(in));
                long params = kind.weights(in).stream().mapToLong(WeightSpec::size).sum();
                assertEquals(c.get("count_params").asLong(), params, "count_params");
              }));
    }
    return tests.stream();
  }

  private static Shape shape(JsonNode dims) {
    List<Long> out = new ArrayList<>();
    dims.forEach(d -> out.add(d.isNull() ? null : d.asLong()));
    return Shape.of(out);
  }

  private static LayerKind bind(String className, String config) throws Exception {
    return KerasLayerBindings.bind(className, JSON.readTree(config.replace('\'', '"')));
  }

  @Test
  void tfKeras2RandomHeightAndWidthMakeTheirAxisUnknown() throws Exception {
    // tf.keras 2.x get_config: factor, interpolation, seed (channels last only).
    LayerKind height =
        bind("RandomHeight", "{'name':'h','factor':0.2,'interpolation':'bilinear','seed':null}");
    LayerKind width =
        bind("RandomWidth", "{'name':'w','factor':[0.1,0.3],'interpolation':'bilinear'}");
    Shape image = Shape.of(null, 32L, 24L, 3L);
    assertEquals(List.of(Shape.of(null, null, 24L, 3L)), height.outputShapes(List.of(image)));
    assertEquals(List.of(Shape.of(null, 32L, null, 3L)), width.outputShapes(List.of(image)));
    assertEquals(List.of(), height.weights(List.of(image)));
  }

  @Test
  void tfKeras2CategoryCrossingGivesBatchByUnknown() throws Exception {
    LayerKind cross = bind("CategoryCrossing", "{'name':'c','depth':null,'separator':'_X_'}");
    assertEquals(
        List.of(Shape.of(null, null)),
        cross.outputShapes(List.of(Shape.of(null, 1L), Shape.of(null, 2L))));
    assertThrows(ShapeException.class, () -> cross.outputShapes(List.of(Shape.of(null, 1L, 1L))));
  }

  @Test
  void tfKeras2SpellingsOfCategoryEncoding() throws Exception {
    // tf.keras 2.3-2.5: max_tokens and output_mode "binary" (multi_hot since 2.6).
    LayerKind enc = bind("CategoryEncoding", "{'name':'e','max_tokens':6,'output_mode':'binary'}");
    assertEquals(List.of(Shape.of(null, 6L)), enc.outputShapes(List.of(Shape.of(null, 4L))));
  }

  @Test
  void lookupDepthIsUnknownWhenTheFileDoesNotRecordIt() throws Exception {
    // A vocabulary file path and no vocabulary_size (tf.keras 2.x): the depth cannot be known.
    LayerKind lookup =
        bind(
            "StringLookup",
            "{'name':'s','vocabulary':'vocab.txt','output_mode':'multi_hot','max_tokens':null}");
    assertEquals(List.of(Shape.of(null, null)), lookup.outputShapes(List.of(Shape.of(null, 4L))));
  }

  @Test
  void pipelineWithoutARuleForAStageIsUnsupported() throws Exception {
    assertThrows(
        UnsupportedOptionException.class,
        () ->
            bind(
                "Pipeline",
                "{'name':'p','layers':[{'class_name':'MyAugment','config':{'name':'m'}}]}"));
  }
}
