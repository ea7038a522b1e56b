package io.modelaudit.reference.dl4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modelaudit.compare.ExplanationKind;
import io.modelaudit.compare.Finding;
import io.modelaudit.compare.Rule;
import io.modelaudit.compare.Severity;
import io.modelaudit.reference.LayerTable;
import io.modelaudit.report.Dl4jAnswer;
import io.modelaudit.report.LayerReport;
import io.modelaudit.report.ModelReport;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Keras' and DL4J's spellings of one activation compare equal; different functions do not. */
class ActivationNamesTest {

  @ParameterizedTest(name = "{0} = {1}")
  @CsvSource({
    // Keras name, DL4J spelling (toString, @class, legacy wrapper key or 0.5 string)
    "linear, identity",
    "linear, ActivationIdentity",
    "linear, Identity",
    "relu, ActivationReLU",
    "relu, org.nd4j.linalg.activations.impl.ActivationReLU",
    "tanh, TanH",
    "tanh, ActivationTanH",
    "sigmoid, Sigmoid",
    "hard_sigmoid, hardsigmoid",
    "hard_sigmoid, ActivationHardSigmoid",
    "softmax, Softmax",
    "softplus, ActivationSoftPlus",
    "softsign, SoftSign",
    "elu, elu(alpha=1.0)",
    "selu, ActivationSELU",
    "swish, ActivationSwish",
    "silu, swish",
    "relu6, ActivationReLU6",
    "leaky_relu, leakyrelu(a=0.3)",
    "leaky_relu, LReLU",
    "leaky_relu, leakyrelu",
    "thresholded_relu, thresholdedrelu(theta=1.0)",
    "gelu, ActivationGELU",
    "exponential, exponential",
  })
  void sameFunction(String keras, String dl4j) {
    assertTrue(
        ActivationNames.same(keras, dl4j),
        keras + " vs " + dl4j + ": " + ActivationNames.canonical(dl4j));
  }

  @ParameterizedTest(name = "{0} != {1}")
  @CsvSource({
    "linear, relu",
    "relu, relu6",
    "sigmoid, hardsigmoid",
    "tanh, hardtanh",
    "softmax, sigmoid",
    "swish, mish",
    "elu, selu",
    "relu, leakyrelu(a=0.01)"
  })
  void otherFunction(String a, String b) {
    assertFalse(ActivationNames.same(a, b));
  }

  @Test
  void unknownIsNeverTheSame() {
    assertFalse(ActivationNames.same(null, "identity"));
    assertFalse(ActivationNames.same("linear", null));
    assertNull(ActivationNames.canonical(null));
  }

  @Test
  void dl4jMapsTheKerasActivationsItsImportKnows() {
    for (String k :
        List.of(
            "linear",
            "softmax",
            "softplus",
            "softsign",
            "relu",
            "relu6",
            "elu",
            "selu",
            "tanh",
            "sigmoid",
            "hard_sigmoid",
            "swish")) {
      assertTrue(ActivationNames.dl4jMapsKeras(k), k);
    }
    for (String k : List.of("gelu", "exponential", "mish", "leaky_relu", "hard_silu")) {
      assertFalse(ActivationNames.dl4jMapsKeras(k), k);
    }
  }

  private static LayerReport row(String cls, String activation) {
    return new LayerReport(
        "l",
        "l",
        cls,
        List.of(),
        null,
        null,
        10L,
        10L,
        0L,
        "inferred",
        List.of(),
        10L,
        LayerReport.OK,
        null,
        null,
        0,
        "",
        null,
        activation,
        null,
        java.util.Map.of(),
        null,
        null,
        List.of(),
        null);
  }

  private static Dl4jAnswer.Layer dl4j(String cls, String activation) {
    return new Dl4jAnswer.Layer("l", cls, 10, Map.of(), activation, null);
  }

  @Test
  void aLayerWithAnotherFunctionInDl4jIsAWarningThatSaysWhy() {
    Finding f =
        Dl4jActivationCheck.check(
            row("Dense", "relu"), dl4j("DenseLayer", "sigmoid"), "DL4J", true);
    assertEquals(Rule.DL4J_ACTIVATION_MISMATCH, f.rule());
    assertEquals(Severity.WARNING, f.severity());
    assertEquals("dl4j", f.reference());
    assertEquals(ExplanationKind.ACTIVATION_DIFFERS.id(), f.explanation().kind());
    assertFalse(f.explanation().expected());
    assertTrue(f.message().contains("activation sigmoid, the file names relu"), f.message());
  }

  @Test
  void aKerasActivationDl4jHasNoFunctionForIsItsLimitation() {
    Finding f =
        Dl4jActivationCheck.check(
            row("Dense", "gelu"), dl4j("DenseLayer", "identity"), "DL4J", true);
    assertEquals(ExplanationKind.ACTIVATION_NOT_IN_DL4J.id(), f.explanation().kind());
    assertTrue(f.explanation().expected());
    // In a DL4J file the configuration and DL4J must agree: any difference is DL4J's misreading.
    Finding own =
        Dl4jActivationCheck.check(
            row("DenseLayer", "ActivationReLU"), dl4j("DenseLayer", "tanh"), "DL4J", false);
    assertEquals(ExplanationKind.ACTIVATION_DIFFERS.id(), own.explanation().kind());
  }

  @Test
  void sameFunctionOrNothingToCompareIsNoFinding() {
    assertNull(
        Dl4jActivationCheck.check(
            row("Dense", "linear"), dl4j("DenseLayer", "identity"), "DL4J", true));
    assertNull(
        Dl4jActivationCheck.check(
            row("Dropout", null), dl4j("DropoutLayer", "sigmoid"), "DL4J", true));
    // DL4J's PReLULayer reports its default activation and computes the parametric ReLU itself.
    LayerReport prelu = row("PReLU", "prelu");
    assertNull(Dl4jActivationCheck.check(prelu, dl4j("PReLULayer", "sigmoid"), "DL4J", true));
    assertEquals(
        ExplanationKind.PRELU_IN_LAYER.id(),
        Dl4jActivationCheck.sameFunctionBookedOtherwise(prelu, dl4j("PReLULayer", "sigmoid"))
            .kind());
    assertNull(
        Dl4jActivationCheck.sameFunctionBookedOtherwise(
            row("Dense", "relu"), dl4j("DenseLayer", "relu")));
  }

  @Test
  void dl4jRefusingAKerasActivationIsItsLimitation() {
    LayerTable report =
        new LayerTable(
            "keras-h5",
            new ModelReport.Framework("keras", "2.11.0", "tensorflow"),
            "m",
            null,
            List.of(row("Dense", "gelu")),
            new ModelReport.Totals(10, 10, 0, 0, 10L, true),
            List.of());
    var why =
        Dl4jFailureExplainer.explain(
            report,
            new Dl4jAnswer.Failure(
                null,
                "UnsupportedKerasConfigurationException",
                "Unknown Keras activation function gelu"));
    assertEquals(ExplanationKind.ACTIVATION_NOT_SUPPORTED.id(), why.kind());
    assertTrue(why.expected());
    assertTrue(why.message().contains("activation gelu"), why.message());
  }
}
