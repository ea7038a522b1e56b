package io.modelaudit.reference.dl4j;

import io.modelaudit.compare.Explanation;
import io.modelaudit.compare.ExplanationKind;
import io.modelaudit.compare.Finding;
import io.modelaudit.compare.Rule;
import io.modelaudit.report.Dl4jAnswer;
import io.modelaudit.report.LayerReport;

/**
 * Compares the activation a layer's configuration names with the one DL4J gives the layer it
 * builds, through {@link ActivationNames}: another function is a {@code DL4J_ACTIVATION_MISMATCH}
 * warning that says why.
 */
final class Dl4jActivationCheck {

  private Dl4jActivationCheck() {}

  /**
   * DL4J's PReLULayer computes the parametric ReLU itself ({@code ActivationPReLU} with its alpha,
   * in {@code layers.feedforward.PReLU.activate}) and never applies the activation its
   * configuration holds (DL4J's default, sigmoid, when imported from Keras): the same function as
   * Keras' PReLU, booked another way (no finding; layer JSON only).
   */
  static Explanation sameFunctionBookedOtherwise(LayerReport row, Dl4jAnswer.Layer layer) {
    if ("prelu".equals(ActivationNames.canonical(row.activation()))
        && "PReLULayer".equals(layer.className())) {
      return new Explanation(
          ExplanationKind.PRELU_IN_LAYER,
          "DL4J's PReLULayer computes the parametric ReLU itself (alpha is its"
              + " parameter) and does not apply the activation it reports ("
              + layer.activation()
              + "): the same function as "
              + row.activation());
    }
    return null;
  }

  /** The finding for this layer, or null when both name the same function or either names none. */
  static Finding check(LayerReport row, Dl4jAnswer.Layer layer, String who, boolean keras) {
    String ours = row.activation();
    String theirs = layer.activation();
    if (ours == null
        || theirs == null
        || ActivationNames.same(ours, theirs)
        || sameFunctionBookedOtherwise(row, layer) != null) {
      return null;
    }
    Explanation why = explain(ours, theirs, keras);
    return Finding.of(
            Rule.DL4J_ACTIVATION_MISMATCH,
            row.path(),
            Dl4jReference.REFERENCE,
            null,
            null,
            who
                + " builds this layer as "
                + layer.className()
                + " with activation "
                + theirs
                + ", the file names "
                + ours,
            null)
        .explained(why);
  }

  static Explanation explain(String ours, String theirs, boolean keras) {
    if (keras && !ActivationNames.dl4jMapsKeras(ours)) {
      return new Explanation(
          ExplanationKind.ACTIVATION_NOT_IN_DL4J,
          "DL4J's Keras import has no function of its own for Keras' "
              + ours
              + " (it maps linear, softmax, softplus, softsign, relu, relu6, elu, selu, tanh, sigmoid, hard_sigmoid and swish):"
              + " the layer runs "
              + theirs
              + " in DL4J");
    }
    return new Explanation(
        ExplanationKind.ACTIVATION_DIFFERS,
        (keras ? "DL4J maps Keras' " : "the configuration names ")
            + ours
            + (keras ? " to " : ", DL4J restores ")
            + theirs
            + ": the layer computes another function in DL4J than in the file's framework");
  }
}
