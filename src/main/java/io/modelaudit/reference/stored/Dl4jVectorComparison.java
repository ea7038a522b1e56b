package io.modelaudit.reference.stored;

import io.modelaudit.compare.Finding;
import io.modelaudit.compare.Rule;
import io.modelaudit.formats.StoredTensor;
import io.modelaudit.infer.InferredGraph;
import io.modelaudit.infer.LayerInference;
import io.modelaudit.ir.Checked;
import io.modelaudit.ir.Formulas;
import io.modelaudit.ir.Shape;
import io.modelaudit.ir.WeightSpec;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Compares a DL4J network with the facts its file records: the names of each layer's parameters
 * ({@code variables}) and the length of the flattened parameter vector ({@code coefficients.bin}).
 *
 * <p>The vector has no boundaries between layers: only its length is a reference. When our total
 * equals it, the vector is walked in DL4J's parameter order and each layer is given its slice; when
 * exactly one layer has no rule (a custom layer), it is given what is left. When the totals differ,
 * the walk says where the vector runs out or what is left over.
 */
public final class Dl4jVectorComparison {
  public static final String VECTOR = "coefficients.bin";

  private Dl4jVectorComparison() {}

  /**
   * @param variables per layer name, the recorded parameter names (empty lists: not recorded)
   * @param order layer names in DL4J's parameter order
   * @param storedLength the parameter vector's length, or null when the file stores none
   * @param dtype the vector's element type (numpy's name), or null when unknown
   * @param itemBytes bytes per element as stored, or 0 when unknown
   */
  public static StoredWeightComparison compare(
      InferredGraph graph,
      Map<String, List<String>> variables,
      List<String> order,
      Long storedLength,
      String dtype,
      int itemBytes) {
    Map<String, List<Finding>> findings = new LinkedHashMap<>();
    boolean namesRecorded = variables.values().stream().anyMatch(v -> !v.isEmpty());
    for (LayerInference l : graph.layers()) {
      if (!l.layer().hidden()) {
        List<Finding> f = new ArrayList<>();
        if (namesRecorded && l.weights() != null && variables.containsKey(l.layer().name())) {
          checkNames(l, variables.get(l.layer().name()), f);
        }
        findings.put(l.path(), f);
      }
    }
    Map<String, List<StoredTensor>> slices = new LinkedHashMap<>();
    List<Finding> modelFindings = new ArrayList<>();
    if (storedLength != null) {
      walk(graph, order, storedLength, dtype, itemBytes, slices, modelFindings);
    }
    Map<String, LayerComparison> byPath = new LinkedHashMap<>();
    for (Map.Entry<String, List<Finding>> e : findings.entrySet()) {
      List<StoredTensor> slice = slices.get(e.getKey());
      if (slice != null || !e.getValue().isEmpty()) {
        byPath.put(e.getKey(), new LayerComparison(List.of(), slice, e.getValue()));
      }
    }
    return StoredWeightComparison.of(byPath, modelFindings);
  }

  private static void checkNames(LayerInference l, List<String> recorded, List<Finding> out) {
    List<String> ours = l.weights().stream().map(WeightSpec::name).toList();
    // DL4J records nothing for a wrapper whose parameters its wrapped layer holds (LastTimeStep):
    // an empty list names nothing; the count is still checked against the stored vector.
    if (recorded.isEmpty() || new HashSet<>(ours).equals(new HashSet<>(recorded))) {
      return;
    }
    Rule rule = ours.size() == recorded.size() ? Rule.WEIGHT_MISSING : Rule.WEIGHT_COUNT_MISMATCH;
    out.add(
        Finding.of(
            rule,
            l.path(),
            StoredWeightComparison.REFERENCE,
            ours.toString(),
            recorded.toString(),
            "expected parameters " + ours + ", DL4J recorded " + recorded,
            l.formula()));
  }

  private static void walk(
      InferredGraph graph,
      List<String> order,
      long storedLength,
      String dtype,
      int itemBytes,
      Map<String, List<StoredTensor>> slices,
      List<Finding> modelFindings) {
    List<LayerInference> layers = new ArrayList<>();
    for (String name : order) {
      LayerInference l = graph.layer(name);
      if (l != null) {
        layers.add(l);
      }
    }
    long known = 0;
    List<LayerInference> unknown = new ArrayList<>();
    for (LayerInference l : layers) {
      if (l.params() == null) {
        unknown.add(l);
      } else {
        known = Checked.add(known, l.params());
      }
    }
    if (unknown.size() > 1) {
      return;
    }
    long remainder = storedLength - known;
    if (unknown.size() == 1 && remainder < 0) {
      modelFindings.add(
          Finding.of(
              Rule.PARAM_MISMATCH,
              null,
              VECTOR,
              known,
              storedLength,
              "the layers with rules alone need "
                  + Formulas.number(known)
                  + " parameters, "
                  + VECTOR
                  + " holds "
                  + Formulas.number(storedLength)
                  + " (and '"
                  + unknown.get(0).layer().name()
                  + "' has no rule)",
              null));
      return;
    }
    if (unknown.isEmpty() && remainder != 0) {
      modelFindings.add(
          Finding.of(
              Rule.PARAM_MISMATCH,
              null,
              VECTOR,
              known,
              storedLength,
              "the configuration needs "
                  + Formulas.number(known)
                  + " parameters, "
                  + VECTOR
                  + " holds "
                  + Formulas.number(storedLength)
                  + ": "
                  + whereItDiverges(layers, storedLength),
              null));
      return;
    }
    long offset = 0;
    for (LayerInference l : layers) {
      long n = l.params() == null ? remainder : l.params();
      slices.put(
          l.path(),
          n == 0
              ? List.of()
              : List.of(
                  new StoredTensor(
                      VECTOR + "[" + offset + ":" + (offset + n) + "]",
                      Shape.ofKnown(n),
                      VECTOR,
                      dtype,
                      itemBytes)));
      offset += n;
    }
  }

  private static String whereItDiverges(List<LayerInference> layers, long storedLength) {
    long offset = 0;
    for (LayerInference l : layers) {
      long end = offset + l.params();
      if (end > storedLength) {
        return "the vector ends inside '"
            + l.layer().name()
            + "', which needs values "
            + offset
            + " to "
            + end;
      }
      offset = end;
    }
    return Formulas.number(storedLength - offset) + " values are left over after the last layer";
  }
}
