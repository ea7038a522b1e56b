package io.modelaudit.detect;

import io.modelaudit.formats.ModelFileException;
import io.modelaudit.formats.dl4j.Dl4jArchive;
import io.modelaudit.formats.dl4j.Dl4jImporter;
import io.modelaudit.formats.dl4j.NdArrayHeader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Tells Deeplearning4j files apart by content: a zip with {@code configuration.json} is a
 * ModelSerializer archive, a JSON object with {@code confs} or {@code vertices} a network
 * configuration, and a file that starts with an ND4J array header an array (not a model).
 */
final class Dl4jSniffer {
  private Dl4jSniffer() {}

  static ModelFormat refine(Path file, ModelFormat format) {
    switch (format) {
      case ZIP:
        return Dl4jArchive.isDl4jArchive(file) ? ModelFormat.DL4J_ZIP : format;
      case JSON:
        return Dl4jImporter.isDl4jJson(file) ? ModelFormat.DL4J_JSON : format;
      case UNKNOWN:
        return isNd4jArray(file) ? ModelFormat.ND4J_ARRAY : format;
      default:
        return format;
    }
  }

  /** The header of the ND4J array at {@code file}. */
  static NdArrayHeader arrayHeader(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return NdArrayHeader.read(new java.io.ByteArrayInputStream(in.readNBytes(4096)), file.getFileName().toString());
    }
  }

  private static boolean isNd4jArray(Path file) {
    try {
      arrayHeader(file);
      return true;
    } catch (IOException | ModelFileException e) {
      return false;
    }
  }
}
