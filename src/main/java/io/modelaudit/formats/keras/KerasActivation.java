package io.modelaudit.formats.keras;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/**
 * The activation a Keras layer's configuration names, as written: {@code activation} of Dense, the
 * convolutions and the recurrent layers (their main one; {@code recurrent_activation} and Keras 1's
 * {@code inner_activation} drive the gates), an Activation layer's own, the function an
 * advanced-activation layer class is (LeakyReLU, ELU ...), and a wrapper's inner layer's. Keras 3
 * and tf.keras may write it as an object: its registered name is taken.
 */
final class KerasActivation {
  /** Layer classes that are one activation function: the class is the configuration's statement. */
  private static final Map<String, String> ACTIVATION_CLASSES =
      Map.of(
          "LeakyReLU", "leaky_relu",
          "ELU", "elu",
          "ReLU", "relu",
          "Softmax", "softmax",
          "ThresholdedReLU", "thresholded_relu",
          "PReLU", "prelu");

  private KerasActivation() {}

  /**
   * The activation's name, or null when the layer has none (Dropout, Flatten ...) or it is
   * unreadable.
   */
  static String of(String className, JsonNode config) {
    if (ACTIVATION_CLASSES.containsKey(className)) {
      return ACTIVATION_CLASSES.get(className);
    }
    if (config == null || !config.isObject()) {
      return null;
    }
    JsonNode activation = config.get("activation");
    if (activation != null) {
      return name(activation);
    }
    JsonNode inner = config.get("layer");
    if (inner != null
        && inner.isObject()
        && ("Bidirectional".equals(className) || "TimeDistributed".equals(className))) {
      return of(inner.path("class_name").asText(""), inner.get("config"));
    }
    return null;
  }

  private static String name(JsonNode activation) {
    if (activation.isNull()) {
      return "linear"; // Keras reads activation=None as linear
    }
    if (activation.isTextual()) {
      return activation.asText();
    }
    if (activation.isObject()) {
      JsonNode registered = activation.get("registered_name");
      if (registered != null && registered.isTextual() && !registered.asText().isEmpty()) {
        return registered.asText();
      }
      JsonNode config = activation.get("config");
      if (config != null && config.isTextual()) {
        return config.asText();
      }
      JsonNode cls = activation.get("class_name");
      if (cls != null && cls.isTextual()) {
        return cls.asText();
      }
    }
    return null;
  }
}
