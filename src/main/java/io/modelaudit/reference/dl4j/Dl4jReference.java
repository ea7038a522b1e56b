package io.modelaudit.reference.dl4j;

import io.modelaudit.compare.Explanation;
import io.modelaudit.compare.Finding;
import io.modelaudit.compare.Rule;
import io.modelaudit.formats.StoredWeights;
import io.modelaudit.formats.dl4j.Dl4jImporter;
import io.modelaudit.formats.keras.KerasH5Importer;
import io.modelaudit.ir.Formulas;
import io.modelaudit.reference.LayerTable;
import io.modelaudit.reference.Reference;
import io.modelaudit.reference.Subject;
import io.modelaudit.report.Dl4jAnswer;
import io.modelaudit.report.LayerReport;
import io.modelaudit.report.ModelReport;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Asks Deeplearning4j about a file and sets its numbers beside ours: a layer or model count where
 * DL4J disagrees, DL4J's import failure, or a worker that died on the file, each becomes a finding
 * with reference {@code dl4j}. DL4J's layers are paired with our top-level rows by name (DL4J's
 * Keras import keeps Keras' layer names).
 */
public final class Dl4jReference implements Reference {
  public static final String REFERENCE = "dl4j";

  /**
   * The forms Deeplearning4j reads: its own files, and Keras HDF5 (its Keras import reads no
   * other).
   */
  private static final Set<String> READS =
      Set.of(KerasH5Importer.FORMAT, Dl4jImporter.FORMAT_ZIP, Dl4jImporter.FORMAT_JSON);

  private final Dl4jReferenceClient client;

  public Dl4jReference(Dl4jReferenceClient client) {
    this.client = client;
  }

  @Override
  public String id() {
    return REFERENCE;
  }

  /** DL4J runs in a worker process, with the client's own time limit. */
  @Override
  public boolean outOfProcess() {
    return true;
  }

  @Override
  public Dl4jVerdict compare(Subject subject) {
    LayerTable ours = subject.ours();
    String format = ours.format();
    String why =
        !READS.contains(format)
            // DL4J's Keras import reads HDF5 files only (model.save, or weights with their JSON).
            ? "Deeplearning4j imports Keras HDF5 files and its own models, not " + format + " files"
            : subject.model().stored() instanceof StoredWeights w && w.archiveLayout()
                ? "Deeplearning4j imports Keras 1 and 2 weights files (layer_names), not Keras 3's"
                    + " .weights.h5 layout"
                : null;
    if (why != null) {
      return new Dl4jVerdict(
          Dl4jAnswer.notApplicable(why),
          List.of(Finding.of(Rule.DL4J_NOT_APPLICABLE, null, REFERENCE, null, null, why, null)),
          Map.of());
    }
    Dl4jAnswer dl4j =
        client.reference(
            subject.file(), ours.architecture() == null ? null : Path.of(ours.architecture()));
    Map<String, Explanation> explanations = new LinkedHashMap<>();
    List<Finding> findings = findings(ours, dl4j, explanations);
    return new Dl4jVerdict(dl4j, findings, explanations);
  }

  static List<Finding> findings(LayerTable report, Dl4jAnswer dl4j) {
    return findings(report, dl4j, new LinkedHashMap<>());
  }

