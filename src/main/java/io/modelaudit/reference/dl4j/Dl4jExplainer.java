package io.modelaudit.reference.dl4j;

import io.modelaudit.compare.Explanation;
import io.modelaudit.compare.ExplanationKind;
import io.modelaudit.ir.Formulas;
import io.modelaudit.ir.Shape;
import io.modelaudit.reference.LayerTable;
import io.modelaudit.report.Dl4jAnswer;
import io.modelaudit.report.LayerReport;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Says why Deeplearning4j's numbers differ from ours and the file's, layer by layer: DL4J's own
 * conventions (batch norm keeps four vectors, dummies for {@code scale} / {@code center} false) are
 * expected; a layer whose weights DL4J shapes differently because its activations went wrong
 * earlier is DL4J reading the model wrongly, traced to the first layer whose DL4J activation type
 * differs from Keras' shape. Kinds come from the catalogue, {@link
 * io.modelaudit.compare.ExplanationKind}.
 */
final class Dl4jExplainer {

  private static final Set<String> RECURRENT =
      Set.of("LSTM", "GravesLSTM", "SimpleRnn", "Bidirectional", "GravesBidirectionalLSTM");

  private final LayerTable report;
  private final Dl4jAnswer dl4j;
  private final Map<String, LayerReport> rows = new LinkedHashMap<>();
  private final Map<String, Boolean> differs = new HashMap<>();

  Dl4jExplainer(LayerTable report, Dl4jAnswer dl4j) {
    this.report = report;
    this.dl4j = dl4j;
    for (LayerReport row : report.layers()) {
      if (row.depth() == 0) {
        rows.put(row.name(), row);
      }
    }
  }

  /** Why DL4J builds this layer with another count than ours (ours is the file's), never null. */
  Explanation layer(LayerReport row, Dl4jAnswer.Layer layer) {
    Explanation batchNorm = batchNormDummies(row, layer);
    if (batchNorm != null) {
      return batchNorm;
    }
    String tables = "DL4J " + table(layer.paramTable()) + ", the file's " + ours(row);
    Explanation timeSteps = timeSteps(row, layer, tables);
    if (timeSteps != null) {
      return timeSteps;
    }
    LayerReport origin = origin(row);
    Explanation axis = origin == null ? batchNormAxis(row, layer, tables) : null;
    if (axis != null) {
      return axis;
    }
    if ((origin == null || origin == row) && row.calls() != null && row.calls().size() > 1) {
      return sharedLayerMerged(row, tables);
    }
    if (origin == null) {
      return new Explanation(
          ExplanationKind.COUNT_DIFFERS,
          "DL4J gives this layer other weights from the same input: " + tables);
    }
    Dl4jAnswer.Layer at = dl4j.layer(origin.name());
    String where =
        origin == row ? "at this layer" : "at " + origin.name() + " (" + origin.className() + ")";
    String activations =
        "DL4J's activations first differ from Keras' "
            + where
            + ": DL4J "
            + at.outputType()
            + ", Keras "
            + shapes(origin.outputShapes());
    LayerReport reshape = reshapeBefore(origin);
    if (reshape != null) {
      String how =
          permuted(origin, at)
              ? "reads Reshape "
                  + reshape.name()
                  + " (Keras "
                  + shapes(reshape.outputShapes())
                  + ") in another dimension order"
              : "goes wrong after Reshape "
                  + reshape.name()
                  + " (Keras "
                  + shapes(reshape.outputShapes())
                  + "), which it turns into an input preprocessor";
      return new Explanation(
          ExplanationKind.RESHAPE_MISREAD, "DL4J " + how + ". " + activations + "; so " + tables);
    }
    return new Explanation(ExplanationKind.ACTIVATION_MISREAD, activations + "; so " + tables);
  }

