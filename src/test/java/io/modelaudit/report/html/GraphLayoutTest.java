package io.modelaudit.report.html;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modelaudit.TestPaths;
import io.modelaudit.audit.ModelAuditor;
import io.modelaudit.report.LayerReport;
import io.modelaudit.report.ModelReport;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * ELK's layout of real models, without a browser: every box has a size, no two boxes overlap, a
 * nested layer lies inside its model's box and below its title, a group is as wide as its title,
 * every edge starts and ends on its layers' boxes, and the same graph always gets the same layout.
 * The application models (ResNet50 with 177 layers, DenseNet121 with 429, …) show how long the
 * layout takes; the bound only catches a layout gone quadratic.
 */
class GraphLayoutTest {
  private static final double EPS = 0.5;

  @ParameterizedTest
  @ValueSource(
      strings = {
        "seed_cnn.h5",
        "functional_nested.h5",
        "nested_deep.h5",
        "shared_across_nesting.h5",
        "applications/resnet50.json",
        "applications/densenet121.json",
        "applications/inception_v3.json",
        "applications/efficientnet_b0.json"
      })
  void layoutIsSoundAndDeterministic(String model) {
    ModelReport report;
    try (ModelAuditor auditor = new ModelAuditor(Map.of())) {
      report = auditor.audit(TestPaths.kerasModels().resolve(Path.of(model)));
    }
    assertFalse(report.layers().isEmpty(), model + ": " + report.error());
    LayerGraph graph = LayerGraph.of(report.layers());

    long start = System.nanoTime();
    GraphLayout.Result at = GraphLayout.layout(graph);
    long millis = (System.nanoTime() - start) / 1_000_000;
    System.out.printf(
        "GraphLayoutTest: %s: %d layers, %d edges laid out in %d ms%n",
        model, graph.layers().size(), graph.edges().size(), millis);
    assertTrue(millis < 30_000, model + " took " + millis + " ms");

    GraphLayout.Result again = GraphLayout.layout(graph);
    assertArrayEquals(at.boxes(), again.boxes(), "the same boxes twice");
    for (int e = 0; e < at.edges().size(); e++) {
      assertArrayEquals(at.edges().get(e), again.edges().get(e), "the same edges twice");
    }

    double[][] boxes = at.boxes();
    List<LayerReport> layers = graph.layers();
    for (int i = 0; i < boxes.length; i++) {
      assertTrue(boxes[i][2] > 0 && boxes[i][3] > 0, layers.get(i).path() + " has a size");
      assertTrue(
          boxes[i][0] + boxes[i][2] <= at.width() + EPS
              && boxes[i][1] + boxes[i][3] <= at.height() + EPS,
          layers.get(i).path() + " lies within the drawing");
      if (graph.isGroup(i)) {
        double title = NodeLabel.width(List.of(NodeLabel.groupTitle(layers.get(i))));
        assertTrue(boxes[i][2] + EPS >= title, layers.get(i).path() + " is as wide as its title");
      }
      for (int j = i + 1; j < boxes.length; j++) {
        if (ancestor(graph, i, j)) {
          assertTrue(inside(boxes[j], boxes[i]), layers.get(j).path() + " inside its model");
          assertTrue(
              boxes[j][1] >= boxes[i][1] + GraphLayout.GROUP_TITLE_HEIGHT - EPS,
              layers.get(j).path() + " below its model's title");
        } else if (!ancestor(graph, j, i)) {
          assertFalse(
              overlap(boxes[i], boxes[j]),
              layers.get(i).path() + " overlaps " + layers.get(j).path());
        }
      }
    }
    for (int e = 0; e < graph.edges().size(); e++) {
      double[] points = at.edges().get(e);
      LayerGraph.Edge edge = graph.edges().get(e);
      assertTrue(points.length >= 4, "edge " + edge + " has a start and an end");
      assertTrue(onBorder(boxes[edge.from()], points[0], points[1]), "edge " + edge + " start");
      assertTrue(
          onBorder(boxes[edge.to()], points[points.length - 2], points[points.length - 1]),
          "edge " + edge + " end");
    }
  }

  private static boolean ancestor(LayerGraph g, int a, int b) {
    for (int p = g.parent()[b]; p >= 0; p = g.parent()[p]) {
      if (p == a) {
        return true;
      }
    }
    return false;
  }

  private static boolean inside(double[] in, double[] out) {
    return in[0] >= out[0] - EPS
        && in[1] >= out[1] - EPS
        && in[0] + in[2] <= out[0] + out[2] + EPS
        && in[1] + in[3] <= out[1] + out[3] + EPS;
  }

  private static boolean overlap(double[] a, double[] b) {
    double dx = Math.min(a[0] + a[2], b[0] + b[2]) - Math.max(a[0], b[0]);
    double dy = Math.min(a[1] + a[3], b[1] + b[3]) - Math.max(a[1], b[1]);
    return dx > EPS && dy > EPS;
  }

  private static boolean onBorder(double[] box, double x, double y) {
    boolean withinX = x >= box[0] - EPS && x <= box[0] + box[2] + EPS;
    boolean withinY = y >= box[1] - EPS && y <= box[1] + box[3] + EPS;
    boolean onVertical = Math.abs(x - box[0]) < 1 || Math.abs(x - box[0] - box[2]) < 1;
    boolean onHorizontal = Math.abs(y - box[1]) < 1 || Math.abs(y - box[1] - box[3]) < 1;
    return withinX && withinY && (onVertical || onHorizontal);
  }

  @org.junit.jupiter.api.Test
  void edgesFollowTheCallsOfASharedLayerAndStayInsideTheirModel() throws Exception {
    ModelReport report;
    try (ModelAuditor auditor = new ModelAuditor(Map.of())) {
      report = auditor.audit(TestPaths.kerasModels().resolve("functional_nested.h5"));
    }
    LayerGraph g = LayerGraph.of(report.layers());
    List<String> edges =
        g.edges().stream()
            .map(e -> g.layers().get(e.from()).path() + " -> " + g.layers().get(e.to()).path())
            .toList();
    assertEquals(
        List.of(
            "x1 -> seq_block",
            "seq_block/seq_dense -> seq_block/seq_bn",
            "seq_block/seq_bn -> seq_block/seq_relu",
            "x2 -> func_block",
            "func_block/func_in -> func_block/func_dense_1",
            "func_block/func_dense_1 -> func_block/func_dense_2",
            "seq_block -> shared_dense",
            "func_block -> shared_dense",
            "shared_dense -> concat",
            "shared_dense -> out_a",
            "concat -> out_b"),
        edges);
  }
}
