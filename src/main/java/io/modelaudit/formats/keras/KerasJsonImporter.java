package io.modelaudit.formats.keras;

import com.fasterxml.jackson.databind.JsonNode;
import io.modelaudit.formats.BoundedJson;
import io.modelaudit.formats.ImportedModel;
import io.modelaudit.formats.ModelFileException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Imports a Keras architecture JSON file ({@code model.to_json()}, also double-encoded as a JSON
 * string). Nothing is stored in it, so every count is computed but none is verified.
 */
public final class KerasJsonImporter {
  public static final String FORMAT = "keras-json";

  /** A parsed architecture: the model configuration and what the document says about its writer. */
  record Architecture(JsonNode spec, String kerasVersion, String backend) {}

  private KerasJsonImporter() {}

  public static ImportedModel importFile(Path file) {
    Architecture arch = readArchitecture(file);
    return new ImportedModel(
        FORMAT,
        "keras",
        arch.kerasVersion(),
        arch.backend(),
        KerasModelSpec.graph(arch.spec(), arch.kerasVersion(), "architecture JSON"),
        null);
  }

  static Architecture readArchitecture(Path file) {
    JsonNode document = readDocument(file, "architecture JSON " + file.getFileName());
    if (document.has("modelTopology") || document.has("weightsManifest")) {
      throw new ModelFileException(
          "not_a_model",
          file.getFileName() + " is a TF.js model.json, not a Keras architecture JSON");
    }
    if (document.has("confs") || document.has("vertices")) {
      throw new ModelFileException(
          "not_a_model",
          file.getFileName() + " is a Deeplearning4j configuration, not a Keras architecture JSON");
    }
    JsonNode spec = KerasModelSpec.unwrap(document, "model_config");
    return new Architecture(
        spec, KerasModelSpec.kerasVersion(document), KerasModelSpec.backend(document));
  }

  /** A whole JSON file, refused beyond {@link BoundedJson#MAX_DOCUMENT_BYTES}. */
  static JsonNode readDocument(Path file, String what) {
    try {
      if (Files.size(file) > BoundedJson.MAX_DOCUMENT_BYTES) {
        throw new ModelFileException(
            "too_large",
            what + " is larger than " + (BoundedJson.MAX_DOCUMENT_BYTES >> 20) + " MB");
      }
      try (InputStream in = Files.newInputStream(file)) {
        return BoundedJson.parseObject(in, what);
      }
    } catch (IOException e) {
      throw new ModelFileException("unreadable", "cannot read " + what + ": " + e.getMessage(), e);
    }
  }
}
