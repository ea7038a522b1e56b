package io.modelaudit.audit;

import io.modelaudit.detect.FormatDetector;
import io.modelaudit.detect.ModelFormat;
import io.modelaudit.formats.ImportOptions;
import io.modelaudit.formats.ImportedModel;
import io.modelaudit.formats.ModelFileException;
import io.modelaudit.formats.ModelImporter;
import io.modelaudit.formats.ZipArchive;
import io.modelaudit.formats.dl4j.Dl4jImporter;
import io.modelaudit.formats.keras.KerasArchiveImporter;
import io.modelaudit.formats.keras.KerasH5Importer;
import io.modelaudit.formats.keras.KerasJsonImporter;
import io.modelaudit.formats.keras.TfjsLayersImporter;
import java.io.IOException;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;

/** Which importer reads each detected format, one line each; every other format is not a model. */
final class Importers {
  private static final Map<ModelFormat, ModelImporter> IMPORTERS = new EnumMap<>(ModelFormat.class);

  static {
    IMPORTERS.put(
        ModelFormat.HDF5,
        (file, options) ->
            KerasH5Importer.importFile(file, options.architecture(), options.findArchitecture()));
    IMPORTERS.put(ModelFormat.KERAS_V3, (file, options) -> KerasArchiveImporter.importFile(file));
    IMPORTERS.put(ModelFormat.KERAS_JSON, (file, options) -> KerasJsonImporter.importFile(file));
    IMPORTERS.put(ModelFormat.TFJS_LAYERS, (file, options) -> TfjsLayersImporter.importFile(file));
    IMPORTERS.put(ModelFormat.DL4J_ZIP, (file, options) -> Dl4jImporter.importArchive(file));
    IMPORTERS.put(ModelFormat.DL4J_JSON, (file, options) -> Dl4jImporter.importJson(file));
  }

  private static final String LFS_MESSAGE =
      "a Git LFS pointer, not the model itself: the model is in Git LFS storage;"
          + " run 'git lfs pull' (in CI: check out with LFS, e.g. actions/checkout with lfs: true)";

  private Importers() {}

  /** Imports a file of a detected format, or says why it is not a model. */
  static ImportedModel importFile(Path file, ModelFormat format, ImportOptions options)
      throws IOException {
    ModelImporter importer = IMPORTERS.get(format);
    if (importer != null) {
      return importer.importFile(file, options);
    }
    switch (format) {
      case ND4J_ARRAY:
        throw new ModelFileException(
            "not_a_model",
            "an ND4J array (" + FormatDetector.describeArray(file) + "), not a model");
      case ZIP:
        ZipArchive.open(file).close(); // a damaged archive is reported as such
        throw new ModelFileException(
            "not_a_model",
            "zip archive that is neither a Keras 3 .keras archive nor a Deeplearning4j model");
      case JSON:
        throw new ModelFileException(
            "not_a_model",
            "JSON that is neither a Keras architecture, a TF.js model nor a Deeplearning4j configuration");
      case AMBIGUOUS:
        throw new ModelFileException(
            "ambiguous",
            "the file is both an HDF5 file and a zip archive: Keras reads one or the other"
                + " depending on its name (.h5 or .keras), so no audit could speak for both");
      case LFS_POINTER:
        throw new ModelFileException("lfs_pointer", LFS_MESSAGE);
      case EMPTY:
        throw new ModelFileException("not_a_model", "empty file: not a model file");
      default:
        throw new ModelFileException(
            "not_a_model", "not a model file (neither HDF5, zip nor JSON)");
    }
  }
}
