package io.modelaudit.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modelaudit.TestPaths;
import io.modelaudit.UsesDl4jWorker;
import io.modelaudit.audit.ModelAuditor;
import io.modelaudit.compare.Finding;
import io.modelaudit.compare.Rule;
import io.modelaudit.reference.dl4j.Dl4jReference;
import io.modelaudit.reference.dl4j.Dl4jReferenceClient;
import io.modelaudit.reference.dl4j.Dl4jWorker;
import io.modelaudit.report.Dl4jAnswer;
import io.modelaudit.report.ModelReport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every full Keras model of the DL4J test resources through Deeplearning4j 1.0.0-M2.1 itself, in
 * one warm worker. The files store Keras' own weights, so where DL4J's count differs from the
 * stored one, DL4J imports the model wrongly: those files are pinned here, as DL4J's errors the
 * tool exposes. No file may crash or hang the worker.
 */
@UsesDl4jWorker
class Dl4jKerasCorpusConformanceTest {

  /**
   * Files DL4J builds with another parameter count than the file stores: DL4J, stored, and why (the
   * explanation's kind).
   */
  private static final Map<String, List<Object>> DL4J_MISCOUNTS =
      Map.ofEntries(
          // DL4J's Reshape reads (7, 7, 10) as 7 channels: batch norm and convolution after it get
          // nIn 7.
          Map.entry(
              "weights/batch_to_conv2d_tensorflow_1.h5",
              List.of(49_838L, 49_985L, "dl4j_reshape_misread")),
          Map.entry(
              "weights/batch_to_conv2d_theano_1.h5",
              List.of(49_838L, 49_985L, "dl4j_reshape_misread")),
          Map.entry(
              "weights/batch_to_conv2d_theano_2.h5",
              List.of(49_838L, 49_985L, "dl4j_reshape_misread")),
          // After Reshape (6, 4, 3) DL4J's convolution (6 filters) says it outputs 3 channels:
          // Dense gets nIn 72 instead of 144.
          Map.entry(
              "weights/conv2d_reshape_theano_1.h5",
              List.of(1_086L, 1_950L, "dl4j_reshape_misread")),
          Map.entry(
              "weights/conv2d_reshape_theano_2.h5",
              List.of(1_086L, 1_950L, "dl4j_reshape_misread")),
          // Theano-backend recurrent input: DL4J takes the 4 time steps for the input size (10 or 1
          // features).
          Map.entry(
              "weights/bidirectional_lstm_theano_2.h5",
              List.of(1_200L, 1_680L, "dl4j_timesteps_as_features")),
          Map.entry(
              "weights/bidirectional_lstm_no_return_sequences_theano_2.h5",
              List.of(1_200L, 1_680L, "dl4j_timesteps_as_features")),
          Map.entry("weights/lstm_theano_2.h5", List.of(264L, 192L, "dl4j_timesteps_as_features")),
          Map.entry(
              "weights/simple_rnn_theano_2.h5", List.of(66L, 48L, "dl4j_timesteps_as_features")),
          // Weights-only Theano LSTM, imported with its architecture JSON (as KerasModelImport
          // takes the pair).
          Map.entry(
              "fullconfigs/lstm/lstm_th_keras_2_weights.h5",
              List.of(112_993L, 116_065L, "dl4j_timesteps_as_features")),
          // Channels-last padding after a channels-first Conv2DTranspose: DL4J keeps NCHW there,
          // its activations
          // differ from the ZeroPadding2D on, and the next Deconvolution2D gets nIn 30 or 34
          // instead of 9 (W [30, 4, 3, 3]).
          Map.entry("tfkeras/cnn2d_52.h5", List.of(1_196L, 440L, "dl4j_activation_misread")),
          Map.entry("tfkeras/cnn2d_53.h5", List.of(1_196L, 440L, "dl4j_activation_misread")),
          Map.entry("tfkeras/cnn2d_54.h5", List.of(1_196L, 440L, "dl4j_activation_misread")),
          Map.entry("tfkeras/cnn2d_55.h5", List.of(1_196L, 440L, "dl4j_activation_misread")),
          Map.entry("tfkeras/cnn2d_56.h5", List.of(1_340L, 440L, "dl4j_activation_misread")),
          Map.entry("tfkeras/cnn2d_57.h5", List.of(1_340L, 440L, "dl4j_activation_misread")),
          Map.entry("tfkeras/cnn2d_58.h5", List.of(1_340L, 440L, "dl4j_activation_misread")),
          Map.entry("tfkeras/cnn2d_59.h5", List.of(1_340L, 440L, "dl4j_activation_misread")));

  /** Why DL4J cannot import the others: explanation kind, number of files. */
  private static final Map<String, Integer> IMPORT_FAILURE_KINDS =
      Map.of(
          "layer_not_supported",
              31, // LocallyConnected2D, ConvLSTM2D, Attention, TensorFlowOpLayer, Reshape/Permute
          // DL4J cannot place
          "lambda_not_registered", 6,
          // DepthwiseConv2D models (tfkeras/cnn2d_40..47, 100..107): IndexOutOfBoundsException
          // inside DL4J's import.
          "dl4j_internal_error", 16);

  /**
   * Layers DL4J builds with another activation function than the file names: file and layer, and
   * why.
   */
  private static final Map<String, String> ACTIVATION_MISMATCHES = Map.of();

