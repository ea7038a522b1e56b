package io.modelaudit.reference.stored;

import io.modelaudit.compare.Finding;
import io.modelaudit.compare.Rule;
import io.modelaudit.compare.Severity;
import io.modelaudit.formats.ImportedModel;
import io.modelaudit.formats.StoredTensor;
import io.modelaudit.infer.InferredGraph;
import io.modelaudit.infer.LayerInference;
import io.modelaudit.infer.LayerInference.Outcome;
import io.modelaudit.ir.Call;
import io.modelaudit.ir.Cancellation;
import io.modelaudit.ir.Checked;
import io.modelaudit.ir.RecordedShapes;
import io.modelaudit.ir.Shape;
import io.modelaudit.ir.TensorRef;
import io.modelaudit.ir.WeightBucket;
import io.modelaudit.ir.WeightSpec;
import io.modelaudit.reference.LayerTable;
import io.modelaudit.report.LayerReport;
import io.modelaudit.report.LayerReport.CallReport;
import io.modelaudit.report.LayerReport.RecordedReport;
import io.modelaudit.report.LayerReport.WeightReport;
import io.modelaudit.report.ModelReport.Framework;
import io.modelaudit.report.ModelReport.Totals;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Joins our inference and the comparison with the stored weights into rows, findings and totals.
 * Formats nothing.
 */
final class LayerTableBuilder {
  private final StoredWeightComparison comparison;
  private final List<LayerReport> rows = new ArrayList<>();
  private final List<Finding> findings = new ArrayList<>();

  /**
   * Per row: the layer's identity, and which rows are nested models (counted through their layers).
   */
  private final List<String> identities = new ArrayList<>();

  private final Set<Integer> nestedRows = new HashSet<>();

  private LayerTableBuilder(StoredWeightComparison comparison) {
    this.comparison = comparison;
  }

  static LayerTable build(
      ImportedModel model, InferredGraph graph, StoredWeightComparison comparison) {
    LayerTableBuilder a = new LayerTableBuilder(comparison);
    for (LayerInference layer : graph.layers()) {
      if (!layer.layer().hidden()) {
        a.addLayer(layer, 0);
      }
    }
    if (comparison != null) {
      a.findings.addAll(comparison.modelFindings());
    }
    Long storedTotal = model.stored() == null ? null : model.stored().storedTotal();
    return new LayerTable(
        model.format(),
        new Framework(model.framework(), model.frameworkVersion(), model.backend()),
        graph.graph().name(),
        model.architecture(),
        a.rows,
        a.totals(storedTotal),
        a.findings);
  }

  /**
   * Totals over the layers that own weights, at every depth, each counted once: a layer used both
   * in a model and in a model nested in it owns one set of weights (Keras {@code count_params}).
   */
  private Totals totals(Long storedTotal) {
    long params = 0;
    long trainable = 0;
    long nonTrainable = 0;
    long storedOnly = 0;
    boolean complete = true;
    Set<String> counted = new HashSet<>();
    for (int i = 0; i < rows.size(); i++) {
      LayerReport row = rows.get(i);
      if (nestedRows.contains(i) || !counted.add(identities.get(i))) {
        continue;
      }
      if (row.params() != null) {
        params = Checked.add(params, row.params());
      }
      if ("inferred".equals(row.paramsSource())) {
        trainable = Checked.add(trainable, row.trainable());
        nonTrainable = Checked.add(nonTrainable, row.nonTrainable());
      } else {
        complete = false;
        storedOnly = Checked.add(storedOnly, row.params() == null ? 0 : row.params());
      }
    }
    return new Totals(params, trainable, nonTrainable, storedOnly, storedTotal, complete);
  }

