package io.modelaudit.reference.recorded;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modelaudit.audit.ModelAuditor;
import io.modelaudit.compare.Finding;
import io.modelaudit.compare.Rule;
import io.modelaudit.ir.Shape;
import io.modelaudit.report.LayerReport;
import io.modelaudit.report.ModelReport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shapes Keras records in a file are compared with ours, and inference resumes from them after
 * a layer it cannot see through. The configurations are Keras 3.15.1's own output, cut down.
 */
class RecordedReferenceTest {
  @TempDir Path dir;

  private ModelReport audit(String json) throws Exception {
    Path file = dir.resolve("model.json");
    Files.writeString(file, json.replace('\'', '"'));
    return new ModelAuditor(Map.of()).audit(file);
  }

  private static final String DENSE =
      "{'module':'keras.layers','class_name':'Dense','config':{'name':'%s','trainable':true,"
          + "'units':%d,'activation':'linear','use_bias':true},'build_config':{'input_shape':%s}}";

  @Test
  void aBuildShapeUnlikeOursIsAMismatchAtThatLayer() throws Exception {
    ModelReport report =
        audit(
            "{'module':'keras','class_name':'Sequential','config':{'name':'s','layers':["
                + "{'class_name':'InputLayer','config':{'batch_shape':[null,8],'name':'in'}},"
                + String.format(DENSE, "first", 4, "[null,8]")
                + ","
                + String.format(DENSE, "second", 2, "[null,5]")
                + "]}}");
    List<Finding> recorded =
        report.findings().stream()
            .filter(f -> f.rule() == Rule.RECORDED_SHAPE_MISMATCH)
            .collect(Collectors.toList());
    assertEquals(1, recorded.size(), () -> report.findings().toString());
    Finding f = recorded.get(0);
    assertEquals("second", f.layer());
    assertEquals(RecordedReference.ID, f.reference());
    assertEquals("(None, 4)", f.expected());
    assertEquals("(None, 5)", f.actual());
    assertTrue(f.message().contains("build_config.input_shape"), f.message());
    assertEquals(ModelReport.MISMATCH, report.status());
    assertEquals(LayerReport.MISMATCH, row(report, "second").status());
    LayerReport first = row(report, "first");
    assertNotNull(first.recorded());
    assertEquals(List.of(Shape.of(null, 8L)), first.recorded().inputShapes());
    assertEquals(false, first.recorded().resumed());
  }

  @Test
  void afterALambdaTheNextLayerResumesFromTheRecordedTensorShape() throws Exception {
    String tensor =
        "{'class_name':'__keras_tensor__','config':{'shape':%s,'dtype':'float32',"
            + "'keras_history':['%s',0,0]}}";
    ModelReport report =
        audit(
            "{'module':'keras','class_name':'Functional','config':{'name':'f','layers':["
                + "{'class_name':'InputLayer','name':'in','config':{'batch_shape':[null,8],"
                + "'name':'in'},'inbound_nodes':[]},"
                + "{'class_name':'Lambda','name':'lam','config':{'name':'lam','trainable':true,"
                + "'function':{'class_name':'__lambda__','config':{'code':'xxx'}}},"
                + "'inbound_nodes':[{'args':["
                + String.format(tensor, "[null,8]", "in")
                + "],'kwargs':{}}]},"
                + "{'class_name':'Dense','name':'after','config':{'name':'after','trainable':true,"
                + "'units':3,'use_bias':true},'build_config':{'input_shape':[null,6]},"
                + "'inbound_nodes':[{'args':["
                + String.format(tensor, "[null,6]", "lam")
                + "],'kwargs':{}}]}],"
                + "'input_layers':[['in',0,0]],'output_layers':[['after',0,0]]}}");
    LayerReport after = row(report, "after");
    assertEquals(List.of(Shape.of(null, 3L)), after.outputShapes());
    assertEquals(Long.valueOf(21), after.params());
    assertTrue(after.recorded().resumed());
    assertEquals("inbound_nodes __keras_tensor__ shape", after.recorded().source());
    assertEquals(LayerReport.UNVERIFIED, row(report, "lam").status());
    java.io.StringWriter text = new java.io.StringWriter();
    new io.modelaudit.report.TextRenderer(false)
        .render(
            new io.modelaudit.report.AuditReport("test", List.of(report)),
            new java.io.PrintWriter(text));
    assertTrue(text.toString().contains("unverified†"), text.toString());
    assertTrue(
        text.toString()
            .contains(
                "† input shape we could not infer, taken from the one the file records"
                    + " (inbound_nodes __keras_tensor__ shape)"),
        text.toString());
    assertTrue(
        report.findings().stream().noneMatch(f -> f.rule() == Rule.RECORDED_SHAPE_MISMATCH),
        () -> report.findings().toString());
  }

