package io.modelaudit.formats.keras;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.modelaudit.ir.LayerKind;
import io.modelaudit.ir.Shape;
import io.modelaudit.ir.layers.BroadcastOpKind;
import io.modelaudit.ir.layers.OpaqueOpKind;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which configuration entries are code layers or operation nodes, as Keras writes them. */
class KerasOperationsTest {
  private static final String TENSOR =
      "{'class_name':'__keras_tensor__','config':{'shape':[null,12,1],'keras_history':['in',0,0]}}";

  private static LayerKind kind(String json, boolean keras3) throws Exception {
    JsonNode spec = new ObjectMapper().readTree(json.replace('\'', '"'));
    return KerasOperations.kind(spec.get("class_name").asText(), spec, keras3);
  }

  @Test
  void codeLayersAreOpaqueInEveryKerasVersion() throws Exception {
    for (String c : List.of("Lambda", "TFOpLambda", "SlicingOpLambda", "TensorFlowOpLayer")) {
      assertTrue(
          kind("{'class_name':'" + c + "','config':{'name':'x','trainable':true}}", false)
              instanceof OpaqueOpKind,
          c);
    }
    assertTrue(
        kind(
                "{'class_name':'TimeDistributed','config':{'name':'t','trainable':true,"
                    + "'layer':{'class_name':'Lambda','config':{'name':'l'}}}}",
                false)
            instanceof OpaqueOpKind);
  }

  @Test
  void keras3OperationsAreKnownByModuleOrByAConfigWithoutTrainable() throws Exception {
    assertTrue(
        kind("{'class_name':'GetItem','module':'keras.src.ops.numpy','config':{'name':'g'}}", true)
            instanceof OpaqueOpKind);
    assertTrue(
        kind("{'class_name':'NotEqual','config':{'name':'n'}}", true) instanceof OpaqueOpKind);
    // A layer of the same class name writes trainable; older Keras has no operation nodes.
    assertNull(
        kind(
            "{'class_name':'Reshape','config':{'name':'r','trainable':true,'target_shape':[4]}}",
            true));
    assertNull(kind("{'class_name':'Reshape','config':{'name':'r','target_shape':null}}", false));
  }

  @Test
  void customClassesAreNotOperations() throws Exception {
    assertNull(
        kind(
            "{'class_name':'MyLayer','module':null,'registered_name':'Custom>MyLayer','config':{'name':'m','trainable':true}}",
            true));
    assertNull(
        kind("{'class_name':'GetItem','module':'my_package.layers','config':{'name':'g'}}", true));
  }

  @Test
  void elementwiseOperationsBroadcastTensorsNumbersAndConstantTensors() throws Exception {
    LayerKind scaled =
        kind(
            "{'class_name':'Multiply','module':'keras.src.ops.numpy','config':{'name':'m'},"
                + "'inbound_nodes':[{'args':["
                + TENSOR
                + ",2.0],'kwargs':{}}]}",
            true);
    assertEquals(
        List.of(Shape.of(null, 12L, 1L)), scaled.outputShapes(List.of(Shape.of(null, 12L, 1L))));
    LayerKind encoded =
        kind(
            "{'class_name':'Add','module':'keras.src.ops.numpy','config':{'name':'a'},"
                + "'inbound_nodes':[{'args':["
                + TENSOR
                + ",{'class_name':'__tensor__','config':{'value':[[[0.0],[1.0],[2.0]]],'dtype':'float32'}}],'kwargs':{}}]}",
            true);
    assertTrue(encoded instanceof BroadcastOpKind);
    assertEquals(
        List.of(Shape.of(null, 3L, 1L)), encoded.outputShapes(List.of(Shape.of(null, 3L, 1L))));
    // A list argument (not a tensor, number or constant tensor) leaves the operation opaque.
    assertTrue(
        kind(
                "{'class_name':'Add','module':'keras.src.ops.numpy','config':{'name':'a'},"
                    + "'inbound_nodes':[{'args':["
                    + TENSOR
                    + ",[1,2]],'kwargs':{}}]}",
                true)
            instanceof OpaqueOpKind);
  }

  @Test
  void tfKerasArithmeticOpLayersBroadcastLikeKeras3OperationNodes() throws Exception {
    // x + y between two tensors: the other operand is a keyword argument of the node.
    LayerKind add =
        kind(
            "{'class_name':'TFOpLambda','config':{'name':'tf.__operators__.add',"
                + "'function':'__operators__.add'},"
                + "'inbound_nodes':[['drop',0,0,{'y':['in',0,0],'name':null}]]}",
            false);
    assertTrue(add instanceof BroadcastOpKind);
    assertEquals(
        List.of(Shape.of(null, 5L, 8L)),
        add.outputShapes(List.of(Shape.of(null, 5L, 8L), Shape.of(null, 1L, 8L))));
    // x * 2.0 and x - [[1, 2, 3]]: numbers and constant lists broadcast too.
    LayerKind scaled =
        kind(
            "{'class_name':'TFOpLambda','config':{'name':'m','function':'math.multiply'},"
                + "'inbound_nodes':[['in',0,0,{'y':2.0,'name':null}]]}",
            false);
    assertEquals(List.of(Shape.of(null, 3L)), scaled.outputShapes(List.of(Shape.of(null, 3L))));
    LayerKind shifted =
        kind(
            "{'class_name':'TFOpLambda','config':{'name':'s','function':'math.subtract'},"
                + "'inbound_nodes':[['in',0,0,{'y':[[1,2,3]],'name':null}]]}",
            false);
    assertEquals(List.of(Shape.of(4L, 3L)), shifted.outputShapes(List.of(Shape.of(4L, 1L))));
    // tf.keras 2.0-2.3 op layers: constant inputs by position.
    LayerKind addV2 =
        kind(
            "{'class_name':'TensorFlowOpLayer','config':{'name':'add','node_def':{'op':'AddV2',"
                + "'input':['in','add/y']},'constants':{'1':1.0}},"
                + "'inbound_nodes':[[['in',0,0,{}]]]}",
            false);
    assertEquals(List.of(Shape.of(null, 7L)), addV2.outputShapes(List.of(Shape.of(null, 7L))));
    // Any other op, or an operand that is neither a tensor nor numbers, stays opaque.
    assertTrue(
        kind(
                "{'class_name':'TensorFlowOpLayer','config':{'name':'r','node_def':{'op':'Reshape'},"
                    + "'constants':{'1':[-1,6]}},'inbound_nodes':[[['in',0,0,{}]]]}",
                false)
            instanceof OpaqueOpKind);
    assertTrue(
        kind(
                "{'class_name':'TFOpLambda','config':{'name':'c','function':'math.add'},"
                    + "'inbound_nodes':[['in',0,0,{'y':'text','name':null}]]}",
                false)
            instanceof OpaqueOpKind);
  }
}
