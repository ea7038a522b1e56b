package io.modelaudit.cost;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modelaudit.TestPaths;
import io.modelaudit.audit.ModelAuditor;
import io.modelaudit.ir.LayerKind;
import io.modelaudit.ir.Shape;
import io.modelaudit.ir.layers.ConvKind;
import io.modelaudit.ir.layers.ConvLstmKind;
import io.modelaudit.ir.layers.DataFormat;
import io.modelaudit.ir.layers.GroupQueryAttentionKind;
import io.modelaudit.ir.layers.OpaqueOpKind;
import io.modelaudit.ir.layers.Padding;
import io.modelaudit.report.LayerReport;
import io.modelaudit.report.ModelReport;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The rules TensorFlow's profiler cannot check (it does not enter a grouped convolution, and runs
 * ConvLSTM and GroupQueryAttention in loops or einsums it does not count), on configurations small
 * enough to count by hand; and how unknown dimensions are stated and then made concrete.
 */
class CostRulesTest {

  private static LayerCost cost(LayerKind kind, Shape... inputs) {
    List<Shape> in = List.of(inputs);
    return CostRules.cost(new CostQuery(kind, in, kind.outputShapes(in), kind.weights(in), null));
  }

  private static ConvKind conv(long filters, long groups, long dilation) {
    return new ConvKind(
        filters,
        new long[] {3, 3},
        new long[] {1, 1},
        new long[] {dilation, dilation},
        Padding.SAME,
        DataFormat.CHANNELS_LAST,
        groups,
        false,
        ConvKind.KernelLayout.SPATIAL_IN_OUT);
  }

  @Test
  void groupsDivideAConvolutionsProductsAndDilationLeavesThemAlone() {
    Shape in = Shape.of(null, 8L, 8L, 16L);
    // 64 positions × 32 filters × 3·3 window × 16 input channels = 294,912.
    assertEquals(294_912L, cost(conv(32, 1, 1), in).macs());
    // groups=4: each filter sees 16 / 4 = 4 channels: a quarter.
    assertEquals(73_728L, cost(conv(32, 4, 1), in).macs());
    // dilation 2 spreads the same 3×3 window ("same" padding keeps 64 positions).
    assertEquals(294_912L, cost(conv(32, 1, 2), in).macs());
  }

  @Test
  void convLstmMultipliesBothConvolutionsByTheSteps() {
    ConvLstmKind k =
        new ConvLstmKind(
            2,
            new long[] {3, 3},
            new long[] {1, 1},
            new long[] {1, 1},
            Padding.SAME,
            DataFormat.CHANNELS_LAST,
            true,
            false,
            false);
    // 5 steps × 4·4 positions × (3·3·3·8 input kernel + 3·3·2·8 recurrent kernel) = 80 × 360.
    assertEquals(28_800L, cost(k, Shape.of(null, 5L, 4L, 4L, 3L)).macs());
  }

  @Test
  void groupQueryAttentionScoresEveryQueryHead() {
    GroupQueryAttentionKind k = new GroupQueryAttentionKind(4, 4, 2, false, false, false);
    Shape q = Shape.of(null, 6L, 16L);
    Shape v = Shape.of(null, 10L, 16L);
    // Projections: query 6·16·(4·4) = 1,536; key and value 10·16·(2·4) = 1,280 each; output
    // 6·(4·4)·16 = 1,536. Scores 6·10·(4·4) = 960 and weighted sum 960: 7,552.
    assertEquals(7_552L, cost(k, q, v).macs());
  }

  @Test
  void opaqueLayersAndUnknownDimensionsSaySo() {
    // An opaque layer has no shape rule of its own (its outputs come from the file's record).
    List<Shape> in = List.of(Shape.of(null, 3L));
    LayerCost opaque =
        CostRules.cost(new CostQuery(new OpaqueOpKind("a Lambda"), in, in, List.of(), null));
    assertNull(opaque.macs());
    assertTrue(opaque.reason().contains("does not interpret"), opaque.reason());
    LayerCost unknown = cost(conv(4, 1, 1), Shape.of(null, null, 8L, 16L));
    assertNull(unknown.macs());
    assertTrue(unknown.reason().contains("--input-shape"), unknown.reason());
  }

  @Test
  void inputShapeMakesAnUnknownCostConcrete() {
    // concat_unknown.json: an input (None, None, None, 4) global-max-pooled.
    java.nio.file.Path model = TestPaths.kerasModels().resolve("concat_unknown.json");
    ModelReport open = new ModelAuditor(Map.of()).audit(model);
    assertEquals(1, open.totals().cost().unknownLayers());
    LayerReport pooled = row(open, "pooled");
    assertNull(pooled.cost().flops());
    assertTrue(pooled.cost().reason().contains("unknown"), pooled.cost().reason());

    ModelReport fixed = new ModelAuditor(Map.of("img", Shape.of(1L, 5L, 6L, 4L))).audit(model);
    // Global pooling: one FLOP per input element, 5·6·4.
    assertEquals(120L, row(fixed, "pooled").cost().flops());
  }

  private static LayerReport row(ModelReport m, String name) {
    return m.layers().stream().filter(l -> l.name().equals(name)).findFirst().orElseThrow();
  }
}