  /**
   * Why DL4J's total differs from ours: the layer where DL4J first goes wrong and what follows.
   * {@code stored} is the file's total, or null when it stores none.
   */
  Explanation model(
      List<LayerReport> miscounted,
      Map<String, Explanation> why,
      long dl4jTotal,
      long ours,
      Long stored) {
    long diff = dl4jTotal - ours;
    String totals =
        "DL4J "
            + Formulas.number(dl4jTotal)
            + ", "
            + (stored != null && stored == ours ? "the file " : "ours ")
            + Formulas.number(ours)
            + " ("
            + (diff > 0 ? "+" : "")
            + Formulas.number(diff)
            + ")";
    if (miscounted.isEmpty()) {
      return new Explanation(
          ExplanationKind.COUNT_DIFFERS, totals + "; no layer of ours carries the difference");
    }
    LayerReport first =
        miscounted.stream().filter(r -> !why.get(r.name()).expected()).findFirst().orElse(null);
    if (first == null) {
      Explanation firstWhy = why.get(miscounted.get(0).name());
      return new Explanation(
          firstWhy.catalogued(),
          totals
              + ": "
              + miscounted.stream().map(LayerReport::name).collect(Collectors.joining(", "))
              + " ("
              + firstWhy.kind()
              + ")");
    }
    Explanation firstWhy = why.get(first.name());
    String affected =
        miscounted.stream()
            .map(
                r ->
                    r.name()
                        + " "
                        + Formulas.number(dl4j.layer(r.name()).params())
                        + " vs "
                        + Formulas.number(r.params()))
            .collect(Collectors.joining(", "));
    return new Explanation(
        firstWhy.catalogued(),
        totals
            + ". DL4J first builds "
            + first.name()
            + " wrongly ("
            + firstWhy.kind()
            + "); layers with other weights in DL4J (DL4J vs ours): "
            + affected
            + (stored == null
                ? "."
                : ". The file's weights do not fit DL4J's network: importing them fails or corrupts memory."));
  }

  /**
   * DL4J's batch norm always has gamma, beta, mean and var: dummies where Keras has no scale or
   * center.
   */
  private static Explanation batchNormDummies(LayerReport row, Dl4jAnswer.Layer layer) {
    if (!"BatchNormalization".equals(layer.className()) || !row.className().contains("BatchNorm")) {
      return null;
    }
    List<Long> gamma = layer.paramTable().get("gamma");
    if (gamma == null
        || gamma.size() != 1
        || gamma.get(0) == null
        || layer.params() != 4 * gamma.get(0)) {
      return null;
    }
    long c = gamma.get(0);
    int vectors = row.weights().size();
    if ((vectors != 2 && vectors != 3) || row.params() != vectors * c) {
      return null;
    }
    List<String> names =
        row.weights().stream()
            .map(w -> w.name() == null ? "" : w.name())
            .collect(Collectors.toList());
    boolean scale = names.stream().anyMatch(n -> n.contains("gamma"));
    boolean center = names.stream().anyMatch(n -> n.contains("beta"));
    String off =
        !scale && !center
            ? "scale and center are false"
            : !scale ? "scale is false" : "center is false";
    String dummies =
        !scale && !center
            ? "gamma (ones) and beta (zeros) are dummies"
            : !scale ? "gamma is a dummy of ones" : "beta is a dummy of zeros";
    return new Explanation(
        ExplanationKind.BATCHNORM_DUMMY_PARAMS,
        "Keras stores "
            + vectors
            + "·"
            + c
            + " = "
            + Formulas.number(row.params())
            + " ("
            + String.join(", ", names)
            + ": "
            + off
            + "); DL4J's batch norm always has gamma, beta, mean and var, 4·"
            + c
            + " = "
            + Formulas.number(layer.params())
            + ", all in its parameter vector: "
            + dummies);
  }

  /**
   * DL4J's batch norm counts the moving statistics among its parameters; Keras calls them
   * non-trainable.
   */
  static Explanation batchNormStatistics(LayerReport row, Dl4jAnswer.Layer layer) {
    if (!"BatchNormalization".equals(layer.className())
        || row.nonTrainable() == null
        || row.nonTrainable() == 0
        || row.params() == null
        || layer.params() != row.params()) {
      return null;
    }
    return new Explanation(
        ExplanationKind.BATCHNORM_STATISTICS_COUNTED,
        "same count: DL4J keeps gamma, beta, mean and var "
            + table(layer.paramTable())
            + " as parameters of the layer (all in its parameter vector); Keras counts the moving mean and variance ("
            + Formulas.number(row.nonTrainable())
            + ") as non-trainable");
  }

