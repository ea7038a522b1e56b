package io.modelaudit.formats.keras;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** The activation a Keras layer's configuration names, in every spelling Keras wrote. */
class KerasActivationTest {
  private static JsonNode json(String text) throws Exception {
    return new ObjectMapper().readTree(text);
  }

  @Test
  void theConfigurationsActivationAsWritten() throws Exception {
    assertEquals(
        "relu", KerasActivation.of("Dense", json("{\"units\": 3, \"activation\": \"relu\"}")));
    assertEquals("linear", KerasActivation.of("Conv2D", json("{\"activation\": \"linear\"}")));
    assertEquals("linear", KerasActivation.of("Dense", json("{\"activation\": null}")));
    // Keras 1 LSTM: the main activation, not inner_activation (the gates').
    assertEquals(
        "tanh",
        KerasActivation.of(
            "LSTM", json("{\"activation\": \"tanh\", \"inner_activation\": \"hard_sigmoid\"}")));
    assertEquals(
        "softmax", KerasActivation.of("Activation", json("{\"activation\": \"softmax\"}")));
    // Keras 3 serialises a function as an object.
    assertEquals(
        "gelu",
        KerasActivation.of(
            "Dense",
            json(
                "{\"activation\": {\"module\": \"keras.activations\", \"class_name\": \"function\", \"config\": \"gelu\", \"registered_name\": \"gelu\"}}")));
  }

  @Test
  void activationLayersAndWrappers() throws Exception {
    assertEquals("leaky_relu", KerasActivation.of("LeakyReLU", json("{\"alpha\": 0.3}")));
    assertEquals("prelu", KerasActivation.of("PReLU", json("{}")));
    assertEquals(
        "tanh",
        KerasActivation.of(
            "Bidirectional",
            json(
                "{\"layer\": {\"class_name\": \"LSTM\", \"config\": {\"activation\": \"tanh\", \"recurrent_activation\": \"sigmoid\"}}}")));
    assertNull(KerasActivation.of("Dropout", json("{\"rate\": 0.5}")));
    assertNull(KerasActivation.of("Dense", null));
  }
}
