package io.modelaudit.formats;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Which configuration values a diff shows, from configurations as Keras 3 and DL4J write them. */
class LayerSettingsTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void kerasKeepsWhatShapesAndBehaviourDependOn() throws Exception {
    // Conv2D's config as Keras 3.15.1 writes it (test-models/keras/conv2d.h5), with a long list.
    String config =
        "{\"name\": \"strides_2_1\", \"trainable\": true, \"dtype\": {\"module\": \"keras\","
            + " \"class_name\": \"DTypePolicy\", \"config\": {\"name\": \"float32\"},"
            + " \"registered_name\": null}, \"filters\": 3, \"kernel_size\": [3, 3],"
            + " \"strides\": [2, 1], \"padding\": \"valid\", \"activation\": \"linear\","
            + " \"use_bias\": true, \"kernel_initializer\": {\"module\": \"keras.initializers\","
            + " \"class_name\": \"GlorotUniform\", \"config\": {\"seed\": null}},"
            + " \"kernel_regularizer\": null, \"bias_constraint\": null, \"rate\": 0.25,"
            + " \"vocabulary\": [1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17]}";
    Map<String, Object> s = LayerSettings.keras(JSON.readTree(config));
    assertEquals(
        List.of(
            "trainable",
            "dtype",
            "filters",
            "kernel_size",
            "strides",
            "padding",
            "use_bias",
            "rate",
            "vocabulary"),
        List.copyOf(s.keySet()));
    assertEquals("float32", s.get("dtype"));
    assertEquals(List.of(2L, 1L), s.get("strides"));
    assertEquals(0.25, s.get("rate"));
    assertEquals("(17 values)", s.get("vocabulary"));
  }

  @Test
  void dl4jLeavesOutTrainingSettingsAndNamesTypedObjects() throws Exception {
    String layer =
        "{\"@class\": \"org.deeplearning4j.nn.conf.layers.DenseLayer\", \"layerName\": \"d\","
            + " \"activationFn\": {\"@class\": \"org.nd4j.linalg.activations.impl.ActivationReLU\"},"
            + " \"nin\": 4, \"nout\": 6, \"hasBias\": true, \"weightInit\": \"XAVIER\","
            + " \"gainInit\": 1.0, \"updater\": {\"@class\": \"org.nd4j.linalg.learning.config.Adam\","
            + " \"learningRate\": 0.001}, \"regularization\": [], \"l2\": 0.0,"
            + " \"idropout\": {\"@class\": \"org.deeplearning4j.nn.conf.dropout.Dropout\","
            + " \"p\": 0.5, \"pSchedule\": null}}";
    Map<String, Object> s = LayerSettings.dl4j(JSON.readTree(layer));
    assertEquals(List.of("nin", "nout", "hasBias", "idropout"), List.copyOf(s.keySet()));
    assertEquals("Dropout(p=0.5)", s.get("idropout"));
    assertEquals(6L, s.get("nout"));
  }
}
