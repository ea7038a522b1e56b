package io.modelaudit.cli;

import io.modelaudit.detect.ModelFormat;
import io.modelaudit.formats.keras.KerasH5Marks;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;

/**
 * Which files a folder scan skips as clearly not models: files in a container that models use
 * (HDF5, zip, ND4J arrays, Git LFS pointers) whose content shows they are something else. They are
 * counted in the summary and listed under {@code --verbose}; named on the command line they are
 * audited, and reported as not models. Text, JSON that is no model configuration, and other files
 * are not candidates at all: a scan passes them over without a word, as it always has.
 */
final class NotModels {
  /**
   * A pointer with one of these extensions stands for a model that is not there: a scan reports it
   * (exit 3) instead of skipping it, so that a checkout without {@code git lfs pull} cannot pass
   * for a clean audit. Its content is unknown, so its name is all there is to go by.
   */
  private static final Set<String> MODEL_EXTENSIONS =
      Set.of("h5", "hdf5", "keras", "json", "zip", "bin", "model", "dl4j");

  private NotModels() {}

  /** Why a scan skips the file, or null when it does not. */
  static String whySkipped(Path file, ModelFormat format) {
    return switch (format) {
      case HDF5 ->
          KerasH5Marks.clearlyNotKeras(file)
              ? "an HDF5 file without any Keras attribute or group (a data file)"
              : null;
      case ZIP ->
          "a zip archive that is neither a Keras 3 .keras archive nor a Deeplearning4j model";
      case ND4J_ARRAY -> "an ND4J array, not a model";
      case LFS_POINTER ->
          namedLikeModel(file)
              ? null
              : "a Git LFS pointer to a file not named like a model (run 'git lfs pull' to audit it)";
      default -> null;
    };
  }

  private static boolean namedLikeModel(Path file) {
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    int dot = name.lastIndexOf('.');
    return dot >= 0 && MODEL_EXTENSIONS.contains(name.substring(dot + 1));
  }
}
