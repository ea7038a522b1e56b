package io.modelaudit.formats.dl4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** The activation a DL4J layer configuration names, in each historical form. */
class Dl4jActivationTest {
  private static String of(String layer) throws Exception {
    return Dl4jActivation.of(Dl4jTyped.of(new ObjectMapper().readTree(layer), "layer"));
  }

  @Test
  void everyForm() throws Exception {
    assertEquals(
        "ActivationReLU",
        of(
            "{\"@class\": \"org.deeplearning4j.nn.conf.layers.DenseLayer\","
                + " \"activationFn\": {\"@class\": \"org.nd4j.linalg.activations.impl.ActivationReLU\", \"max\": null}}"));
    assertEquals("LReLU", of("{\"dense\": {\"activationFn\": {\"LReLU\": {\"alpha\": 0.01}}}}"));
    assertEquals("softsign", of("{\"dense\": {\"activationFunction\": \"softsign\"}}"));
    // The legacy ActivationLayer key is "activation".
    assertEquals("ReLU", of("{\"activation\": {\"activationFn\": {\"ReLU\": {}}}}"));
  }

  @Test
  void wrappersNameTheirInnerLayers() throws Exception {
    assertEquals(
        "ActivationTanH",
        of(
            "{\"@class\": \"org.deeplearning4j.nn.conf.layers.misc.FrozenLayer\", \"layer\":"
                + " {\"@class\": \"org.deeplearning4j.nn.conf.layers.LSTM\","
                + " \"activationFn\": {\"@class\": \"org.nd4j.linalg.activations.impl.ActivationTanH\"}}}"));
    assertEquals(
        "ActivationTanH",
        of(
            "{\"@class\": \"org.deeplearning4j.nn.conf.layers.recurrent.Bidirectional\", \"fwd\":"
                + " {\"@class\": \"org.deeplearning4j.nn.conf.layers.LSTM\","
                + " \"activationFn\": {\"@class\": \"org.nd4j.linalg.activations.impl.ActivationTanH\"}}}"));
    assertNull(
        of(
            "{\"@class\": \"org.deeplearning4j.nn.conf.layers.SubsamplingLayer\", \"kernelSize\": [2, 2]}"));
  }
}