  private LayerReport addLayer(LayerInference layer, int depth) {
    Cancellation.check();
    LayerComparison compared = comparison == null ? null : comparison.forPath(layer.path());
    List<Finding> layerFindings = new ArrayList<>();
    if (layer.outcome() == Outcome.RULE_FAILED) {
      layerFindings.add(
          Finding.of(
              Rule.SHAPE_RULE_FAILED, layer.path(), null, null, null, layer.problem(), null));
    } else if (layer.outcome() == Outcome.INVALID_CONFIG) {
      layerFindings.add(
          Finding.of(Rule.CONFIG_INVALID, layer.path(), null, null, null, layer.problem(), null));
    } else if (layer.outcome() == Outcome.DEGENERATE) {
      layerFindings.add(
          Finding.of(Rule.DEGENERATE_SHAPE, layer.path(), null, null, null, layer.problem(), null));
    } else if (layer.outcome() == Outcome.UNSUPPORTED) {
      layerFindings.add(
          Finding.of(
              Rule.UNSUPPORTED_LAYER,
              layer.path(),
              null,
              null,
              null,
              layer.layer().className() + ": " + layer.problem(),
              null));
    }
    for (String caveat : layer.caveats()) {
      layerFindings.add(
          Finding.of(Rule.RUNTIME_SHAPE_MISMATCH, layer.path(), null, null, null, caveat, null));
    }
    if (compared != null) {
      layerFindings.addAll(compared.findings());
    }
    Long storedParams = compared == null ? null : compared.storedParams();
    List<WeightReport> weights = weights(layer, compared);
    Long params = layer.params();
    Long trainable = null;
    Long nonTrainable = null;
    String source = "inferred";
    if (params != null) {
      trainable = bucketSize(layer.weights(), WeightBucket.TRAINABLE);
      nonTrainable = bucketSize(layer.weights(), WeightBucket.NON_TRAINABLE);
    } else {
      params = storedParams;
      source = storedParams == null ? null : "stored";
    }
    boolean failed = layerFindings.stream().anyMatch(f -> f.severity() == Severity.ERROR);
    String status =
        layer.outcome() == Outcome.UNSUPPORTED
            ? LayerReport.UNSUPPORTED
            : failed
                ? LayerReport.MISMATCH
                : layer.outcome() != Outcome.INFERRED || compared == null || !outputsKnown(layer)
                    ? LayerReport.UNVERIFIED
                    : LayerReport.OK;
    LayerReport row =
        new LayerReport(
            layer.layer().name(),
            layer.path(),
            layer.layer().className(),
            inbound(layer.layer().calls().isEmpty() ? null : layer.layer().calls().get(0)),
            layer.callOutputs().get(0),
            calls(layer),
            params,
            trainable,
            nonTrainable,
            source,
            weights,
            storedParams,
            status,
            layer.formula(),
            layer.outcome() == Outcome.INFERRED ? null : layer.problem(),
            depth,
            layer.layer().provenance(),
            layer.callInputs().isEmpty() ? null : layer.callInputs().get(0),
            layer.layer().activation(),
            recorded(layer),
            layer.layer().settings());
    rows.add(row);
    identities.add(layer.layer().identity() == null ? layer.path() : layer.layer().identity());
    findings.addAll(layerFindings);
    if (layer.layer().body() != null && layer.nested() != null) {
      nestedRows.add(rows.size() - 1);
    }
    if (layer.nested() != null) {
      for (LayerInference child : layer.nested().layers()) {
        if (!child.layer().hidden()) {
          addLayer(child, depth + 1);
        }
      }
    }
    return row;
  }

  /**
   * A layer is only ok when we know the shapes it takes and gives too (a Reshape after a Lambda
   * knows its output from its target alone, but cannot be checked).
   */
  private static boolean outputsKnown(LayerInference layer) {
    for (List<Shape> outputs : layer.callOutputs()) {
      if (outputs == null || outputs.contains(null)) {
        return false;
      }
    }
    for (List<Shape> inputs : layer.callInputs()) {
      if (inputs == null || inputs.stream().anyMatch(s -> s == null || s.isUnknown())) {
        return false;
      }
    }
    return true;
  }

  private static RecordedReport recorded(LayerInference layer) {
    if (layer.layer().calls().isEmpty()) {
      return null;
    }
    RecordedShapes r = layer.layer().calls().get(0).recorded();
    if (!r.hasInputs()) {
      return null;
    }
    return new RecordedReport(r.inputs(), r.inputSource(), layer.inputSource(0) != null);
  }

  private static Long bucketSize(List<WeightSpec> weights, WeightBucket bucket) {
    return weights.stream().filter(w -> w.bucket() == bucket).mapToLong(WeightSpec::size).sum();
  }

  private static List<WeightReport> weights(LayerInference layer, LayerComparison compared) {
    List<WeightReport> out = new ArrayList<>();
    if (layer.nested() != null) {
      return out;
    }
    if (compared != null && !compared.matches().isEmpty()) {
      // A weight an archive stores twice (a wrapper's attribute aliasing its layer's kernel) is
      // one weight of the layer: reported once.
      java.util.Set<WeightSpec> reported =
          java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
      for (WeightMatch m : compared.matches()) {
        WeightSpec e = m.expected();
        if (!reported.add(e)) {
          continue;
        }
        StoredTensor s = m.stored();
        out.add(
            new WeightReport(
                e.name(),
                e.shape(),
                s == null ? null : s.shape(),
                s == null ? null : s.name(),
                s == null ? null : s.location(),
                e.bucket() == WeightBucket.TRAINABLE));
      }
      if (compared.stored() != null) {
        java.util.Set<StoredTensor> paired =
            java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        compared.matches().forEach(m -> paired.add(m.stored()));
        for (StoredTensor s : compared.stored()) {
          if (!paired.contains(s)) {
            out.add(new WeightReport(null, null, s.shape(), s.name(), s.location(), null));
          }
        }
      }
      return out;
    }
    if (layer.weights() != null) {
      for (WeightSpec e : layer.weights()) {
        out.add(
            new WeightReport(
                e.name(), e.shape(), null, null, null, e.bucket() == WeightBucket.TRAINABLE));
      }
    } else if (compared != null && compared.stored() != null) {
      for (StoredTensor s : compared.stored()) {
        out.add(new WeightReport(null, null, s.shape(), s.name(), s.location(), null));
      }
    }
    return out;
  }

  private static List<String> inbound(Call call) {
    List<String> out = new ArrayList<>();
    if (call != null) {
      for (TensorRef r : call.inputs()) {
        out.add(r.toString());
      }
    }
    return out;
  }

  private static List<CallReport> calls(LayerInference layer) {
    List<Call> calls = layer.layer().calls();
    if (calls.size() < 2) {
      return null;
    }
    List<CallReport> out = new ArrayList<>();
    for (int i = 0; i < calls.size(); i++) {
      List<Shape> outputs = layer.callOutputs().get(i);
      out.add(new CallReport(inbound(calls.get(i)), outputs));
    }
    return out;
  }
}
