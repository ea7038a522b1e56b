package io.modelaudit.formats.keras;

import com.fasterxml.jackson.databind.JsonNode;
import io.jhdf.HdfFile;
import io.modelaudit.formats.BoundedJson;
import io.modelaudit.formats.ImportedModel;
import io.modelaudit.formats.ModelFileException;
import io.modelaudit.formats.StoredWeights;
import io.modelaudit.formats.ZipArchive;
import io.modelaudit.ir.ModelGraph;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Imports a Keras 3 {@code .keras} archive: {@code config.json}, {@code metadata.json} and the
 * weights in {@code model.weights.h5} (or {@code model.weights.npz}, whose pickles are read as
 * data). Nothing in the archive is executed or unpickled.
 */
public final class KerasArchiveImporter {
  public static final String FORMAT = "keras-v3";
  static final String CONFIG = "config.json";
  static final String METADATA = "metadata.json";
  static final String WEIGHTS_H5 = "model.weights.h5";
  static final String WEIGHTS_NPZ = "model.weights.npz";
  private static final long MAX_METADATA_BYTES = 1 << 20;

  /**
   * config.json may inflate to at most this: the largest real configurations are a few MB, and a
   * compressed entry can claim any size (a zip bomb), so this bounds the memory one archive costs.
   */
  static final long MAX_CONFIG_BYTES = 64L << 20;

  /**
   * The weights file is mapped, not read; this bounds only what a compressed entry may inflate to.
   */
  private static final long MAX_WEIGHTS_BYTES = 16L << 30;

  private KerasArchiveImporter() {}

  public static ImportedModel importFile(Path file) {
    List<Path> tempFiles = new ArrayList<>();
    try (ZipArchive zip = ZipArchive.open(file)) {
      JsonNode config = BoundedJson.parseObject(text(zip, CONFIG, MAX_CONFIG_BYTES), CONFIG);
      String version = null;
      if (zip.has(METADATA)) {
        version =
            KerasModelSpec.kerasVersion(
                BoundedJson.parseObject(text(zip, METADATA, MAX_METADATA_BYTES), METADATA));
      }
      ModelGraph graph =
          KerasModelSpec.graph(KerasModelSpec.unwrap(config, CONFIG), version, CONFIG);
      StoredWeights stored = null;
      if (zip.has(WEIGHTS_H5)) {
        stored = readH5Weights(zip, graph, tempFiles);
      } else if (zip.has(WEIGHTS_NPZ)) {
        stored = readNpzWeights(zip, graph, tempFiles);
      }
      return new ImportedModel(FORMAT, "keras", version, null, graph, stored);
    } finally {
      for (Path t : tempFiles) {
        try {
          Files.deleteIfExists(t);
        } catch (IOException ignored) {
          // a leftover temporary file is harmless
        }
      }
    }
  }

  private static StoredWeights readH5Weights(
      ZipArchive zip, ModelGraph graph, List<Path> tempFiles) {
    ArchiveWeightTree tree;
    // jHDF reports damage with a variety of runtime exceptions: only reading the file is guarded
    // so broadly; matching the datasets to layers is ours, and a bug there is not the file's.
    try (HdfFile hdf =
        HdfFile.fromByteBuffer(zip.mapped(WEIGHTS_H5, MAX_WEIGHTS_BYTES, tempFiles))) {
      tree = KerasArchiveWeights.tree(hdf);
    } catch (ModelFileException e) {
      throw e;
    } catch (RuntimeException | StackOverflowError e) {
      throw new ModelFileException(
          "corrupt",
          "truncated or corrupt " + WEIGHTS_H5 + " in the archive (" + e.getMessage() + ")",
          e);
    }
    return KerasArchiveWeights.match(tree, graph);
  }

  private static StoredWeights readNpzWeights(
      ZipArchive zip, ModelGraph graph, List<Path> tempFiles) {
    try (ZipArchive npz =
        ZipArchive.open(zip.mapped(WEIGHTS_NPZ, MAX_WEIGHTS_BYTES, tempFiles), WEIGHTS_NPZ)) {
      return KerasArchiveWeights.match(KerasArchiveNpzWeights.tree(npz), graph);
    }
  }

  private static String text(ZipArchive zip, String name, long max) {
    return BoundedJson.decode(zip.read(name, max));
  }
}
