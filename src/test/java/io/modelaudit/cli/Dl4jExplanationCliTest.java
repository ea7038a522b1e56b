package io.modelaudit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.modelaudit.TestPaths;
import io.modelaudit.UsesDl4jWorker;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * {@code --reference dl4j} says why DL4J differs, through the real worker: DL4J's conventions are
 * expected (info), DL4J reading a model wrongly is an error traced to where it goes wrong, and an
 * import DL4J refuses names the reason.
 */
@UsesDl4jWorker
class Dl4jExplanationCliTest {
  private static Path keras(String path) {
    return TestPaths.corpus().resolve("dl4j-test-resources/modelimport/keras").resolve(path);
  }

  private static JsonNode model(String file) throws Exception {
    return models(file).get(0);
  }

  /** The JSON reports of these files, in one run (one DL4J worker). */
  private static List<JsonNode> models(String... files) throws Exception {
    String[] all = new String[files.length + 4];
    all[0] = "--format";
    all[1] = "json";
    all[2] = "--reference";
    all[3] = "dl4j";
    System.arraycopy(files, 0, all, 4, files.length);
    CliRun run = CliRun.of(all);
    JsonNode root = new ObjectMapper().readTree(run.out);
    assertEquals(files.length, root.get("models").size(), run.err);
    List<JsonNode> out = new ArrayList<>();
    root.get("models").forEach(out::add);
    return out;
  }

  /** Layer (or "model") to "severity kind" of every DL4J finding. */
  private static Map<String, String> dl4jFindings(JsonNode model) {
    Map<String, String> out = new TreeMap<>();
    for (JsonNode f : model.get("findings")) {
      if ("dl4j".equals(f.get("reference").asText())) {
        out.put(
            f.get("layer").isNull() ? "model" : f.get("layer").asText(),
            f.get("severity").asText() + " " + f.at("/explanation/kind").asText());
      }
    }
    return out;
  }

  private static JsonNode layer(JsonNode model, String name) {
    for (JsonNode l : model.get("layers")) {
      if (l.get("name").asText().equals(name)) {
        return l;
      }
    }
    throw new AssertionError("no layer " + name);
  }

  @Test
  void batchToConv2dSaysWhereDl4jGoesWrongAndWhatFollows() {
    CliRun run =
        CliRun.of(
            "--reference", "dl4j", keras("weights/batch_to_conv2d_tensorflow_1.h5").toString());
    assertEquals(1, run.exitCode, () -> run.err + run.out);
    List<String> why = new ArrayList<>();
    run.out.lines().filter(l -> l.startsWith("          why ")).forEach(why::add);
    assertEquals(
        List.of(
            "          why (dl4j_reshape_misread): DL4J reads Reshape reshape_1 (Keras (None, 7, 7, 10)) in another dimension order."
                + " DL4J's activations first differ from Keras' at this layer: DL4J InputTypeConvolutional(h=10,w=7,c=7,NHWC),"
                + " Keras (None, 7, 7, 10); so DL4J (gamma [7], beta [7], mean [7], var [7]), the file's (batchnormalization_1_gamma (10,),"
                + " batchnormalization_1_beta (10,), batchnormalization_1_running_mean (10,), batchnormalization_1_running_std (10,))",
            "          why (dl4j_reshape_misread): DL4J reads Reshape reshape_1 (Keras (None, 7, 7, 10)) in another dimension order."
                + " DL4J's activations first differ from Keras' at batchnormalization_1 (BatchNormalization):"
                + " DL4J InputTypeConvolutional(h=10,w=7,c=7,NHWC), Keras (None, 7, 7, 10); so DL4J (b [5], W [5, 7, 3, 3]),"
                + " the file's (convolution2d_1_W (3, 3, 10, 5), convolution2d_1_b (5,))",
            "          why (dl4j_reshape_misread): DL4J 49,838, the file 49,985 (-147). DL4J first builds batchnormalization_1 wrongly"
                + " (dl4j_reshape_misread); layers with other weights in DL4J (DL4J vs ours): batchnormalization_1 28 vs 40,"
                + " convolution2d_1 320 vs 455. The file's weights do not fit DL4J's network: importing them fails or corrupts memory."),
        why,
        run.out);
    assertTrue(
        run.out.contains(
            "  error   DL4J_PARAM_MISMATCH  DL4J 1.0.0-M2.1 builds the model (MultiLayerNetwork) with 49,838"
                + " parameters, ours 49,985, the file stores 49,985: DL4J does not read this model as it is stored\n"),
        run.out);
  }

