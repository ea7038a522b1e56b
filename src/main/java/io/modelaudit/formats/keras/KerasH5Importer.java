package io.modelaudit.formats.keras;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.modelaudit.formats.ModelFileException;
import io.modelaudit.formats.ImportedModel;
import java.nio.file.Path;

/** Imports a full Keras model saved as HDF5 (Keras 1.x, 2.x, tf.keras, Keras 3 legacy save). */
public final class KerasH5Importer {
  public static final String FORMAT = "keras-h5";
  private static final ObjectMapper JSON = new ObjectMapper();

  private KerasH5Importer() {}

  public static ImportedModel importFile(Path file) {
    KerasH5Reader.Contents contents = KerasH5Reader.read(file);
    if (contents.modelConfig() == null) {
      if (contents.hasWeights()) {
        throw new ModelFileException("weights_only",
            "weights-only Keras HDF5 file (no model_config attribute): it holds weights but no architecture");
      }
      throw new ModelFileException("not_a_model", "HDF5 file without a Keras model_config attribute");
    }
    JsonNode spec = parseConfig(contents.modelConfig());
    if (!KerasGraphBuilder.isModelSpec(spec)) {
      throw new ModelFileException("not_a_model", "model_config is not a Keras Sequential or functional model"
          + (spec.has("class_name") ? " (class " + spec.get("class_name").asText() + ")" : ""));
    }
    try {
      return new ImportedModel(FORMAT, "keras", contents.kerasVersion(), contents.backend(),
          KerasGraphBuilder.build(spec), contents.stored());
    } catch (KerasConfigException e) {
      throw new ModelFileException("corrupt", "unreadable model_config: " + e.getMessage(), e);
    }
  }

  /** Parses a configuration, unwrapping a JSON document that was encoded twice as a string. */
  static JsonNode parseConfig(String text) {
    try {
      JsonNode node = JSON.readTree(text);
      for (int i = 0; i < 2 && node != null && node.isTextual(); i++) {
        node = JSON.readTree(node.asText());
      }
      if (node == null || !node.isObject()) {
        throw new ModelFileException("corrupt", "model_config is not a JSON object");
      }
      return node;
    } catch (JsonProcessingException e) {
      throw new ModelFileException("corrupt", "model_config is not valid JSON: " + e.getOriginalMessage(), e);
    }
  }
}
