package io.modelaudit.reference.stored;

import io.modelaudit.infer.LayerInference;
import io.modelaudit.ir.Formulas;
import io.modelaudit.ir.LayerKind;
import io.modelaudit.ir.Shape;
import io.modelaudit.ir.ShapeSteps;
import io.modelaudit.ir.WeightBucket;
import io.modelaudit.ir.WeightSpec;
import io.modelaudit.ir.WrapperKind;
import io.modelaudit.report.LayerReport;
import io.modelaudit.report.LayerReport.WeightReport;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The rows of the layers a wrapper runs, from the wrapped layers' own rules applied to the inputs
 * the wrapper gives them (the first call's). The wrapper's row keeps the comparison with the file;
 * these rows take its status.
 */
final class WrappedRows {
  private WrappedRows() {}

  static List<LayerReport> of(LayerInference layer, int depth, String status) {
    if (!(layer.layer().kind() instanceof WrapperKind wrapper)
        || wrapper.wrapped().isEmpty()
        || layer.callInputs().isEmpty()
        || layer.callInputs().get(0) == null
        || layer.callInputs().get(0).contains(null)) {
      return List.of();
    }
    List<LayerReport> rows = new ArrayList<>();
    for (WrapperKind.Wrapped w : wrapper.wrapped()) {
      rows.add(row(layer, w, depth, status));
    }
    return rows;
  }

  private static LayerReport row(
      LayerInference layer, WrapperKind.Wrapped w, int depth, String status) {
    List<Shape> inputs = null;
    List<Shape> outputs = null;
    String shapeRule = null;
    List<WeightSpec> weights = null;
    String formula = null;
    try {
      inputs = ((WrapperKind) layer.layer().kind()).innerInputs(layer.callInputs().get(0));
      List<Shape> in = inputs;
      LayerKind kind = w.kind();
      ShapeSteps.Captured<List<Shape>> ruled = ShapeSteps.capture(() -> kind.outputShapes(in));
      outputs = ruled.value();
      shapeRule =
          ruled.steps().isEmpty()
              ? ShapeSteps.generic(inputs, outputs)
              : String.join("; ", ruled.steps());
      weights = kind.weights(inputs);
      formula = kind.formula(inputs, weights);
    } catch (RuntimeException e) {
      // an inner rule that cannot apply leaves what it would give unknown; the wrapper's row
      // already reports why
    }
    List<WeightReport> weightRows = new ArrayList<>();
    if (weights != null) {
      weights.forEach(
          s ->
              weightRows.add(
                  new WeightReport(
                      s.name(),
                      s.shape(),
                      null,
                      null,
                      null,
                      s.bucket() == WeightBucket.TRAINABLE)));
    }
    Long params = weights == null ? null : Formulas.total(weights);
    return new LayerReport(
        w.name(),
        layer.path() + "/" + w.name(),
        w.className(),
        List.of(),
        outputs,
        null,
        params,
        weights == null ? null : size(weights, WeightBucket.TRAINABLE),
        weights == null ? null : size(weights, WeightBucket.NON_TRAINABLE),
        params == null ? null : "inferred",
        weightRows,
        null,
        status,
        formula,
        null,
        depth,
        layer.layer().provenance(),
        inputs,
        null,
        null,
        Map.of(),
        shapeRule,
        null,
        List.of(),
        null);
  }

  private static long size(List<WeightSpec> weights, WeightBucket bucket) {
    return weights.stream().filter(w -> w.bucket() == bucket).mapToLong(WeightSpec::size).sum();
  }
}
