package io.modelaudit.formats.keras;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.modelaudit.TestPaths;
import io.modelaudit.audit.ModelAuditor;
import io.modelaudit.infer.GraphInference;
import io.modelaudit.infer.InferredGraph;
import io.modelaudit.infer.LayerInference;
import io.modelaudit.ir.Shape;
import io.modelaudit.report.LayerReport;
import io.modelaudit.report.ModelReport;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Layers of Keras 1 and Keras 2 / tf.keras 1.x that no installed Keras can write. The expected
 * shapes are the ones those versions' {@code build} methods declare: Keras 2.2 {@code
 * layers/cudnn_recurrent.py} (kernel (in, gates·units), recurrent_kernel (units, gates·units), bias
 * (2·gates·units,)), Keras 1.2 {@code layers/core.py} (MaxoutDense W (nb_feature, in, out), b
 * (nb_feature, out); Highway W, b, W_carry, b_carry).
 */
class KerasLegacyLayersTest {

  private static InferredGraph infer(String layersJson, String inputShape) throws Exception {
    String json = ("{'class_name':'Sequential','config':[" + layersJson + "]}").replace('\'', '"');
    String withInput =
        json.replaceFirst(
            "\"config\":\\{", "\"config\":{\"batch_input_shape\":" + inputShape + ",");
    return GraphInference.infer(
        KerasGraphBuilder.build(new ObjectMapper().readTree(withInput), 0), Map.of());
  }

  private static List<String> weights(LayerInference layer) {
    return layer.weights().stream()
        .map(w -> w.name() + " " + w.shape())
        .collect(Collectors.toList());
  }

  @Test
  void cudnnLayersStoreTwoBiasesPerGate() throws Exception {
    InferredGraph g =
        infer(
            "{'class_name':'CuDNNLSTM','config':{'name':'lstm','units':4,'return_sequences':true}},"
                + "{'class_name':'CuDNNGRU','config':{'name':'gru','units':2,'return_state':true}}",
            "[null, 5, 3]");
    assertEquals(
        List.of("kernel (3, 16)", "recurrent_kernel (4, 16)", "bias (32,)"),
        weights(g.layer("lstm")));
    assertEquals(List.of(Shape.of(null, 5L, 4L)), g.layer("lstm").callOutputs().get(0));
    assertEquals(
        List.of("kernel (4, 6)", "recurrent_kernel (2, 6)", "bias (12,)"), weights(g.layer("gru")));
    assertEquals(
        List.of(Shape.of(null, 2L), Shape.of(null, 2L)), g.layer("gru").callOutputs().get(0));
    assertEquals(144L, g.layer("lstm").params());
  }

  @Test
  void keras1MaxoutDenseAndHighway() throws Exception {
    InferredGraph g =
        infer(
            "{'class_name':'MaxoutDense','config':{'name':'maxout','output_dim':3,'nb_feature':4,'bias':true}},"
                + "{'class_name':'Highway','config':{'name':'highway','bias':true}},"
                + "{'class_name':'Highway','config':{'name':'highway_nobias','bias':false}},"
                + "{'class_name':'MaxoutDense','config':{'name':'maxout_default','output_dim':2,'bias':false}}",
            "[null, 5]");
    assertEquals(List.of("W (4, 5, 3)", "b (4, 3)"), weights(g.layer("maxout")));
    assertEquals(
        List.of("W (3, 3)", "b (3,)", "W_carry (3, 3)", "b_carry (3,)"),
        weights(g.layer("highway")));
    assertEquals(List.of("W (3, 3)", "W_carry (3, 3)"), weights(g.layer("highway_nobias")));
    assertEquals(List.of(Shape.of(null, 3L)), g.layer("highway_nobias").callOutputs().get(0));
    assertEquals(
        List.of("W (4, 3, 2)"), weights(g.layer("maxout_default")), "nb_feature defaults to 4");
  }

  /** A Keras 1.1 file of the corpus (outside the part KerasCorpusConformanceTest walks). */
  @Test
  void keras1TimeDistributedDenseFromTheCorpus() {
    ModelReport report =
        new ModelAuditor(Map.of())
            .audit(TestPaths.corpus().resolve("dl4j-test-resources/keras/simple/lstm_tf_model.h5"));
    LayerReport td =
        report.layers().stream()
            .filter(l -> l.className().equals("TimeDistributedDense"))
            .findFirst()
            .orElseThrow();
    assertEquals(LayerReport.OK, td.status());
    assertEquals(List.of(Shape.of(null, 10L, 3L)), td.outputShapes());
    assertEquals("ok", report.status());
  }
}
