package io.modelaudit.reference.stored;

import io.modelaudit.compare.Finding;
import io.modelaudit.compare.Rule;
import io.modelaudit.formats.StoredTensor;
import io.modelaudit.formats.StoredWeights;
import io.modelaudit.infer.InferredGraph;
import io.modelaudit.infer.LayerInference;
import io.modelaudit.infer.LayerInference.Outcome;
import io.modelaudit.ir.Cancellation;
import io.modelaudit.ir.Formulas;
import io.modelaudit.ir.LayerKind;
import io.modelaudit.ir.WeightBucket;
import io.modelaudit.ir.WeightSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Compares the weights our rules expect with the tensors stored in the file, layer by layer. Within
 * a layer, tensors are paired by position: Keras writes a layer's weights in the order the layer
 * declares them. Inside nested models, tensors are first assigned to inner layers by name.
 */
public final class StoredWeightComparison {
  public static final String REFERENCE = "stored";

  private final Map<String, LayerComparison> byPath = new LinkedHashMap<>();
  private final List<Finding> modelFindings = new ArrayList<>();

  private final boolean archiveLayout;

  /** How often each layer object occurs in the graph, nested models included. */
  private final Map<String, Integer> occurrences = new java.util.HashMap<>();

  private StoredWeightComparison(boolean archiveLayout) {
    this.archiveLayout = archiveLayout;
  }

  private void countOccurrences(List<LayerInference> layers) {
    for (LayerInference l : layers) {
      occurrences.merge(l.layer().identity(), 1, Integer::sum);
      if (l.nested() != null) {
        countOccurrences(l.nested().layers());
      }
    }
  }

  public static StoredWeightComparison compare(InferredGraph graph, StoredWeights stored) {
    StoredWeightComparison c = new StoredWeightComparison(stored.archiveLayout());
    c.countOccurrences(graph.layers());
    if (stored.allUnreadable()) {
      c.addListingFindings(stored);
      return c;
    }
    for (LayerInference layer : graph.layers()) {
      Cancellation.check();
      if (layer.layer().hidden()) {
        continue;
      }
      c.compareLayer(layer, stored.forLayer(layer.layer().name()));
    }
    java.util.Set<String> layerNames = new java.util.HashSet<>();
    graph.layers().forEach(l -> layerNames.add(l.layer().name()));
    c.addListingFindings(stored);
    for (Map.Entry<String, List<StoredTensor>> e : stored.all().entrySet()) {
      if (!layerNames.contains(e.getKey()) && !e.getValue().isEmpty()) {
        long n = e.getValue().stream().mapToLong(StoredTensor::size).sum();
        c.modelFindings.add(
            Finding.of(
                Rule.STORED_LAYER_UNKNOWN,
                e.getKey(),
                REFERENCE,
                null,
                n,
                "the file stores "
                    + e.getValue().size()
                    + " weight tensors ("
                    + n
                    + " parameters) for layer '"
                    + e.getKey()
                    + "', which the configuration does not have",
                null));
      }
    }
    return c;
  }

  /**
   * Findings about how the file lists its weights: a name listed twice, a listed layer without a
   * group. They go to the layer's row when the configuration has the layer.
   */
  private void addListingFindings(StoredWeights stored) {
    addUnreadableFindings(stored);
    stored
        .repeatedNames()
        .forEach(
            (layer, names) ->
                addToLayer(
                    layer,
                    Finding.of(
                        Rule.WEIGHT_NAME_REPEATED,
                        layer,
                        REFERENCE,
                        null,
                        String.join(", ", names),
                        "the file lists "
                            + String.join(", ", names)
                            + " more than once in the weight names of layer '"
                            + layer
                            + "': each stored tensor is counted once (Keras 3.1 loads it into"
                            + " two weights, later Keras refuses the file)",
                        null)));
    for (String layer : stored.absentLayers()) {
      addToLayer(
          layer,
          Finding.of(
              Rule.STORED_LAYER_ABSENT,
              layer,
              REFERENCE,
              null,
              null,
              "the file lists layer '"
                  + layer
                  + "' among those it stores weights for, but holds no group for it (Keras"
                  + " cannot load the file)",
              null));
    }
  }

  private void addUnreadableFindings(StoredWeights stored) {
    for (StoredWeights.Unreadable u : stored.unreadable()) {
      Finding finding =
          Finding.of(
              u.external() ? Rule.WEIGHTS_EXTERNAL_LINK : Rule.WEIGHTS_UNREADABLE,
              u.layer() == null ? u.location() : u.layer(),
              REFERENCE,
              null,
              null,
              "the file stores "
                  + (u.layer() == null ? "its weights" : "weights of layer '" + u.layer() + "'")
                  + " at "
                  + u.location()
                  + ", which is "
                  + u.why()
                  + (u.external() ? "" : ": they cannot be read"),
              null);
      if (u.layer() == null) {
        modelFindings.add(finding);
      } else {
        addToLayer(u.layer(), finding);
      }
    }
  }