  /**
   * A layer Keras calls more than once: DL4J's Keras import lists the inbound layers of all its
   * calls as the inputs of one vertex, and DL4J's graph builder merges several inputs of a layer
   * into one (a MergeVertex), so the layer sees them side by side.
   */
  private static Explanation sharedLayerMerged(LayerReport row, String tables) {
    List<String> inputs = new ArrayList<>();
    row.calls().forEach(c -> inputs.add(String.join(" + ", c.inbound())));
    return new Explanation(
        ExplanationKind.SHARED_LAYER_MERGED,
        "Keras calls "
            + row.name()
            + " "
            + row.calls().size()
            + " times, on "
            + String.join(", then on ", inputs)
            + ", one input at a time with the same weights; DL4J's import gives the one layer all "
            + row.calls().size()
            + " inputs at once and merges them into a single wider input: "
            + tables);
  }

  /**
   * A Keras BatchNormalization whose vectors have the size of another axis of its input than the
   * one DL4J normalizes over: DL4J's import ignores {@code axis} and takes the input's features
   * (channels). The axis is named from the input shape: the axes of the size Keras stores.
   */
  private static Explanation batchNormAxis(LayerReport row, Dl4jAnswer.Layer layer, String tables) {
    if (!"BatchNormalization".equals(layer.className())
        || !row.className().contains("BatchNorm")
        || row.inputShapes() == null
        || row.inputShapes().size() != 1
        || row.inputShapes().get(0) == null
        || row.weights().isEmpty()
        || row.weights().get(0).shape() == null
        || row.weights().get(0).shape().rank() != 1) {
      return null;
    }
    List<Long> gamma = layer.paramTable().getOrDefault("gamma", layer.paramTable().get("mean"));
    Long keras = row.weights().get(0).shape().dim(0);
    if (gamma == null || gamma.size() != 1 || keras == null || keras.equals(gamma.get(0))) {
      return null;
    }
    Shape input = row.inputShapes().get(0);
    List<String> axes = new ArrayList<>();
    List<String> theirs = new ArrayList<>();
    for (int i = 1; i < input.rank(); i++) {
      String name = "axis " + i + " (" + (i - input.rank()) + ")";
      if (keras.equals(input.dim(i))) {
        axes.add(name);
      } else if (gamma.get(0).equals(input.dim(i))) {
        theirs.add(name);
      }
    }
    if (axes.isEmpty() || theirs.isEmpty()) {
      return null;
    }
    return new Explanation(
        ExplanationKind.BATCHNORM_AXIS_IGNORED,
        "Keras normalizes "
            + row.name()
            + " over "
            + String.join(" or ", axes)
            + " of its input "
            + input
            + ", "
            + keras
            + " values per vector; DL4J's import ignores the axis and normalizes over "
            + String.join(" or ", theirs)
            + ", "
            + gamma.get(0)
            + " values per vector: "
            + tables);
  }

  /** A recurrent layer whose DL4J input size is the number of time steps of ours. */
  private Explanation timeSteps(LayerReport row, Dl4jAnswer.Layer layer, String tables) {
    if (!RECURRENT.contains(layer.className())
        || layer.paramTable().isEmpty()
        || row.weights().isEmpty()
        || row.inputShapes() == null
        || row.inputShapes().size() != 1
        || row.inputShapes().get(0) == null) {
      return null;
    }
    Shape input = row.inputShapes().get(0);
    List<Long> w = layer.paramTable().values().iterator().next();
    Shape kernel = row.weights().get(0).shape();
    if (input.rank() != 3 || w.isEmpty() || kernel == null || kernel.rank() != 2) {
      return null;
    }
    Long steps = input.dim(1);
    Long features = input.dim(2);
    if (steps == null
        || !steps.equals(w.get(0))
        || steps.equals(features)
        || !java.util.Objects.equals(kernel.dim(0), features)) {
      return null;
    }
    String backend =
        report.framework() == null || report.framework().backend() == null
            ? ""
            : " (the file was written with the " + report.framework().backend() + " backend)";
    return new Explanation(
        ExplanationKind.TIMESTEPS_AS_FEATURES,
        "DL4J takes the "
            + steps
            + " time steps of the input "
            + input
            + " for the input size, where each step has "
            + features
            + (features == 1 ? " feature" : " features")
            + backend
            + ": "
            + tables);
  }

