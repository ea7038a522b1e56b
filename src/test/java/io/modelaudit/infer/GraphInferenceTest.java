package io.modelaudit.infer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modelaudit.infer.LayerInference.Outcome;
import io.modelaudit.ir.Call;
import io.modelaudit.ir.Layer;
import io.modelaudit.ir.LayerKind;
import io.modelaudit.ir.ModelGraph;
import io.modelaudit.ir.Shape;
import io.modelaudit.ir.TensorRef;
import io.modelaudit.ir.layers.DenseKind;
import io.modelaudit.ir.layers.ElementwiseMergeKind;
import io.modelaudit.ir.layers.EmbeddingKind;
import io.modelaudit.ir.layers.IdentityKind;
import io.modelaudit.ir.layers.InputKind;
import io.modelaudit.ir.layers.OpaqueOpKind;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The walker's behaviour around unknowns, failures, shared layers and ordering. */
class GraphInferenceTest {

  private static Layer layer(String name, LayerKind kind, String... inputs) {
    List<TensorRef> refs =
        java.util.Arrays.stream(inputs)
            .map(i -> new TensorRef(i, 0, 0))
            .collect(java.util.stream.Collectors.toList());
    String className = kind == null ? "Custom" : kind.getClass().getSimpleName();
    return kind == null
        ? Layer.unsupported(name, className, "no rule", List.of(new Call(refs)), "/" + name)
        : Layer.of(name, className, kind, List.of(new Call(refs)), "/" + name);
  }

  private static Layer input(String name, Long... dims) {
    return Layer.of(
        name,
        "InputLayer",
        new InputKind(Shape.of(dims)),
        List.of(new Call(List.of())),
        "/" + name);
  }

  private static ModelGraph graph(String out, Layer... layers) {
    return new ModelGraph(
        "m",
        "Functional",
        List.of(layers),
        List.of(new TensorRef(layers[0].name(), 0, 0)),
        List.of(new TensorRef(out, 0, 0)));
  }

  @Test
  void unsupportedLayerMakesOnlyItsDependentsUnknown() {
    InferredGraph g =
        GraphInference.infer(
            graph(
                "d2",
                input("in", null, 4L),
                layer("d1", new DenseKind(3, true), "in"),
                layer("custom", null, "d1"),
                layer("d2", new DenseKind(2, true), "custom")),
            Map.of());
    assertEquals(Outcome.INFERRED, g.layer("d1").outcome());
    assertEquals(15L, g.layer("d1").params());
    assertEquals(Outcome.UNSUPPORTED, g.layer("custom").outcome());
    assertEquals(Outcome.UNKNOWN_INPUT, g.layer("d2").outcome());
    assertNull(g.layer("d2").params());
    assertNull(g.outputs().get(0));
  }

  @Test
  void layersListedBeforeTheirInputsAreStillWalked() {
    InferredGraph g =
        GraphInference.infer(
            graph(
                "d2",
                input("in", null, 4L),
                layer("d2", new DenseKind(2, true), "d1"),
                layer("d1", new DenseKind(3, true), "in")),
            Map.of());
    assertEquals(Shape.of(null, 2L), g.outputs().get(0));
    assertEquals(8L, g.layer("d2").params());
  }

  @Test
  void longChainListedBackwardsIsWalkedInOnePass() {
    int n = 20_000;
    List<Layer> layers = new java.util.ArrayList<>();
    for (int i = n; i >= 1; i--) {
      layers.add(
          layer(
              "l" + i,
              io.modelaudit.ir.layers.IdentityKind.INSTANCE,
              i == 1 ? "in" : "l" + (i - 1)));
    }
    layers.add(input("in", null, 4L));
    InferredGraph g =
        GraphInference.infer(
            new ModelGraph(
                "m",
                "Functional",
                layers,
                List.of(new TensorRef("in", 0, 0)),
                List.of(new TensorRef("l" + n, 0, 0))),
            Map.of());
    assertEquals(Shape.of(null, 4L), g.outputs().get(0));
  }

  @Test
  void sharedLayerOwnsOneSetOfWeights() {
    Layer shared =
        Layer.of(
            "shared",
            "Dense",
            new DenseKind(4, true),
            List.of(
                new Call(List.of(new TensorRef("a", 0, 0))),
                new Call(List.of(new TensorRef("b", 0, 0)))),
            "/shared");
    Layer add =
        Layer.of(
            "add",
            "Add",
            new ElementwiseMergeKind(2, 2),
            List.of(
                new Call(List.of(new TensorRef("shared", 0, 0), new TensorRef("shared", 1, 0)))),
            "/add");
    InferredGraph g =
        GraphInference.infer(
            new ModelGraph(
                "m",
                "Functional",
                List.of(input("a", null, 8L), input("b", null, 8L), shared, add),
                List.of(new TensorRef("a", 0, 0), new TensorRef("b", 0, 0)),
                List.of(new TensorRef("add", 0, 0))),
            Map.of());
    assertEquals(36L, g.layer("shared").params());
    assertEquals(Shape.of(null, 4L), g.layer("shared").callOutputs().get(1).get(0));
    assertEquals(Shape.of(null, 4L), g.outputs().get(0));
  }

