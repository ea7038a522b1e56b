package io.modelaudit.docs;

import io.modelaudit.compare.ExplanationKind;
import io.modelaudit.compare.Rule;
import io.modelaudit.formats.dl4j.Dl4jLayerBindings;
import io.modelaudit.formats.dl4j.Dl4jLayerTraits;
import io.modelaudit.formats.dl4j.Dl4jPreprocessors;
import io.modelaudit.formats.dl4j.Dl4jVertexBindings;
import io.modelaudit.formats.keras.KerasLayerBindings;
import io.modelaudit.ir.LayerKind;
import java.util.List;
import java.util.Map;

/**
 * The Markdown files of docs/generated/, rendered from the registries and catalogues themselves. A
 * further file is one more method returning a {@link Doc}, listed in {@link #all()}.
 */
final class GeneratedDocs {
  static final String REWRITE = "mvn test -Dtest=GeneratedDocsTest -Ddocs.write=true";

  /**
   * One generated file.
   *
   * @param file its name in docs/generated/
   * @param source what it is generated from (named in its first line)
   */
  record Doc(String file, String title, String source, String body) {
    String text() {
      return "<!-- Generated from "
          + source
          + " by GeneratedDocsTest: do not edit. Rewrite with `"
          + REWRITE
          + "`. -->\n\n"
          + "# "
          + title
          + "\n\n"
          + body;
    }
  }

  private GeneratedDocs() {}

  static List<Doc> all() {
    return List.of(kerasLayers(), dl4jLayers(), rules(), explanations());
  }

  static Doc kerasLayers() {
    MarkdownTable table = new MarkdownTable("Keras class", "Rule (layer kind)");
    KerasLayerBindings.kinds()
        .forEach(
            (name, kind) ->
                table.row(
                    "`" + name + "`",
                    kind == LayerKind.class
                        ? "by the configuration (`mode`)"
                        : "`" + kind.getSimpleName() + "`"));
    return new Doc(
        "keras-layers.md",
        "Keras layer classes",
        "KerasLayerBindings",
        "Every Keras class name (Keras 1, 2, tf.keras and 3 spellings) with a rule, and the layer kind it binds to."
            + " Input layers, nested models and TensorFlow operation layers are read by the graph builder itself;"
            + " any other class is reported as unsupported.\n\n"
            + table.render());
  }

  static Doc dl4jLayers() {
    MarkdownTable layers =
        new MarkdownTable(
            "DL4J layer class",
            "Rule (layer kind)",
            "Input rank",
            "nIn field",
            "Wrapped field",
            "Network input it implies",
            "Legacy name");
    Dl4jLayerBindings.entries()
        .forEach(
            (name, e) ->
                layers.row(
                    "`" + name + "`",
                    e.kind() == LayerKind.class
                        ? "the wrapped layer's"
                        : "`" + e.kind().getSimpleName() + "`",
                    rank(e.traits()),
                    e.traits().nInField() == null
                        ? "the wrapped layer's"
                        : "`" + e.traits().nInField() + "`",
                    e.traits().wrappedField() == null ? "" : "`" + e.traits().wrappedField() + "`",
                    e.traits().networkInput() == null
                        ? "by input rank and nIn"
                        : "`" + e.traits().networkInput() + "`",
                    legacy(name, Dl4jLayerBindings.legacyNames())));
    MarkdownTable vertices = new MarkdownTable("DL4J vertex class", "Rule (layer kind)", "Notes");
    Dl4jVertexBindings.entries()
        .forEach(
            (name, e) ->
                vertices.row(
                    "`" + name + "`",
                    e.kind() == null ? "the held layer's" : "`" + e.kind().getSimpleName() + "`",
                    e.layerField() != null
                        ? "holds a layer configuration in `" + e.layerField() + "`"
                        : e.networkInputField() != null
                            ? "also reads the network input named by `"
                                + e.networkInputField()
                                + "`"
                            : ""));
    MarkdownTable preprocessors =
        new MarkdownTable("DL4J preprocessor class", "Network input it implies", "Legacy name");
    for (Map.Entry<String, Dl4jPreprocessors.Entry> e : Dl4jPreprocessors.entries().entrySet()) {
      String legacyName = e.getValue().legacyName();
      preprocessors.row(
          "`" + e.getKey() + "`",
          e.getValue().impliedInput().description(),
          legacyName == null ? "" : "`" + legacyName + "`");
    }
    return new Doc(
        "dl4j-layers.md",
        "Deeplearning4j layers, vertices and preprocessors",
        "Dl4jLayerBindings, Dl4jVertexBindings and Dl4jPreprocessors",
        "Simple class names. A legacy name is the key that names the class in 0.5 – 1.0.0-alpha files. The input rank, the nIn field"
            + " and the implied network input give the shape of a network input whose type the file does not record.\n\n"
            + "## Layers\n\n"
            + layers.render()
            + "\n## Vertices\n\n"
            + vertices.render()
            + "\n## Input preprocessors\n\nEach binds to `Dl4jPreprocessorKind`.\n\n"
            + preprocessors.render());
  }

  /** The legacy keys that stand for the class name, sorted. */
  private static String legacy(String name, Map<String, String> legacyNames) {
    return legacyNames.entrySet().stream()
        .filter(e -> e.getValue().equals(name))
        .map(e -> "`" + e.getKey() + "`")
        .sorted()
        .reduce((x, y) -> x + ", " + y)
        .orElse("");
  }

  private static String rank(Dl4jLayerTraits t) {
    switch (t.inputRank()) {
      case Dl4jLayerBindings.FF:
        return "2 (feed-forward)";
      case Dl4jLayerBindings.RNN:
        return "3 (recurrent)";
      case Dl4jLayerBindings.CNN:
        return "4 (convolutional)";
      case Dl4jLayerBindings.CNN3D:
        return "5 (3D convolutional)";
      default:
        return t.wrappedField() != null
            ? "the wrapped layer's"
            : t.changesRank() ? "any (changes it)" : "any";
    }
  }

  static Doc rules() {
    MarkdownTable table = new MarkdownTable("Rule", "Default severity", "Description");
    for (Rule r : Rule.values()) {
      table.row("`" + r.name() + "`", r.severity().id(), r.description());
    }
    return new Doc(
        "rules.md",
        "Finding rules",
        "io.modelaudit.compare.Rule",
        "Every rule a finding can name, in the order of the enum.\n\n" + table.render());
  }

  static Doc explanations() {
    MarkdownTable table = new MarkdownTable("Kind", "Expected", "Severity", "When");
    for (ExplanationKind k : ExplanationKind.values()) {
      table.row(
          "`" + k.id() + "`",
          k.expected() ? "yes" : "no",
          k.severity() == null ? "no finding" : k.severity().id(),
          k.description());
    }
    return new Doc(
        "explanations.md",
        "Explanation kinds",
        "io.modelaudit.compare.ExplanationKind",
        "Why a reference's numbers differ from ours, in the order of the enum. Expected: the reference's documented"
            + " convention or limitation (yes), or the reference reading the model wrongly (no). Severity: what a finding"
            + " explained by the kind weighs; \"no finding\" kinds explain a layer whose count agrees but is booked another"
            + " way (layer JSON only).\n\n"
            + table.render());
  }
}