  /**
   * The first layer, in graph order among this row and its ancestors, whose DL4J activation type
   * does not fit Keras' output shape; null when none does.
   */
  private LayerReport origin(LayerReport row) {
    Set<String> ancestors = new java.util.HashSet<>();
    List<String> todo = new ArrayList<>(List.of(row.name()));
    while (!todo.isEmpty()) {
      String name = todo.remove(todo.size() - 1);
      LayerReport r = rows.get(name);
      if (r != null && ancestors.add(name)) {
        todo.addAll(r.inbound());
      }
    }
    for (LayerReport r : rows.values()) {
      if (ancestors.contains(r.name()) && differs(r)) {
        return r;
      }
    }
    return null;
  }

  private boolean differs(LayerReport row) {
    return differs.computeIfAbsent(
        row.name(),
        n -> {
          Dl4jAnswer.Layer layer = dl4j.layer(n);
          if (layer == null
              || layer.outputShape() == null
              || row.outputShapes() == null
              || row.outputShapes().size() != 1
              || row.outputShapes().get(0) == null) {
            return false;
          }
          List<Long> keras = row.outputShapes().get(0).dims();
          List<Long> theirs = layer.outputShape();
          if (keras.size() != theirs.size() + 1) {
            return false; // another kind of activation (DL4J flattens where Keras keeps axes): not
            // comparable
          }
          for (int i = 0; i < theirs.size(); i++) {
            Long a = keras.get(i + 1);
            Long b = theirs.get(i);
            if (a != null && b != null && !a.equals(b)) {
              return true;
            }
          }
          return false;
        });
  }

  /** DL4J's activation holds Keras' dimensions in another order. */
  private static boolean permuted(LayerReport row, Dl4jAnswer.Layer layer) {
    List<Long> keras =
        new ArrayList<>(
            row.outputShapes().get(0).dims().subList(1, row.outputShapes().get(0).rank()));
    List<Long> theirs = new ArrayList<>(layer.outputShape());
    if (keras.contains(null) || theirs.contains(null) || keras.equals(theirs)) {
      return false;
    }
    keras.sort(null);
    theirs.sort(null);
    return keras.equals(theirs);
  }

  /**
   * The Reshape just before a layer (DL4J turns a Keras Reshape into a preprocessor without an
   * activation type).
   */
  private LayerReport reshapeBefore(LayerReport origin) {
    if (origin.className().equals("Reshape")) {
      return origin;
    }
    for (String in : origin.inbound()) {
      LayerReport r = rows.get(in);
      if (r != null && r.className().equals("Reshape") && dl4j.layer(r.name()) == null) {
        return r;
      }
    }
    return null;
  }

  static String table(Map<String, List<Long>> table) {
    return table.entrySet().stream()
        .map(e -> e.getKey() + " " + e.getValue())
        .collect(Collectors.joining(", ", "(", ")"));
  }

  private static String ours(LayerReport row) {
    return row.weights().stream()
        .filter(w -> w.shape() != null || w.storedShape() != null)
        .map(
            w ->
                (w.storedName() != null
                        ? w.storedName().replaceAll(".*/", "").replaceAll(":0$", "")
                        : w.name())
                    + " "
                    + (w.storedShape() != null ? w.storedShape() : w.shape()))
        .collect(Collectors.joining(", ", "(", ")"));
  }

  private static String shapes(List<Shape> shapes) {
    return shapes == null
        ? "?"
        : shapes.stream().map(String::valueOf).collect(Collectors.joining(", "));
  }
}