  /**
   * tf.keras batch norm with scale / center false (the layers of the batchnorm fixture): Keras
   * stores 3·C or 2·C, DL4J always 4·C. Expected: info, exit 0. The default layer agrees in count
   * and says in JSON only that DL4J keeps the moving statistics among its parameters.
   */
  @Test
  void batchNormDummiesAreDl4jsConventionNotAnError() throws Exception {
    JsonNode model =
        model(
            TestPaths.kerasModels()
                .resolve("crafted/tfkeras_batchnorm_scale_center.h5")
                .toString());
    assertEquals(64, model.at("/totals/references/dl4j").asLong(), Dl4jAnswers.of(model));
    assertEquals(48, model.at("/totals/references/stored").asLong());
    assertEquals(
        Map.of(
            "bn_no_center", "info batchnorm_dummy_params",
            "bn_no_scale", "info batchnorm_dummy_params",
            "bn_no_center_no_scale", "info batchnorm_dummy_params",
            "model", "info batchnorm_dummy_params"),
        dl4jFindings(model),
        Dl4jAnswers.of(model));
    assertEquals("ok", model.get("status").asText());
    JsonNode noScale = layer(model, "bn_no_scale").at("/references/dl4j/explanation");
    assertTrue(noScale.get("expected").asBoolean());
    assertTrue(
        noScale.get("message").asText().contains("scale is false")
            && noScale.get("message").asText().contains("gamma is a dummy of ones"),
        noScale.toString());
    JsonNode same = layer(model, "bn_default").at("/references/dl4j");
    assertEquals(16, same.get("params").asLong(), Dl4jAnswers.of(model));
    assertEquals("batchnorm_statistics_counted", same.at("/explanation/kind").asText());
  }

  /**
   * Keras 2 files (test-models/keras/keras2_dl4j/make_keras2_files.py) that DL4J reads wrongly: a
   * Dense shared by two inputs of 8 features, to which DL4J gives both inputs merged (W [16, 4]); a
   * BatchNormalization(axis=1) on (None, 6, 10), which DL4J normalizes over the 10 features. Both
   * are misreads (errors), each with its own kind; the second names the axes.
   */
  @Test
  void sharedLayersAndBatchNormAxesDl4jMisreadAreNamed() throws Exception {
    Path dir = TestPaths.kerasModels().resolve("keras2_dl4j");
    List<JsonNode> models =
        models(
            dir.resolve("shared_dense.h5").toString(),
            dir.resolve("batchnorm_axis1.h5").toString());
    JsonNode shared = models.get(0);
    assertEquals(68, shared.at("/totals/references/dl4j").asLong(), Dl4jAnswers.of(shared));
    assertEquals(36, shared.at("/totals/references/stored").asLong());
    assertEquals(
        Map.of(
            "shared", "error dl4j_shared_layer_merged",
            "model", "error dl4j_shared_layer_merged"),
        dl4jFindings(shared),
        Dl4jAnswers.of(shared));
    JsonNode bnModel = models.get(1);
    assertEquals(162, bnModel.at("/totals/references/dl4j").asLong(), Dl4jAnswers.of(bnModel));
    assertEquals(146, bnModel.at("/totals/references/stored").asLong());
    assertEquals(
        Map.of(
            "batch_normalization_1", "error dl4j_batchnorm_axis_ignored",
            "model", "error dl4j_batchnorm_axis_ignored"),
        dl4jFindings(bnModel),
        Dl4jAnswers.of(bnModel));
    String why =
        layer(bnModel, "batch_normalization_1").at("/references/dl4j/explanation/message").asText();
    assertTrue(why.contains("over axis 1 (-2) of its input (None, 6, 10)"), why);
    assertTrue(why.contains("ignores the axis and normalizes over axis 2 (-1)"), why);
  }

