package io.modelaudit.formats.keras;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.modelaudit.formats.BindingResult;
import io.modelaudit.ir.InvalidConfigException;
import io.modelaudit.ir.LayerKind;
import io.modelaudit.ir.Shape;
import io.modelaudit.ir.ShapeException;
import io.modelaudit.ir.WeightSpec;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Branches of the Core rules (KerasCoreBindings) that the core_* fixtures do not reach: options
 * that are unsupported, configurations Keras refuses or cannot run, and the archive order of a
 * stack of cells.
 */
class KerasCoreBindingsTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static JsonNode json(String text) throws Exception {
    return JSON.readTree(text.replace('\'', '"'));
  }

  private static LayerKind bind(String className, String config) throws Exception {
    return KerasLayerBindings.bind(className, json(config));
  }

  private static String cell(String className, String config) {
    return "{'class_name':'" + className + "','config':" + config + "}";
  }

  @Test
  void rmsNormalizationOverAnAxisOtherThanTheLastBuildsButFailsWhenRun() throws Exception {
    Shape in = Shape.of(null, 6L, 8L);
    LayerKind last = bind("RMSNormalization", "{'axis':[-1]}");
    assertEquals(List.of(), last.caveats(List.of(in)));
    LayerKind middle = bind("RMSNormalization", "{'axis':-2}");
    assertEquals(List.of(Shape.of(6L)), shapes(middle.weights(List.of(in))));
    assertEquals(1, middle.caveats(List.of(in)).size());
    // Sorted as written: [-1, 1] makes an (8, 6) scale, which does not broadcast either.
    LayerKind mixed = bind("RMSNormalization", "{'axis':[-1, 1]}");
    assertEquals(List.of(Shape.of(8L, 6L)), shapes(mixed.weights(List.of(in))));
    assertEquals(1, mixed.caveats(List.of(in)).size());
    LayerKind outOfRange = bind("RMSNormalization", "{'axis':3}");
    assertThrows(ShapeException.class, () -> outOfRange.outputShapes(List.of(in)));
  }

  @Test
  void groupQueryAttentionChecksItsInputs() throws Exception {
    LayerKind gqa =
        bind("GroupQueryAttention", "{'head_dim':2,'num_query_heads':4,'num_key_value_heads':2}");
    Shape q = Shape.of(null, 6L, 8L);
    assertThrows(ShapeException.class, () -> gqa.outputShapes(List.of(q)));
    assertThrows(ShapeException.class, () -> gqa.outputShapes(List.of(q, Shape.of(null, 4L, 5L))));
    assertThrows(
        ShapeException.class,
        () -> gqa.outputShapes(List.of(q, Shape.of(null, 4L, 8L), Shape.of(null, 3L, 8L))));
    assertThrows(ShapeException.class, () -> gqa.outputShapes(List.of(q, Shape.of(null, 8L))));
  }

  @Test
  void reversibleEmbeddingFollowsEachCall() throws Exception {
    LayerKind kind =
        KerasLayerBindings.resolve(
                    "ReversibleEmbedding",
                    json("{'input_dim':12,'output_dim':4}"),
                    new KerasCallFacts(true, false, List.of(false, true)))
                instanceof BindingResult.Bound b
            ? b.kind()
            : null;
    Shape ids = Shape.of(null, 5L);
    assertEquals(List.of(Shape.of(null, 5L, 4L)), kind.outputShapes(List.of(ids), 0));
    assertEquals(
        List.of(Shape.of(null, 5L, 12L)), kind.outputShapes(List.of(Shape.of(null, 5L, 4L)), 1));
    // A reverse call needs vectors of output_dim.
    assertThrows(ShapeException.class, () -> kind.outputShapes(List.of(Shape.of(null, 5L, 3L)), 1));
  }

  @Test
  void spectralNormalizationNeedsAKernel() throws Exception {
    LayerKind kind = bind("SpectralNormalization", "{'layer':" + cell("Flatten", "{}") + "}");
    assertThrows(InvalidConfigException.class, () -> kind.weights(List.of(Shape.of(null, 3L, 2L))));
  }

  @Test
  void spectralNormalizationArchiveStoresTheKernelTwice() throws Exception {
    LayerKind kind =
        bind("SpectralNormalization", "{'layer':" + cell("Dense", "{'units':8}") + "}");
    List<WeightSpec> w = kind.weights(List.of(Shape.of(null, 6L)));
    assertEquals(List.of("kernel", "vector_u", "bias"), names(w));
    List<WeightSpec> archived = kind.archiveOrder(w);
    assertEquals(List.of("kernel", "vector_u", "kernel", "bias"), names(archived));
    assertTrue(archived.get(0) == archived.get(2), "the same weight, stored twice");
  }

  @Test
  void adaptivePoolingNeedsItsRank() throws Exception {
    LayerKind kind = bind("AdaptiveMaxPooling2D", "{'output_size':[2,3]}");
    assertThrows(ShapeException.class, () -> kind.outputShapes(List.of(Shape.of(null, 5L, 4L))));
    assertThrows(KerasConfigException.class, () -> bind("AdaptiveMaxPooling2D", "{}"));
  }

  @Test
  void rnnOptionsAndCellsWithoutARuleAreUnsupported() throws Exception {
    String lstm = cell("LSTMCell", "{'units':3}");
    assertThrows(
        UnsupportedOptionException.class,
        () -> bind("RNN", "{'time_major':true,'cell':" + lstm + "}"));
    assertThrows(
        UnsupportedOptionException.class,
        () -> bind("RNN", "{'cell':" + cell("PeepholeLSTMCell", "{'units':3}") + "}"));
    assertThrows(
        UnsupportedOptionException.class,
        () ->
            bind(
                "SpectralNormalization",
                "{'layer':" + cell("Dense", "{'units':2,'lora_rank':2}") + "}"));

    assertThrows(KerasConfigException.class, () -> bind("RNN", "{}"));
  }

  @Test
  void aFrozenCellOfAStackTrainsNothing() throws Exception {
    LayerKind kind =
        bind(
            "RNN",
            "{'cell':["
                + cell("LSTMCell", "{'name':'a','units':3,'trainable':false}")
                + ","
                + cell("GRUCell", "{'name':'b','units':2}")
                + "]}");
    List<WeightSpec> w = kind.weights(List.of(Shape.of(null, 5L, 3L)));
    assertEquals(
        List.of(false, false, false, true, true, true),
        w.stream()
            .map(s -> s.bucket() == io.modelaudit.ir.WeightBucket.TRAINABLE)
            .collect(Collectors.toList()));
  }

  @Test
  void aFrozenCellTrainsNothing() throws Exception {
    LayerKind kind =
        bind("RNN", "{'cell':" + cell("GRUCell", "{'units':2,'trainable':false}") + "}");
    assertTrue(
        kind.weights(List.of(Shape.of(null, 5L, 3L))).stream()
            .noneMatch(w -> w.bucket() == io.modelaudit.ir.WeightBucket.TRAINABLE));
  }

  @Test
  void aStackInAnArchiveIsListedByCellStorageName() throws Exception {
    // lstm_cell_10 sorts before lstm_cell_2, as Keras' saved names do.
    StringBuilder cells = new StringBuilder(cell("SimpleRNNCell", "{'name':'s','units':2}"));
    for (int i = 0; i < 11; i++) {
      cells.append(',').append(cell("LSTMCell", "{'name':'l" + i + "','units':2}"));
    }
    LayerKind kind =
        bind("RNN", "{'cell':{'class_name':'StackedRNNCells','config':{'cells':[" + cells + "]}}}");
    List<WeightSpec> w = kind.weights(List.of(Shape.of(null, 5L, 3L)));
    List<String> cellsInArchive =
        kind.archiveOrder(w).stream()
            .map(s -> s.name().substring(0, s.name().indexOf('/')))
            .distinct()
            .collect(Collectors.toList());
    assertEquals(
        List.of("l0", "l1", "l10", "l2", "l3", "l4", "l5", "l6", "l7", "l8", "l9", "s"),
        cellsInArchive);
  }

  @Test
  void aCellCalledAloneNeedsItsStates() throws Exception {
    LayerKind kind = bind("LSTMCell", "{'units':4}");
    Shape x = Shape.of(null, 3L);
    Shape h = Shape.of(null, 4L);
    assertEquals(List.of(h, h, h), kind.outputShapes(List.of(x, h, h)));
    assertThrows(ShapeException.class, () -> kind.outputShapes(List.of(x, h)));
    assertThrows(ShapeException.class, () -> kind.outputShapes(List.of(x, h, Shape.of(null, 3L))));
    assertThrows(
        ShapeException.class, () -> kind.outputShapes(List.of(Shape.of(null, 5L, 3L), h, h)));
  }

  private static List<Shape> shapes(List<WeightSpec> weights) {
    return weights.stream().map(WeightSpec::shape).collect(Collectors.toList());
  }

  private static List<String> names(List<WeightSpec> weights) {
    return weights.stream().map(WeightSpec::name).collect(Collectors.toList());
  }
}