  private void addToLayer(String layer, Finding finding) {
    LayerComparison compared = byPath.get(layer);
    if (compared != null) {
      compared.findings().add(finding);
    } else {
      modelFindings.add(finding);
    }
  }

  /**
   * A comparison made elsewhere (e.g. against a DL4J parameter vector, which has no per-tensor
   * shapes): per layer path, and findings about the whole model.
   */
  public static StoredWeightComparison of(
      Map<String, LayerComparison> byPath, List<Finding> modelFindings) {
    StoredWeightComparison c = new StoredWeightComparison(false);
    c.byPath.putAll(byPath);
    c.modelFindings.addAll(modelFindings);
    return c;
  }

  /** The comparison for a layer path, or null for layers that were not compared. */
  public LayerComparison forPath(String path) {
    return byPath.get(path);
  }

  public List<Finding> modelFindings() {
    return modelFindings;
  }

  private void compareLayer(LayerInference layer, List<StoredTensor> stored) {
    if (layer.nested() != null) {
      compareNested(layer, stored);
      return;
    }
    List<Finding> findings = new ArrayList<>();
    List<WeightMatch> matches = new ArrayList<>();
    List<WeightSpec> expected =
        archiveLayout ? storedInArchive(layer) : trainableFirst(layer.weights());
    String path = layer.path();
    List<StoredTensor> actual = stored == null ? List.of() : stored;
    if (expected != null
        && actual.isEmpty()
        && archiveLayout
        && occurrences.getOrDefault(layer.layer().identity(), 1) > 1) {
      // One layer object in a model and in a model nested in it: an archive stores its weights
      // once, where saving reached it first.
      expected.forEach(e -> matches.add(new WeightMatch(e, null)));
      byPath.put(path, new LayerComparison(matches, stored, findings));
      return;
    }
    if (expected == null && !actual.isEmpty() && layer.outcome() == Outcome.UNKNOWN_INPUT) {
      addMisfit(layer, actual, findings);
    }
    if (expected != null) {
      if (expected.size() == actual.size()) {
        for (int i = 0; i < expected.size(); i++) {
          WeightSpec e = expected.get(i);
          StoredTensor s = actual.get(i);
          matches.add(new WeightMatch(e, s));
          checkPair(path, layer.formula(), e, s, findings);
        }
      } else if (!matchByName(path, layer.formula(), expected, actual, matches, findings)) {
        expected.forEach(e -> matches.add(new WeightMatch(e, null)));
        findings.add(
            Finding.of(
                Rule.WEIGHT_COUNT_MISMATCH,
                path,
                REFERENCE,
                expected.size(),
                actual.size(),
                "expected "
                    + expected.size()
                    + " weight tensors "
                    + describe(expected)
                    + ", the file stores "
                    + actual.size()
                    + (actual.isEmpty()
                        ? ""
                        : " "
                            + actual.stream()
                                .map(s -> s.name() + " " + s.shape())
                                .collect(Collectors.joining(", ", "[", "]"))),
                layer.formula()));
      }
      if (archiveLayout) {
        layer.weights().stream()
            .filter(WeightSpec::foldedOnSave)
            .forEach(e -> matches.add(new WeightMatch(e, null)));
      }
      long ours = expected.stream().mapToLong(WeightSpec::size).sum();
      long theirs = actual.stream().mapToLong(StoredTensor::size).sum();
      if (ours != theirs) {
        findings.add(
            Finding.of(
                Rule.PARAM_MISMATCH,
                path,
                REFERENCE,
                ours,
                theirs,
                "expected "
                    + Formulas.number(ours)
                    + " parameters, the file stores "
                    + Formulas.number(theirs),
                layer.formula()));
      }
    }
    byPath.put(path, new LayerComparison(matches, stored, findings));
  }

  private void addMisfit(LayerInference layer, List<StoredTensor> actual, List<Finding> findings) {
    StoredWeightsFit.Misfit misfit = StoredWeightsFit.check(layer, actual, archiveLayout);
    if (misfit == null) {
      return;
    }
    String stored =
        actual.stream().map(s -> s.name() + " " + s.shape()).collect(Collectors.joining(", "));
    findings.add(
        Finding.of(
            Rule.STORED_WEIGHTS_FIT_NO_INPUT,
            layer.path(),
            REFERENCE,
            describe(misfit.closest()),
            "[" + stored + "]",
            "the input shape is unknown, but no input makes "
                + layer.layer().className()
                + " need the stored weights ["
                + stored
                + "]; the closest, with "
                + misfit.dim()
                + " input features, needs "
                + describe(misfit.closest()),
            null));
  }

