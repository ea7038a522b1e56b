package io.modelaudit.formats.keras;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.modelaudit.infer.GraphInference;
import io.modelaudit.infer.InferredGraph;
import io.modelaudit.ir.Layer;
import io.modelaudit.ir.ModelGraph;
import io.modelaudit.ir.Shape;
import io.modelaudit.ir.TensorRef;
import io.modelaudit.ir.layers.InputKind;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The node and reference forms of every Keras version, read from configurations as written. */
class KerasGraphBuilderTest {
  private static ModelGraph build(String json) throws Exception {
    return KerasGraphBuilder.build(new ObjectMapper().readTree(json.replace('\'', '"')), 0);
  }

  private static List<TensorRef> inputsOf(ModelGraph g, String layer, int call) {
    return g.layer(layer).calls().get(call).inputs();
  }

  @Test
  void keras1And2NodesAreListsOfReferences() throws Exception {
    ModelGraph g =
        build(
            "{'class_name':'Model','config':{'name':'m','layers':["
                + "{'class_name':'InputLayer','name':'in','config':{'batch_input_shape':[null,4],'name':'in'},'inbound_nodes':[]},"
                + "{'class_name':'Dense','name':'d','config':{'output_dim':3,'name':'d'},'inbound_nodes':[[['in',0,0]]]},"
                + "{'class_name':'Dense','name':'e','config':{'units':3,'name':'e'},'inbound_nodes':[[['d',0,0,{}]]]}],"
                + "'input_layers':[['in',0,0]],'output_layers':[['e',0,0]]}}");
    assertEquals(List.of(new TensorRef("in", 0, 0)), inputsOf(g, "d", 0));
    assertEquals(List.of(new TensorRef("d", 0, 0)), inputsOf(g, "e", 0));
    assertEquals(List.of(new TensorRef("e", 0, 0)), g.outputs());
  }

  @Test
  void keras3NodesHoldTensorsInArgsAndKwargs() throws Exception {
    String t =
        "{'class_name':'__keras_tensor__','config':{'shape':[null,4],'keras_history':['%s',%d,0]}}";
    ModelGraph g =
        build(
            "{'class_name':'Functional','config':{'name':'m','layers':["
                + "{'class_name':'InputLayer','name':'a','config':{'batch_shape':[null,4],'name':'a'},'inbound_nodes':[]},"
                + "{'class_name':'Dense','name':'s','config':{'units':4,'name':'s'},'inbound_nodes':["
                + "{'args':["
                + String.format(t, "a", 0)
                + "],'kwargs':{'mask':"
                + String.format(t, "a", 0)
                + "}},"
                + "{'args':["
                + String.format(t, "a", 0)
                + "],'kwargs':{}}]},"
                + "{'class_name':'Add','name':'add','config':{'name':'add'},'inbound_nodes':[{'args':[["
                + String.format(t, "s", 0)
                + ","
                + String.format(t, "s", 1)
                + "]],'kwargs':{}}]}],"
                + "'input_layers':['a',0,0],'output_layers':['add',0,0]}}");
    assertEquals(2, g.layer("s").calls().size());
    assertEquals(List.of(new TensorRef("a", 0, 0)), inputsOf(g, "s", 0), "masks are not inputs");
    assertEquals(
        List.of(new TensorRef("s", 0, 0), new TensorRef("s", 1, 0)), inputsOf(g, "add", 0));
    assertEquals(List.of(new TensorRef("a", 0, 0)), g.inputs());
  }

  @Test
  void tfOpLambdaNodesAreFlatWithTensorKwargs() throws Exception {
    ModelGraph g =
        build(
            "{'class_name':'Functional','config':{'name':'m','layers':["
                + "{'class_name':'InputLayer','name':'x','config':{'batch_input_shape':[null,4],'name':'x'},'inbound_nodes':[]},"
                + "{'class_name':'Dropout','name':'drop','config':{'rate':0.1,'name':'drop'},'inbound_nodes':[[['x',0,0,{}]]]},"
                + "{'class_name':'TFOpLambda','name':'add','config':{'name':'add'},'inbound_nodes':[['drop',0,0,{'y':['x',0,0],'name':null}]]}],"
                + "'input_layers':[['x',0,0]],'output_layers':[['add',0,0]]}}");
    assertEquals(
        List.of(new TensorRef("drop", 0, 0), new TensorRef("x", 0, 0)), inputsOf(g, "add", 0));
    assertTrue(
        g.layer("add").kind() instanceof io.modelaudit.ir.layers.OpaqueOpKind,
        "op layers are opaque");
  }

