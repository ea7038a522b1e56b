package io.modelaudit.formats.keras;

import com.fasterxml.jackson.databind.JsonNode;
import io.modelaudit.formats.ArchitectureException;
import io.modelaudit.formats.BoundedJson;
import io.modelaudit.formats.ImportedModel;
import io.modelaudit.formats.ModelFileException;
import io.modelaudit.ir.ModelGraph;
import java.nio.file.Path;
import java.util.function.UnaryOperator;

/**
 * Imports a Keras model saved as HDF5 (Keras 1.x, 2.x, tf.keras, Keras 3 legacy save), or a
 * weights-only HDF5 file (Keras 1/2 {@code save_weights}, or Keras 3's {@code .weights.h5})
 * together with its architecture JSON.
 */
public final class KerasH5Importer {
  public static final String FORMAT = "keras-h5";

  private KerasH5Importer() {}

  /**
   * @param given the architecture JSON to use for a weights-only file ({@code --config}), or null
   *     to look for it beside the file with {@code findArchitecture}
   */
  public static ImportedModel importFile(
      Path file, Path given, UnaryOperator<Path> findArchitecture) {
    KerasH5Reader.Contents contents = KerasH5Reader.read(file);
    if (contents.modelConfig() == null) {
      if (!contents.hasWeights()) {
        throw new ModelFileException(
            "not_a_model", "HDF5 file without a Keras model_config attribute");
      }
      Path architecture = given != null ? given : findArchitecture.apply(file);
      if (architecture == null) {
        throw new ModelFileException(
            "weights_only",
            "weights-only Keras HDF5 file (no model_config attribute): give its architecture with --config ARCH.json");
      }
      try {
        KerasJsonImporter.Architecture arch = KerasJsonImporter.readArchitecture(architecture);
        String version =
            contents.kerasVersion() != null ? contents.kerasVersion() : arch.kerasVersion();
        ModelGraph graph =
            KerasModelSpec.graph(arch.spec(), version, architecture.getFileName() + "");
        return new ImportedModel(
            FORMAT,
            "keras",
            version,
            contents.backend() != null ? contents.backend() : arch.backend(),
            graph,
            contents.archiveTree() != null
                ? KerasArchiveWeights.match(contents.archiveTree(), graph)
                : contents.stored(),
            architecture.toString());
      } catch (ModelFileException e) {
        throw new ArchitectureException(architecture, e);
      }
    }
    JsonNode spec =
        KerasModelSpec.unwrap(
            BoundedJson.parseObject(contents.modelConfig(), "model_config"), "model_config");
    return new ImportedModel(
        FORMAT,
        "keras",
        contents.kerasVersion(),
        contents.backend(),
        KerasModelSpec.graph(spec, contents.kerasVersion(), "model_config"),
        contents.hasWeights() ? contents.stored() : null);
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
}
