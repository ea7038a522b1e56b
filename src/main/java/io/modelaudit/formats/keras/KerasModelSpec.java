package io.modelaudit.formats.keras;

import com.fasterxml.jackson.databind.JsonNode;
import io.modelaudit.formats.BoundedJson;
import io.modelaudit.formats.ModelFileException;
import io.modelaudit.ir.InvalidConfigException;
import io.modelaudit.ir.ModelGraph;

/**
 * The model configuration every Keras file form carries ({@code {"class_name", "config"}}), however
 * it is wrapped, turned into a graph.
 */
final class KerasModelSpec {
  private KerasModelSpec() {}

  /**
   * The model configuration inside a document: the document itself, or what it holds under {@code
   * model_config} (HDF5 attribute layout, some TF.js topologies), itself possibly a string.
   */
  static JsonNode unwrap(JsonNode document, String what) {
    JsonNode node = document;
    for (int i = 0;
        i < 3
            && node != null
            && node.isObject()
            && !node.has("class_name")
            && node.has("model_config");
        i++) {
      JsonNode inner = node.get("model_config");
      node = inner.isTextual() ? BoundedJson.parseObject(inner.asText(), what) : inner;
    }
    return node;
  }

  /** The Keras version the document records ({@code keras_version} beside the config), or null. */
  static String kerasVersion(JsonNode document) {
    JsonNode v = document == null ? null : document.get("keras_version");
    return v != null && v.isTextual() ? v.asText() : null;
  }

  static String backend(JsonNode document) {
    JsonNode v = document == null ? null : document.get("backend");
    return v != null && v.isTextual() ? v.asText() : null;
  }

  /** The graph of a model configuration; a configuration that is not a model is an error. */
  static ModelGraph graph(JsonNode spec, String kerasVersion, String what) {
    if (KerasGraphBuilder.isSubclassedModelSpec(spec)) {
      return KerasGraphBuilder.subclassedModel(spec);
    }
    if (!KerasGraphBuilder.isModelSpec(spec)) {
      throw new ModelFileException(
          "not_a_model",
          what
              + " is not a Keras Sequential or functional model"
              + (spec != null && spec.has("class_name")
                  ? " (class " + spec.get("class_name").asText() + ")"
                  : ""));
    }
    try {
      return KerasGraphBuilder.build(spec, KerasH5Importer.majorVersion(kerasVersion));
    } catch (KerasConfigException | InvalidConfigException e) {
      throw new ModelFileException("corrupt", "unreadable " + what + ": " + e.getMessage(), e);
    }
  }
}
