package io.modelaudit.formats.keras;

import io.jhdf.HdfFile;
import java.nio.file.Path;
import java.util.Set;

/**
 * Tells an HDF5 file that no version of Keras wrote (a data file written with h5py, inputs and
 * outputs saved beside a model) from one that Keras may have written, by names alone: the root's
 * attribute names and the names of its children. Nothing is followed and no value is read.
 */
public final class KerasH5Marks {
  /** Root attributes Keras writes: full models, Keras 1/2 {@code save_weights}. */
  private static final Set<String> ATTRIBUTES =
      Set.of("model_config", "keras_version", "backend", "layer_names", "training_config");

  /** Root children Keras writes: full models, Keras 3 and tf.keras 2.13+ weights files. */
  private static final Set<String> CHILDREN =
      Set.of(
          "model_weights",
          "optimizer_weights",
          ArchiveWeightTree.LAYER_CONTAINERS.get(0),
          ArchiveWeightTree.LAYER_CONTAINERS.get(1));

  private KerasH5Marks() {}

  /**
   * Whether the file is an HDF5 file without any mark of Keras. False when it cannot be read: a
   * damaged file is reported by the audit, not left out.
   */
  public static boolean clearlyNotKeras(Path file) {
    try (HdfFile hdf = H5Files.open(file)) {
      return hdf.getAttributes().keySet().stream().noneMatch(ATTRIBUTES::contains)
          && hdf.getChildren().keySet().stream().noneMatch(CHILDREN::contains);
    } catch (RuntimeException | StackOverflowError e) {
      return false;
    }
  }
}