  @Test
  void sequentialGetsAHiddenInputFromTheFirstLayer() throws Exception {
    ModelGraph g =
        build(
            "{'class_name':'Sequential','config':[{'class_name':'Dense','config':"
                + "{'name':'dense_1','output_dim':2,'batch_input_shape':[null,3]}}]}");
    Layer input = g.layers().get(0);
    assertTrue(input.hidden());
    assertEquals("dense_1_input", input.name());
    assertEquals("(None, 3)", ((InputKind) input.kind()).batchShape().toString());
    assertEquals(List.of(new TensorRef("dense_1_input", 0, 0)), inputsOf(g, "dense_1", 0));
  }

  @Test
  void keras1InputDimShorthand() throws Exception {
    ModelGraph g =
        build(
            "{'class_name':'Sequential','config':[{'class_name':'LSTM','config':"
                + "{'name':'lstm_1','output_dim':2,'input_dim':5,'input_length':7}}]}");
    assertEquals("(None, 7, 5)", ((InputKind) g.layers().get(0).kind()).batchShape().toString());
  }

  @Test
  void unreadableLayerConfigurationIsUnsupportedNotFatal() throws Exception {
    ModelGraph g =
        build(
            "{'class_name':'Sequential','config':{'name':'s','layers':["
                + "{'class_name':'Dense','config':{'name':'d','batch_input_shape':[null,3]}}]}}");
    assertNull(g.layer("d").kind());
    assertTrue(g.layer("d").invalidConfig());
    assertTrue(g.layer("d").problem().contains("missing 'units'"), g.layer("d").problem());
  }

  @Test
  void attentionInputsAreQueryValueKeyWhateverTheirOrderInTheFile() throws Exception {
    String t =
        "{'class_name':'__keras_tensor__','config':{'shape':[null,3,4],'keras_history':['%s',0,0]}}";
    ModelGraph keras3 =
        build(
            "{'class_name':'Functional','config':{'name':'m','layers':["
                + "{'class_name':'InputLayer','name':'q','config':{'batch_shape':[null,3,4],'name':'q'},'inbound_nodes':[]},"
                + "{'class_name':'InputLayer','name':'v','config':{'batch_shape':[null,3,4],'name':'v'},'inbound_nodes':[]},"
                + "{'class_name':'MultiHeadAttention','name':'mha','config':{'name':'mha','num_heads':2,'key_dim':2},'inbound_nodes':["
                + "{'args':[],'kwargs':{'value':"
                + String.format(t, "v")
                + ",'attention_mask':"
                + String.format(t, "q")
                + ",'query':"
                + String.format(t, "q")
                + "}}]}],"
                + "'input_layers':[['q',0,0],['v',0,0]],'output_layers':['mha',0,0]}}");
    assertEquals(
        List.of(new TensorRef("q", 0, 0), new TensorRef("v", 0, 0)),
        inputsOf(keras3, "mha", 0),
        "query and value by name, the attention mask left out");

    ModelGraph tfKeras =
        build(
            "{'class_name':'Functional','config':{'name':'m','layers':["
                + "{'class_name':'InputLayer','name':'q','config':{'batch_input_shape':[null,3,4],'name':'q'},'inbound_nodes':[]},"
                + "{'class_name':'InputLayer','name':'v','config':{'batch_input_shape':[null,5,4],'name':'v'},'inbound_nodes':[]},"
                + "{'class_name':'InputLayer','name':'k','config':{'batch_input_shape':[null,5,6],'name':'k'},'inbound_nodes':[]},"
                + "{'class_name':'MultiHeadAttention','name':'mha','config':{'name':'mha','num_heads':2,'key_dim':2},'inbound_nodes':"
                + "[[['q',0,0,{'key':['k',0,0],'value':['v',0,0],'return_attention_scores':true}]]]}],"
                + "'input_layers':[['q',0,0],['v',0,0],['k',0,0]],'output_layers':[['mha',0,1]]}}");
    assertEquals(
        List.of(new TensorRef("q", 0, 0), new TensorRef("v", 0, 0), new TensorRef("k", 0, 0)),
        inputsOf(tfKeras, "mha", 0));
    InferredGraph g = GraphInference.infer(tfKeras, Map.of());
    assertEquals(
        List.of(Shape.of(null, 3L, 4L), Shape.of(null, 2L, 3L, 5L)),
        g.layer("mha").callOutputs().get(0),
        "tf.keras: the scores' real shape (batch, heads, Tq, Tv)");
  }
}
