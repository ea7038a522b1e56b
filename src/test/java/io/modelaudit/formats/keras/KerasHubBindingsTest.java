package io.modelaudit.formats.keras;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.modelaudit.infer.GraphInference;
import io.modelaudit.infer.InferredGraph;
import io.modelaudit.ir.LayerKind;
import io.modelaudit.ir.ModelGraph;
import io.modelaudit.ir.Shape;
import io.modelaudit.ir.ShapeException;
import io.modelaudit.ir.UnknownDimensionException;
import io.modelaudit.ir.WeightSpec;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * keras-hub layers beyond the hub_* fixtures: their three spellings, and the tutorials' classes of
 * the same names (keras.io's TransformerEncoder and TokenAndPositionEmbedding), which are custom.
 */
class KerasHubBindingsTest {
  private static final String ENCODER =
      "{'name':'e','intermediate_dim':16,'num_heads':2,'dropout':0,'activation':'relu',"
          + "'layer_norm_epsilon':1e-5,'normalize_first':false}";

  private static LayerKind bind(String className, String config) throws Exception {
    return KerasLayerBindings.bind(
        className, new ObjectMapper().readTree(config.replace('\'', '"')));
  }

  private static long params(LayerKind kind, Shape... inputs) {
    return kind.weights(List.of(inputs)).stream().mapToLong(WeightSpec::size).sum();
  }

  @Test
  void everySpellingBindsTheSameRule() throws Exception {
    for (String name :
        List.of(
            "TransformerEncoder", "keras_hub>TransformerEncoder", "keras_nlp>TransformerEncoder")) {
      // Keras' numbers for the hub_encoder fixture's "encoder" layer.
      assertEquals(600, params(bind(name, ENCODER), Shape.of(null, 7L, 8L)), name);
    }
  }

  @Test
  void tutorialClassesOfTheSameNamesHaveNoRule() throws Exception {
    assertNull(
        bind("TransformerEncoder", "{'name':'t','embed_dim':32,'dense_dim':64,'num_heads':2}"));
    assertNull(
        bind("TransformerDecoder", "{'name':'t','embed_dim':32,'latent_dim':64,'num_heads':2}"));
    assertNull(
        bind(
            "TokenAndPositionEmbedding",
            "{'name':'t','maxlen':200,'vocab_size':20000,'embed_dim':32}"));
    assertNull(bind("PositionEmbedding", "{'name':'p','sequence_length':20,'output_dim':8}"));
    assertNull(bind("SinePositionEncoding", "{'name':'s'}"));
  }

  @Test
  void decoderWeightsDependOnTheEncoderSequence() throws Exception {
    LayerKind decoder = bind("keras_hub>TransformerDecoder", ENCODER);
    Shape tgt = Shape.of(null, 5L, 8L);
    // Keras' numbers for the hub_decoder fixture: decoder_only has 600; decoder_cross 940 with
    // intermediate_dim 20, which is 68 more (8·4 + 4 + 4·8 weights) than with 16.
    assertEquals(600, params(decoder, tgt));
    assertEquals(940 - 68, params(decoder, tgt, Shape.of(null, 7L, 6L)));
    assertThrows(ShapeException.class, () -> decoder.outputShapes(List.of(tgt, tgt, tgt)));
  }

  @Test
  void theHiddenSizeMustBeKnownAndAtLeastTheHeads() throws Exception {
    LayerKind encoder = bind("TransformerEncoder", ENCODER);
    assertEquals(
        List.of(Shape.of(null, 7L, null)), encoder.outputShapes(List.of(Shape.of(null, 7L, null))));
    assertThrows(
        UnknownDimensionException.class, () -> encoder.weights(List.of(Shape.of(null, 7L, null))));
    assertThrows(ShapeException.class, () -> encoder.weights(List.of(Shape.of(null, 7L, 1L))));
    assertThrows(
        KerasConfigException.class,
        () -> bind("TransformerEncoder", ENCODER.replace("'num_heads':2", "'num_heads':0")));
  }

  /**
   * tf.keras writes every call argument after the first as a keyword of the first reference, as it
   * does attention's value (see KerasGraphBuilderTest): the encoder sequence is an input.
   */
  @Test
  void aTfKerasDecoderTakesItsEncoderSequenceFromTheNodeKeywords() throws Exception {
    ModelGraph graph =
        KerasGraphBuilder.build(
            new ObjectMapper()
                .readTree(
                    ("{'class_name':'Functional','config':{'name':'m','layers':["
                            + "{'class_name':'InputLayer','name':'t','config':{'batch_input_shape':[null,5,8],'name':'t'},'inbound_nodes':[]},"
                            + "{'class_name':'InputLayer','name':'e','config':{'batch_input_shape':[null,7,6],'name':'e'},'inbound_nodes':[]},"
                            + "{'class_name':'keras_nlp>TransformerDecoder','name':'d','config':"
                            + ENCODER.replace("'name':'e'", "'name':'d'")
                            + ",'inbound_nodes':[[['t',0,0,{'encoder_sequence':['e',0,0],"
                            + "'decoder_padding_mask':['t',0,0]}]]]}],"
                            + "'input_layers':[['t',0,0],['e',0,0]],'output_layers':[['d',0,0]]}}")
                        .replace('\'', '"')),
            0);
    InferredGraph g = GraphInference.infer(graph, Map.of());
    assertEquals(List.of(Shape.of(null, 5L, 8L)), g.layer("d").callOutputs().get(0));
    assertEquals(
        940 - 68,
        g.layer("d").weights().stream().mapToLong(WeightSpec::size).sum(),
        "with cross-attention");
  }

  @Test
  void anUntiedTokenEmbeddingStoresItsReverse() throws Exception {
    LayerKind tied =
        bind(
            "keras_nlp>TokenAndPositionEmbedding",
            "{'name':'t','vocabulary_size':30,'sequence_length':8,'embedding_dim':4}");
    LayerKind untied =
        bind(
            "TokenAndPositionEmbedding",
            "{'name':'t','vocabulary_size':30,'sequence_length':8,'embedding_dim':4,"
                + "'tie_weights':false,'mask_zero':true}");
    assertNotNull(tied);
    assertEquals(List.of(Shape.of(null, 8L, 4L)), untied.outputShapes(List.of(Shape.of(null, 8L))));
    assertEquals(30 * 4 + 8 * 4, params(tied, Shape.of(null, 8L)));
    assertEquals(272, params(untied, Shape.of(null, 8L)));
  }
}