  /** DL4J 1.0.0-M2.1 refuses Keras 3 files: the fixtures with batch norm and GRU say so. */
  @Test
  void keras3FixturesAreBeyondDl4jsImport() throws Exception {
    Path fixtures = TestPaths.kerasModels();
    for (JsonNode model :
        models(
            fixtures.resolve("batchnorm.h5").toString(),
            fixtures.resolve("recurrent.h5").toString(),
            fixtures.resolve("bidirectional.h5").toString())) {
      assertEquals(
          Map.of("model", "warning keras_version_not_supported"),
          dl4jFindings(model),
          Dl4jAnswers.of(model));
      assertTrue(
          model.at("/findings").toString().contains("this one was written by Keras 3.15.1"),
          model.get("path").asText());
    }
  }

  /** DL4J's Keras import has no GRU (alone or in Bidirectional), whatever reset_after is. */
  @Test
  void gruIsALayerDl4jDoesNotImport() throws Exception {
    Path github = TestPaths.corpus().resolve("github");
    String imdb =
        "anushree1001__Comparing-Multiple-Pre-trained-Neural-network-models-on-IMDB-dataset/";
    for (JsonNode model :
        models(
            github.resolve("peggy-sheep__stpredict_final09/keras_model_gru_2.h5").toString(),
            github.resolve(imdb + "gru_model.h5").toString(),
            github.resolve(imdb + "bigru_model.h5").toString())) {
      assertEquals(
          Map.of("model", "warning layer_not_supported"),
          dl4jFindings(model),
          Dl4jAnswers.of(model));
      JsonNode why = model.get("findings").get(model.get("findings").size() - 1).get("explanation");
      assertTrue(why.get("expected").asBoolean());
      assertTrue(
          why.get("message").asText().startsWith("DL4J's Keras import has no mapping for GRU"),
          why.toString());
    }
  }

  /** Theano-backend recurrent input: DL4J's input size is the number of time steps. */
  @Test
  void theanoTimeStepsTakenForFeatures() throws Exception {
    JsonNode model = model(keras("weights/lstm_theano_2.h5").toString());
    assertEquals(
        Map.of(
            "lstm_1",
            "error dl4j_timesteps_as_features",
            "model",
            "error dl4j_timesteps_as_features"),
        dl4jFindings(model),
        Dl4jAnswers.of(model));
    String message = layer(model, "lstm_1").at("/references/dl4j/explanation/message").asText();
    assertTrue(
        message.startsWith(
            "DL4J takes the 4 time steps of the input (None, 4, 1) for the input size"),
        message);
    assertFalse(layer(model, "lstm_1").at("/references/dl4j/explanation/expected").asBoolean());
  }

  /**
   * Conv2DTranspose after channels-last padding of a channels-first tensor: traced to the padding.
   */
  @Test
  void deconvolutionInputTracedToTheFirstLayerDl4jReadsDifferently() throws Exception {
    JsonNode model = model(keras("tfkeras/cnn2d_52.h5").toString());
    assertEquals(
        Map.of(
            "conv2d_transpose_5",
            "error dl4j_activation_misread",
            "model",
            "error dl4j_activation_misread"),
        dl4jFindings(model),
        Dl4jAnswers.of(model));
    String message =
        layer(model, "conv2d_transpose_5").at("/references/dl4j/explanation/message").asText();
    assertTrue(
        message.startsWith(
            "DL4J's activations first differ from Keras' at zero_padding2d_56 (ZeroPadding2D):"
                + " DL4J InputTypeConvolutional(h=16,w=16,c=4,NCHW), Keras (None, 10, 16, 10)"),
        message);
  }
}