  /**
   * DL4J's findings, each with why DL4J differs; {@code explanations} receives the explanation of
   * every top-level layer where DL4J differs, also those without a finding (same count, other
   * bookkeeping).
   */
  static List<Finding> findings(
      LayerTable report, Dl4jAnswer dl4j, Map<String, Explanation> explanations) {
    String who = "DL4J" + (dl4j.dl4jVersion() == null ? "" : " " + dl4j.dl4jVersion());
    List<Finding> out = new ArrayList<>();
    switch (dl4j.status()) {
      case Dl4jAnswer.OK:
        break;
      case Dl4jAnswer.IMPORT_FAILED:
        Dl4jAnswer.Failure f = dl4j.failure();
        Explanation why = Dl4jFailureExplainer.explain(report, f);
        out.add(
            Finding.of(
                    Rule.DL4J_IMPORT_FAILED,
                    f.layer(),
                    REFERENCE,
                    null,
                    null,
                    who
                        + " cannot import the model: "
                        + f.exception()
                        + ": "
                        + oneLine(f.message()),
                    null)
                .explained(why));
        return out;
      default:
        out.add(
            Finding.of(
                Rule.DL4J_REFERENCE_FAILED,
                null,
                REFERENCE,
                null,
                null,
                who + ": " + dl4j.message(),
                null));
        return out;
    }
    Dl4jExplainer explainer = new Dl4jExplainer(report, dl4j);
    boolean keras = !Dl4jImporter.FRAMEWORK.equals(report.framework().name());
    List<LayerReport> miscounted = new ArrayList<>();
    for (LayerReport row : report.layers()) {
      Dl4jAnswer.Layer layer = row.depth() == 0 ? dl4j.layer(row.name()) : null;
      if (layer == null) {
        continue;
      }
      Finding activation = Dl4jActivationCheck.check(row, layer, who, keras);
      if (activation != null) {
        out.add(activation);
        explanations.put(
            row.name(), activation.explanation()); // a count explanation below takes the place
      } else if (Dl4jActivationCheck.sameFunctionBookedOtherwise(row, layer) != null) {
        explanations.put(row.name(), Dl4jActivationCheck.sameFunctionBookedOtherwise(row, layer));
      }
      if (row.params() == null) {
        continue;
      }
      if (layer.params() == row.params()) {
        Explanation same = Dl4jExplainer.batchNormStatistics(row, layer);
        if (same != null) {
          explanations.put(row.name(), same);
        }
        continue;
      }
      Explanation why = explainer.layer(row, layer);
      explanations.put(row.name(), why);
      miscounted.add(row);
      if (!"inferred".equals(row.paramsSource())) {
        // No rule of ours: the row's count is the file's, DL4J is compared with that alone.
        out.add(
            Finding.of(
                    Rule.DL4J_PARAM_MISMATCH,
                    row.path(),
                    REFERENCE,
                    null,
                    layer.params(),
                    who
                        + " builds this layer as "
                        + layer.className()
                        + " with "
                        + Formulas.number(layer.params())
                        + " parameters"
                        + (dl4j.built() ? " " + table(layer.paramTable()) : "")
                        + ", the file stores "
                        + Formulas.number(row.params()),
                    null)
                .explained(why));
        continue;
      }
      String stored =
          row.storedParams() == null
              ? ""
              : ", the file stores " + Formulas.number(row.storedParams());
      // DL4J's activation type beside our output shape usually shows where its import went wrong.
      String output =
          layer.outputType() == null || row.outputShapes() == null
              ? ""
              : "; its output: "
                  + layer.outputType()
                  + ", ours "
                  + row.outputShapes().stream()
                      .map(String::valueOf)
                      .collect(Collectors.joining(", "));
      out.add(
          Finding.of(
                  Rule.DL4J_PARAM_MISMATCH,
                  row.path(),
                  REFERENCE,
                  row.params(),
                  layer.params(),
                  who
                      + " builds this layer as "
                      + layer.className()
                      + " with "
                      + Formulas.number(layer.params())
                      + " parameters"
                      + (dl4j.built() ? " " + table(layer.paramTable()) : "")
                      + ", ours "
                      + Formulas.number(row.params())
                      + stored
                      + output,
                  row.formula())
              .explained(why));
    }
    ModelReport.Totals t = report.totals();
    Long ours = t == null ? null : t.complete() ? Long.valueOf(t.params()) : t.stored();
    if (ours != null && dl4j.totalParams() != null && !ours.equals(dl4j.totalParams())) {
      String stored = t.stored() == null ? "" : ", the file stores " + Formulas.number(t.stored());
      String basis =
          t.complete() ? "ours " + Formulas.number(t.params()) + stored : stored.substring(2);
      Explanation why =
          explainer.model(miscounted, explanations, dl4j.totalParams(), ours, t.stored());
      out.add(
          Finding.of(
                  Rule.DL4J_PARAM_MISMATCH,
                  null,
                  REFERENCE,
                  ours,
                  dl4j.totalParams(),
                  who
                      + " builds the model ("
                      + dl4j.modelClass()
                      + ") with "
                      + Formulas.number(dl4j.totalParams())
                      + " parameters, "
                      + basis
                      + (why.expected() ? "" : ": DL4J does not read this model as it is stored"),
                  null)
              .explained(why));
    }
    return out;
  }

  private static String oneLine(String message) {
    return message == null ? null : message.replaceAll("\\s*\\R\\s*", " ");
  }

  private static String table(Map<String, List<Long>> table) {
    return table.entrySet().stream()
        .map(e -> e.getKey() + " " + e.getValue())
        .collect(Collectors.joining(", ", "(", ")"));
  }
}
