package io.modelaudit.reference.dl4j;

import io.modelaudit.compare.Explanation;
import io.modelaudit.compare.ExplanationKind;
import io.modelaudit.reference.LayerTable;
import io.modelaudit.report.Dl4jAnswer;
import io.modelaudit.report.LayerReport;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Says why Deeplearning4j could not import a file: a layer or Keras version its import does not
 * cover, or a DL4J model's custom layer class, is a documented limitation (expected); DL4J failing
 * with an exception of its own (an index out of bounds ...) is a DL4J bug.
 */
final class Dl4jFailureExplainer {

  private static final Pattern UNSUPPORTED_TYPE =
      Pattern.compile("Unsupported keras layer type ([A-Za-z0-9_]+)");
  private static final Pattern RECURRENT_CLASS = Pattern.compile("layer of class:([A-Za-z0-9_]+)");
  private static final Pattern NOT_MAPPED =
      Pattern.compile("Layer ([^ ]+) could not be mapped to Layer, Vertex, or InputPreProcessor");
  private static final Pattern UNKNOWN_ACTIVATION =
      Pattern.compile("Unknown Keras activation function ([A-Za-z0-9_.]+)");
  private static final Pattern LAMBDA =
      Pattern.compile("No SameDiff Lambda layer found for Lambda layer ([^ .]+)");

  /**
   * DL4J's own configuration exceptions: it refuses the file on purpose; anything else is a failure
   * inside DL4J.
   */
  private static final Set<String> REFUSALS =
      Set.of(
          "UnsupportedKerasConfigurationException",
          "InvalidKerasConfigurationException",
          "UnsupportedOperationException");

  private Dl4jFailureExplainer() {}

  static Explanation explain(LayerTable report, Dl4jAnswer.Failure f) {
    String message = f.message() == null ? "" : f.message();
    LayerReport custom =
        report.layers().stream()
            .filter(l -> LayerReport.UNSUPPORTED.equals(l.status()))
            .findFirst()
            .orElse(null);
    if (report.format() != null && report.format().startsWith("dl4j") && custom != null) {
      return new Explanation(
          ExplanationKind.CUSTOM_LAYER,
          "the model uses "
              + custom.className()
              + " (layer "
              + custom.path()
              + "), a class of its author's that DL4J itself does not have: DL4J restores it only with that class on its class path");
    }
    String version = report.framework() == null ? null : report.framework().version();
    if (message.contains("Keras major version") || (version != null && version.startsWith("3"))) {
      return new Explanation(
          ExplanationKind.KERAS_VERSION_NOT_SUPPORTED,
          "DL4J imports files of Keras 1 and 2 only; this one was written by Keras "
              + (version == null ? "3" : version));
    }
    Matcher m = UNSUPPORTED_TYPE.matcher(message);
    if (!m.find()) {
      m = RECURRENT_CLASS.matcher(message);
      if (!m.find()) {
        m = null;
      }
    }
    if (m != null) {
      String cls = m.group(1);
      String gru =
          cls.equals("GRU") || cls.equals("CuDNNGRU")
              ? " (its recurrent layers are LSTM and SimpleRNN; a GRU, with reset_after or not, has no DL4J counterpart)"
              : "";
      return new Explanation(
          ExplanationKind.LAYER_NOT_SUPPORTED,
          "DL4J's Keras import has no mapping for " + cls + where(report, cls) + gru);
    }
    m = NOT_MAPPED.matcher(message);
    if (m.find()) {
      return new Explanation(
          ExplanationKind.LAYER_NOT_SUPPORTED,
          "DL4J's Keras import cannot map layer "
              + m.group(1)
              + " to a layer, vertex or preprocessor of its own in this position");
    }
    m = UNKNOWN_ACTIVATION.matcher(message);
    if (m.find()) {
      return new Explanation(
          ExplanationKind.ACTIVATION_NOT_SUPPORTED,
          "DL4J's Keras import has no function for Keras' activation "
              + m.group(1)
              + " (it maps linear, softmax, softplus, softsign, relu, relu6, elu, selu, tanh, sigmoid, hard_sigmoid and swish; gelu,"
              + " exponential, mish and others have no DL4J counterpart)");
    }
    m = LAMBDA.matcher(message);
    if (m.find()) {
      return new Explanation(
          ExplanationKind.LAMBDA_NOT_REGISTERED,
          "Lambda layer "
              + m.group(1)
              + " holds Python code: DL4J imports it only when a SameDiff lambda is registered for it by name");
    }
    if (message.contains("Error parsing protobuf") && has(report, "TensorFlowOpLayer")) {
      return new Explanation(
          ExplanationKind.LAYER_NOT_SUPPORTED,
          "DL4J cannot parse the TensorFlow operation stored in TensorFlowOpLayer"
              + where(report, "TensorFlowOpLayer"));
    }
    if (message.contains("Unknown input type")) {
      return new Explanation(
          ExplanationKind.LAYER_NOT_SUPPORTED,
          "DL4J's Keras import has no layer for an input of this type: "
              + message
                  .substring(message.indexOf("Unknown input type") + "Unknown input type".length())
                  .replaceFirst("^: *", ""));
    }
    LayerReport dense = denseOnImages(report);
    if (dense != null && message.contains("got InputTypeFeedForward")) {
      return new Explanation(
          ExplanationKind.DENSE_ON_HIGHER_RANK,
          "Keras applies Dense "
              + dense.path()
              + " to the last axis of its input "
              + dense.inputShapes().get(0)
              + " and keeps the other axes; DL4J's DenseLayer takes flat vectors, so the layers after it"
              + " get a feed-forward input where Keras gives them "
              + dense.outputShapes().get(0));
    }
    if (message.contains("Model configuration attribute missing")) {
      return new Explanation(
          ExplanationKind.ARCHITECTURE_NOT_IN_FILE,
          "the file holds weights only; DL4J was given the file alone"
              + (report.architecture() == null
                  ? ""
                  : ", not the architecture read from " + report.architecture()));
    }
    if (!REFUSALS.contains(f.exception())) {
      return new Explanation(
          ExplanationKind.DL4J_INTERNAL_ERROR,
          "DL4J fails inside its import with "
              + f.exception()
              + " on a file its writer reads: a DL4J bug, not a problem of the file");
    }
    return new Explanation(
        ExplanationKind.IMPORT_REFUSED, "DL4J refuses this configuration: " + message);
  }

  /** The first Dense layer that Keras applies to an input of rank 4 or more. */
  private static LayerReport denseOnImages(LayerTable report) {
    for (LayerReport l : report.layers()) {
      if ("Dense".equals(l.className())
          && l.inputShapes() != null
          && l.inputShapes().size() == 1
          && l.inputShapes().get(0) != null
          && l.inputShapes().get(0).rank() >= 4
          && l.outputShapes() != null) {
        return l;
      }
    }
    return null;
  }

  private static boolean has(LayerTable report, String cls) {
    return report.layers().stream().anyMatch(l -> cls.equals(l.className()));
  }

  /** ": name" of the first layer of this class (also inside a wrapper), or "" when we have none. */
  private static String where(LayerTable report, String cls) {
    for (LayerReport l : report.layers()) {
      if (cls.equals(l.className())) {
        return " (layer " + l.path() + ")";
      }
    }
    return "";
  }
}
