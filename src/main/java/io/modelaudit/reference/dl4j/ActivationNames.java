package io.modelaudit.reference.dl4j;

import java.util.Locale;
import java.util.Map;

/**
 * One spelling per activation function, so that Keras' names ({@code linear}, {@code hard_sigmoid},
 * Keras 1's and tf.keras' spellings), DL4J's classes ({@code ActivationReLU}), its legacy wrapper
 * keys ({@code ReLU}, {@code LReLU}), its 0.5 strings and what its {@code IActivation.toString()}
 * prints ({@code leakyrelu(a=0.01)}) compare equal when they are the same function.
 */
final class ActivationNames {
  /** Canonical names of spellings that differ after lower-casing and dropping '_' and arguments. */
  private static final Map<String, String> SYNONYMS =
      Map.ofEntries(
          Map.entry("linear", "identity"),
          Map.entry("lrelu", "leakyrelu"),
          Map.entry("silu", "swish"),
          Map.entry("hardswish", "hardsilu"),
          Map.entry("thresholdrelu", "thresholdedrelu"));

  /**
   * Keras activations DL4J 1.0.0-M2.1's Keras import maps to a function of its own ({@code
   * KerasActivationUtils.mapToActivation}); it refuses every other one.
   */
  private static final Map<String, String> DL4J_KERAS_MAPPING =
      Map.ofEntries(
          Map.entry("identity", "ActivationIdentity"),
          Map.entry("softmax", "ActivationSoftmax"),
          Map.entry("softplus", "ActivationSoftPlus"),
          Map.entry("softsign", "ActivationSoftSign"),
          Map.entry("relu", "ActivationReLU"),
          Map.entry("relu6", "ActivationReLU6"),
          Map.entry("elu", "ActivationELU"),
          Map.entry("selu", "ActivationSELU"),
          Map.entry("tanh", "ActivationTanH"),
          Map.entry("sigmoid", "ActivationSigmoid"),
          Map.entry("hardsigmoid", "ActivationHardSigmoid"),
          Map.entry("swish", "ActivationSwish"));

  private ActivationNames() {}

  /**
   * The canonical name ({@code identity}, {@code leakyrelu}, {@code hardsigmoid} ...), or null for
   * null.
   */
  static String canonical(String name) {
    if (name == null) {
      return null;
    }
    String n = name.trim();
    int args = n.indexOf('(');
    if (args >= 0) {
      n = n.substring(0, args); // DL4J prints parameters: leakyrelu(a=0.01), elu(alpha=1.0)
    }
    n = n.substring(n.lastIndexOf('.') + 1);
    if (n.startsWith("Activation") && n.length() > "Activation".length()) {
      n = n.substring("Activation".length());
    }
    n = n.replace("_", "").toLowerCase(Locale.ROOT);
    return SYNONYMS.getOrDefault(n, n);
  }

  /** True when both name one function; false when either is unknown (null). */
  static boolean same(String a, String b) {
    return a != null && b != null && canonical(a).equals(canonical(b));
  }

  /** True when DL4J's Keras import has a function of its own for this Keras activation. */
  static boolean dl4jMapsKeras(String kerasName) {
    return kerasName != null && DL4J_KERAS_MAPPING.containsKey(canonical(kerasName));
  }
}
