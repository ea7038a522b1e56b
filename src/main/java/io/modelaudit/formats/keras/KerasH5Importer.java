package io.modelaudit.formats.keras;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.modelaudit.formats.ModelFileException;
import io.modelaudit.formats.ImportedModel;
import java.nio.file.Path;

/** Imports a full Keras model saved as HDF5 (Keras 1.x, 2.x, tf.keras, Keras 3 legacy save). */
public final class KerasH5Importer {
  public static final String FORMAT = "keras-h5";
  /** Bounds for untrusted configurations; real ones are far below them. */
  private static final ObjectMapper JSON = new ObjectMapper(JsonFactory.builder()
      .streamReadConstraints(StreamReadConstraints.builder()
          .maxNestingDepth(1000)
          .maxDocumentLength(256L << 20)
          .maxStringLength(64 << 20)
          .maxNumberLength(100)
          .build())
      .build());

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
          KerasGraphBuilder.build(spec, majorVersion(contents.kerasVersion())), contents.hasWeights() ? contents.stored() : null);
    } catch (KerasConfigException | IllegalArgumentException e) {
      throw new ModelFileException("corrupt", "unreadable model_config: " + e.getMessage(), e);
    }
  }

  /** 2 for "2.2.4-tf", 0 when unknown. */
  static int majorVersion(String version) {
    if (version == null) {
      return 0;
    }
    int end = 0;
    while (end < version.length() && Character.isDigit(version.charAt(end))) {
      end++;
    }
    return end == 0 || end > 3 ? 0 : Integer.parseInt(version.substring(0, end));
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