  /**
   * When the counts differ, pairs tensors by their last name segment ({@code .../bias:0} is {@code
   * bias}) if every name is unambiguous, so that the finding can say which weight is missing or
   * extra. Returns false when names cannot decide.
   */
  private static boolean matchByName(
      String path,
      String formula,
      List<WeightSpec> expected,
      List<StoredTensor> actual,
      List<WeightMatch> matches,
      List<Finding> findings) {
    Map<String, StoredTensor> storedByLeaf = new LinkedHashMap<>();
    for (StoredTensor t : actual) {
      if (storedByLeaf.put(leaf(t.name()), t) != null) {
        return false;
      }
    }
    Map<String, WeightSpec> expectedByName = new LinkedHashMap<>();
    for (WeightSpec e : expected) {
      if (expectedByName.put(e.name(), e) != null) {
        return false;
      }
    }
    if (!expectedByName.keySet().containsAll(storedByLeaf.keySet())
        && !storedByLeaf.keySet().containsAll(expectedByName.keySet())) {
      return false;
    }
    for (WeightSpec e : expected) {
      StoredTensor s = storedByLeaf.get(e.name());
      matches.add(new WeightMatch(e, s));
      checkPair(path, formula, e, s, findings);
    }
    for (StoredTensor s : actual) {
      if (!expectedByName.containsKey(leaf(s.name()))) {
        findings.add(
            Finding.of(
                Rule.WEIGHT_UNEXPECTED,
                path,
                REFERENCE,
                null,
                String.valueOf(s.shape()),
                "the file stores '"
                    + s.name()
                    + "' "
                    + s.shape()
                    + ", which the layer does not have",
                formula));
      }
    }
    return true;
  }

  /** One expected weight against the stored tensor paired with it (null: none was). */
  private static void checkPair(
      String path, String formula, WeightSpec e, StoredTensor s, List<Finding> findings) {
    if (s == null) {
      findings.add(
          Finding.of(
              Rule.WEIGHT_MISSING,
              path,
              REFERENCE,
              e.shape().toString(),
              null,
              e.name() + " " + e.shape() + " is not stored",
              formula));
    } else if (s.shape() == null) {
      findings.add(
          Finding.of(
              Rule.WEIGHT_MISSING,
              path,
              REFERENCE,
              e.shape().toString(),
              null,
              "weight '" + s.name() + "' is listed but its dataset " + s.location() + " is absent",
              formula));
    } else if (!s.shape().equals(e.shape())) {
      findings.add(
          Finding.of(
              Rule.WEIGHT_SHAPE_MISMATCH,
              path,
              REFERENCE,
              e.shape().toString(),
              s.shape().toString(),
              e.name() + ": expected " + e.shape() + ", stored '" + s.name() + "' is " + s.shape(),
              formula));
    }
  }

  /** {@code sequential/conv2d/kernel:0} → {@code kernel}. */
  private static String leaf(String weightName) {
    String last = weightName.substring(weightName.lastIndexOf('/') + 1);
    int colon = last.indexOf(':');
    return colon < 0 ? last : last.substring(0, colon);
  }

  /**
   * Keras writes a layer's trainable weights before its non-trainable ones (Keras 1 and 2 {@code
   * layer.weights}; Keras 3 legacy save {@code trainable_weights + non_trainable_weights}), so a
   * frozen half of a Bidirectional comes last.
   */
  private static List<WeightSpec> trainableFirst(List<WeightSpec> weights) {
    if (weights == null) {
      return null;
    }
    List<WeightSpec> out = new ArrayList<>();
    weights.stream().filter(w -> w.bucket() == WeightBucket.TRAINABLE).forEach(out::add);
    weights.stream().filter(w -> w.bucket() != WeightBucket.TRAINABLE).forEach(out::add);
    return out;
  }

  /**
   * A Keras 3 archive stores variables in creation order (as the layer's kind arranges them),
   * without the ones folded on save.
   */
  private static List<WeightSpec> storedInArchive(LayerInference layer) {
    List<WeightSpec> weights = layer.weights();
    if (weights == null) {
      return null;
    }
    LayerKind kind = layer.layer().kind();
    List<WeightSpec> ordered = kind == null ? weights : kind.archiveOrder(weights);
    return ordered.stream().filter(w -> !w.foldedOnSave()).collect(Collectors.toList());
  }

  private static String describe(List<WeightSpec> specs) {
    return specs.stream()
        .map(w -> w.name() + " " + w.shape())
        .collect(Collectors.joining(", ", "[", "]"));
  }

  private void compareNested(LayerInference layer, List<StoredTensor> stored) {
    List<LayerInference> children = layer.nested().layers();
    List<StoredTensor> actual = stored == null ? List.of() : stored;
    Map<String, List<StoredTensor>> assigned = NestedWeightAssignment.assign(actual, children);
    List<Finding> findings = new ArrayList<>();
    List<StoredTensor> unassigned = assigned.remove(NestedWeightAssignment.UNASSIGNED);
    if (unassigned != null && !unassigned.isEmpty()) {
      findings.add(
          Finding.of(
              Rule.WEIGHT_UNEXPECTED,
              layer.path(),
              REFERENCE,
              null,
              unassigned.size(),
              "stored weights that belong to no layer of the nested model: "
                  + unassigned.stream().map(StoredTensor::name).collect(Collectors.joining(", ")),
              null));
    }
    for (LayerInference child : children) {
      if (child.layer().hidden()) {
        continue;
      }
      compareLayer(
          child, assigned.getOrDefault(child.layer().name(), stored == null ? null : List.of()));
    }
    byPath.put(layer.path(), new LayerComparison(List.of(), stored, findings));
  }
}