  @Test
  void ruleFailureIsRecordedAndTheWalkGoesOn() {
    InferredGraph g =
        GraphInference.infer(
            graph(
                "add",
                input("in", null, 4L),
                layer("d1", new DenseKind(3, true), "in"),
                layer("add", new ElementwiseMergeKind(2, 2), "d1", "in")),
            Map.of());
    assertEquals(Outcome.RULE_FAILED, g.layer("add").outcome());
    assertEquals(Outcome.INFERRED, g.layer("d1").outcome());
  }

  @Test
  void cyclesAreReportedNotLoopedOn() {
    InferredGraph g =
        GraphInference.infer(
            graph(
                "b",
                input("in", null, 4L),
                layer("a", new DenseKind(3, true), "b"),
                layer("b", new DenseKind(3, true), "a")),
            Map.of());
    assertEquals(Outcome.RULE_FAILED, g.layer("a").outcome());
    assertEquals(Outcome.RULE_FAILED, g.layer("b").outcome());
  }

  @Test
  void inputShapeOverridesFillUnknownDims() {
    InferredGraph g =
        GraphInference.infer(
            graph("d1", input("in", null, null), layer("d1", new DenseKind(3, true), "in")),
            Map.of("in", Shape.of(1L, 4L)));
    assertEquals(Shape.of(1L, 3L), g.outputs().get(0));
    assertEquals(15L, g.layer("d1").params());
  }

  @Test
  void opaqueOpIsUnverifiedAndTheWalkGoesOnWithUnknownShapes() {
    Layer op =
        Layer.of(
            "op",
            "Lambda",
            new OpaqueOpKind("code"),
            List.of(new Call(List.of(new TensorRef("in", 0, 0)))),
            "/op");
    InferredGraph g =
        GraphInference.infer(
            graph(
                "dense",
                input("in", null, 4L),
                op,
                layer("dropout", IdentityKind.INSTANCE, "op"),
                layer("embedding", new EmbeddingKind(10, 3, null, 0), "dropout"),
                layer("dense", new DenseKind(2, true), "dropout"),
                layer("beside", new DenseKind(2, true), "in")),
            Map.of());
    assertEquals(Outcome.OPAQUE, g.layer("op").outcome());
    assertNull(g.layer("op").weights());
    // No weights and no dimension needed: counted, but its output stays unknown and it says why.
    assertEquals(Outcome.UNKNOWN_INPUT, g.layer("dropout").outcome());
    assertEquals("the shape of its input 'op' is unknown", g.layer("dropout").problem());
    assertEquals(0L, g.layer("dropout").params());
    assertNull(g.layer("dropout").callOutputs().get(0).get(0));
    // Weights from the configuration alone.
    assertEquals(Outcome.UNKNOWN_INPUT, g.layer("embedding").outcome());
    assertEquals(30L, g.layer("embedding").params());
    assertNull(g.layer("embedding").callOutputs().get(0));
    // The kernel needs the input's last dim.
    assertEquals(Outcome.UNKNOWN_INPUT, g.layer("dense").outcome());
    assertTrue(g.layer("dense").problem().contains("'dropout"), g.layer("dense").problem());
    assertEquals(10L, g.layer("beside").params());
  }

  @Test
  void opaqueOpYieldsAsManyOutputsAsItsConsumersTake() {
    Layer op =
        Layer.of(
            "split",
            "Split",
            new OpaqueOpKind("code"),
            List.of(new Call(List.of(new TensorRef("in", 0, 0)))),
            "/split");
    Layer user =
        Layer.of(
            "user",
            "Dense",
            new DenseKind(2, true),
            List.of(new Call(List.of(new TensorRef("split", 0, 2)))),
            "/user");
    InferredGraph g =
        GraphInference.infer(graph("user", input("in", null, 4L), op, user), Map.of());
    assertEquals(3, g.layer("split").callOutputs().get(0).size());
    assertEquals(Outcome.UNKNOWN_INPUT, g.layer("user").outcome());
  }

  @Test
  void unknownDimsARuleDoesNotNeedDoNotStopIt() {
    InferredGraph g =
        GraphInference.infer(
            graph(
                "d1", input("in", null, null, null, 4L), layer("d1", new DenseKind(3, true), "in")),
            Map.of());
    assertEquals(15L, g.layer("d1").params());
    assertEquals(Shape.of(null, null, null, 3L), g.outputs().get(0));
  }

  @Test
  void unknownInputOfANestedModelLeavesItsDeclaredInputInForce() {
    ModelGraph body =
        new ModelGraph(
            "inner",
            "Functional",
            List.of(input("x", null, 4L), layer("d", new DenseKind(2, true), "x")),
            List.of(new TensorRef("x", 0, 0)),
            List.of(new TensorRef("d", 0, 0)));
    Layer op =
        Layer.of(
            "op",
            "Lambda",
            new OpaqueOpKind("code"),
            List.of(new Call(List.of(new TensorRef("in", 0, 0)))),
            "/op");
    Layer nested =
        Layer.of(
            "inner",
            "Functional",
            new io.modelaudit.ir.NestedModelKind(body, true),
            List.of(new Call(List.of(new TensorRef("op", 0, 0)))),
            "/inner");
    InferredGraph g =
        GraphInference.infer(graph("inner", input("in", null, 4L), op, nested), Map.of());
    assertEquals(10L, g.layer("inner").params());
    assertEquals(Shape.of(null, 2L), g.outputs().get(0));
  }
}