  @Test
  void aLambdaOutputShapeCarriesInferenceOn() throws Exception {
    // Keras 2: output_shape without the batch dimension, output_shape_type "raw".
    ModelReport report =
        audit(
            "{'class_name':'Sequential','config':[{'class_name':'Lambda','config':{'name':'lam',"
                + "'trainable':true,'batch_input_shape':[null,8],'function':['xx',null,null],"
                + "'function_type':'lambda','output_shape':[2,4],'output_shape_type':'raw'}},"
                + "{'class_name':'Flatten','config':{'name':'flat','trainable':true}}]}");
    assertEquals(List.of(Shape.of(null, 2L, 4L)), row(report, "lam").outputShapes());
    assertEquals(List.of(Shape.of(null, 8L)), row(report, "flat").outputShapes());
    assertTrue(
        row(report, "lam")
            .note()
            .endsWith("the output shape shown is the one the file declares (Lambda output_shape)"),
        row(report, "lam").note());
  }

  @Test
  void aLayerFedByAnUnknownShapeSaysSoAndTakesItsOutputFromTheRecord() throws Exception {
    // Keras 3 Sequential: a weightless layer records no build_config; the Dense after it does.
    ModelReport report =
        audit(
            "{'module':'keras','class_name':'Sequential','config':{'name':'s','layers':["
                + "{'class_name':'InputLayer','config':{'batch_shape':[null,8],'name':'in'}},"
                + "{'module':'keras.layers','class_name':'Lambda','config':{'name':'lam',"
                + "'trainable':true,'function':{'module':'builtins','class_name':'function',"
                + "'config':'twice','registered_name':'function'},'arguments':{}},"
                + "'build_config':{'input_shape':[null,8]}},"
                + "{'module':'keras.layers','class_name':'ReLU','config':{'name':'relu',"
                + "'trainable':true}},"
                + String.format(DENSE, "dense", 2, "[null,8]")
                + "]}}");
    LayerReport relu = row(report, "relu");
    assertEquals(List.of(Shape.of(null, 8L)), relu.outputShapes());
    assertEquals(LayerReport.UNVERIFIED, relu.status());
    assertEquals(
        "the shape of its input 'lam' is unknown; the output shape shown is the one the file"
            + " records where it is used",
        relu.note());
    assertEquals(List.of(Shape.of(null, 2L)), row(report, "dense").outputShapes());
  }

  @Test
  void aNestedModelEndingInALambdaShowsTheRecordedShapeInside() throws Exception {
    // Keras 3 functional model around a nested Sequential whose last layer is a Lambda; the
    // layer after the nested model records the tensor it was called with.
    ModelReport report =
        audit(
            "{'module':'keras.src.models.functional','class_name':'Functional','config':{"
                + "'name':'outer','trainable':true,'layers':["
                + "{'module':'keras.layers','class_name':'InputLayer','config':{"
                + "'batch_shape':[null,6],'name':'in'},'name':'in','inbound_nodes':[]},"
                + "{'module':'keras','class_name':'Sequential','config':{'name':'inner',"
                + "'trainable':true,'layers':["
                + "{'class_name':'InputLayer','config':{'batch_shape':[null,6],'name':'in2'}},"
                + "{'module':'keras.layers','class_name':'Lambda','config':{'name':'lam',"
                + "'trainable':true,'function':{'module':'builtins','class_name':'function',"
                + "'config':'twice','registered_name':'function'},'arguments':{}}}]},"
                + "'name':'inner','inbound_nodes':[{'args':[{'class_name':'__keras_tensor__',"
                + "'config':{'shape':[null,6],'dtype':'float32','keras_history':['in',0,0]}}],"
                + "'kwargs':{}}]},"
                + "{'module':'keras.layers','class_name':'Dense','config':{'name':'dense',"
                + "'trainable':true,'units':2,'activation':'linear','use_bias':true},"
                + "'build_config':{'input_shape':[null,12]},'name':'dense','inbound_nodes':[{"
                + "'args':[{'class_name':'__keras_tensor__','config':{'shape':[null,12],"
                + "'dtype':'float32','keras_history':['inner',0,0]}}],'kwargs':{}}]}],"
                + "'input_layers':[['in',0,0]],'output_layers':[['dense',0,0]]}}");
    assertEquals(List.of(Shape.of(null, 12L)), row(report, "inner").outputShapes());
    LayerReport lambda = row(report, "lam");
    assertEquals(List.of(Shape.of(null, 12L)), lambda.outputShapes());
    assertTrue(lambda.note().endsWith("records where it is used"), lambda.note());
    assertEquals(List.of(Shape.of(null, 2L)), row(report, "dense").outputShapes());
  }

  private static LayerReport row(ModelReport report, String name) {
    return report.layers().stream()
        .filter(l -> l.name().equals(name))
        .findFirst()
        .orElseThrow(() -> new AssertionError(name + " not in " + report.layers()));
  }
}