  /**
   * Layers whose activation DL4J reports otherwise while computing the same function: Keras' PReLU
   * becomes DL4J's PReLULayer, which reports its default activation (sigmoid) and never applies it.
   */
  private static final Map<String, String> ACTIVATION_BOOKED_OTHERWISE =
      Map.of(
          "examples/12net.h5 PReLU1", "prelu_in_layer",
          "examples/12net.h5 PReLU2", "prelu_in_layer",
          "examples/12net.h5 PReLU3", "prelu_in_layer",
          "tfkeras/adv_act_2.h5 p_re_lu", "prelu_in_layer");

  @Test
  void dl4jReadsEveryFullModelWithoutCrashingAndMiscountsOnlyThePinnedOnes()
      throws IOException, Dl4jWorker.UnavailableException {
    Path root = TestPaths.corpus().resolve("dl4j-test-resources/modelimport/keras");
    List<Path> files;
    try (Stream<Path> walk = Files.walk(root)) {
      files = walk.filter(p -> p.toString().endsWith(".h5")).sorted().collect(Collectors.toList());
    }
    ModelAuditor auditor = new ModelAuditor(Map.of());
    int asked = 0;
    int agree = 0;
    Map<String, Integer> failures = new TreeMap<>();
    Map<String, Integer> failureKinds = new TreeMap<>();
    Map<String, List<Object>> miscounts = new TreeMap<>();
    List<String> unexplained = new ArrayList<>();
    List<String> notAnswered = new ArrayList<>();
    int activationsCompared = 0;
    Map<String, String> activationMismatches = new TreeMap<>();
    Map<String, String> activationBookedOtherwise = new TreeMap<>();
    long start = System.nanoTime();
    try (Dl4jReferenceClient client =
        new Dl4jReferenceClient(Dl4jWorker.command(), Duration.ofSeconds(120))) {
      ModelAuditor withDl4j =
          new ModelAuditor(Map.of(), null, List.of(new Dl4jReference(client)), null);
      for (Path file : files) {
        ModelReport report = withDl4j.audit(file);
        Dl4jAnswer dl4j = report.dl4j();
        if (dl4j == null) {
          continue;
        }
        asked++;
        String name = root.relativize(file).toString();
        for (Finding f : report.findings()) {
          if (Dl4jReference.REFERENCE.equals(f.reference()) && f.explanation() == null) {
            unexplained.add(name + ": " + f.message());
          }
        }
        for (Finding f : report.findings()) {
          if (f.rule() == Rule.DL4J_ACTIVATION_MISMATCH) {
            activationMismatches.put(name + " " + f.layer(), f.explanation().kind());
          }
        }
        switch (dl4j.status()) {
          case Dl4jAnswer.OK:
            activationsCompared += Dl4jReferenceCorpusConformanceTest.activationsCompared(report);
            report
                .dl4jExplanations()
                .forEach(
                    (layer, why) -> {
                      if (why.kind().equals("prelu_in_layer")) {
                        activationBookedOtherwise.put(name + " " + layer, why.kind());
                      }
                    });
            long stored = report.totals().stored() == null ? 0 : report.totals().stored();
            if (dl4j.totalParams() == stored) {
              agree++;
            } else {
              Finding total =
                  report.findings().stream()
                      .filter(f -> f.rule() == Rule.DL4J_PARAM_MISMATCH && f.layer() == null)
                      .findFirst()
                      .orElseThrow();
              miscounts.put(name, List.of(dl4j.totalParams(), stored, total.explanation().kind()));
            }
            break;
          case Dl4jAnswer.IMPORT_FAILED:
            failures.merge(dl4j.failure().exception(), 1, Integer::sum);
            report.findings().stream()
                .filter(f -> f.rule() == Rule.DL4J_IMPORT_FAILED && f.explanation() != null)
                .forEach(f -> failureKinds.merge(f.explanation().kind(), 1, Integer::sum));
            break;
          default:
            notAnswered.add(name + ": " + dl4j.status() + ": " + dl4j.message());
        }
      }
    }
    long seconds = (System.nanoTime() - start) / 1_000_000_000L;
    System.out.println(
        "DL4J reference on the Keras corpus: "
            + asked
            + " full models in "
            + seconds
            + " s, DL4J builds "
            + (agree + miscounts.size())
            + " (agrees with the stored count on "
            + agree
            + ", miscounts "
            + miscounts.size()
            + "), import failures "
            + failures
            + "; activations: "
            + activationsCompared
            + " layers compared, "
            + (activationsCompared - activationMismatches.size())
            + " agree ("
            + activationBookedOtherwise.size()
            + " of them DL4J reports otherwise: "
            + activationBookedOtherwise
            + "), differ "
            + activationMismatches);
    assertEquals(List.of(), notAnswered, "the worker must answer for every file");
    assertEquals(List.of(), unexplained, "every DL4J finding says why");
    assertEquals(new TreeMap<>(IMPORT_FAILURE_KINDS), failureKinds);
    Set<String> unexpected = new TreeSet<>(miscounts.keySet());
    unexpected.removeAll(DL4J_MISCOUNTS.keySet());
    assertEquals(Set.of(), unexpected, "DL4J miscounts files not pinned: " + miscounts);
    assertEquals(new TreeMap<>(DL4J_MISCOUNTS), miscounts);
    assertEquals(
        new TreeMap<>(ACTIVATION_MISMATCHES),
        activationMismatches,
        "layers DL4J gives another activation");
    assertEquals(new TreeMap<>(ACTIVATION_BOOKED_OTHERWISE), activationBookedOtherwise);
    assertEquals(1410, activationsCompared, "layers whose activation both the file and DL4J name");
    assertTrue(
        agree >= 528, "DL4J agreed with the stored count on " + agree + " files, 528 before");
  }
}
