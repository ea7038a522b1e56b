package io.modelaudit.detect;

import io.modelaudit.formats.ModelFileException;
import io.modelaudit.formats.dl4j.NdArrayHeader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Recognises arrays written by ND4J's {@code Nd4j.write} (DL4J's regression inputs and outputs,
 * often named {@code .bin} like models): a file that starts with an ND4J array header.
 */
final class Dl4jSniffer {
  private Dl4jSniffer() {}

  static ModelFormat refine(Path file, ModelFormat format) {
    return format == ModelFormat.UNKNOWN && isNd4jArray(file) ? ModelFormat.ND4J_ARRAY : format;
  }

  /** The header of the ND4J array at {@code file}. */
  static NdArrayHeader arrayHeader(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return NdArrayHeader.read(
          new java.io.ByteArrayInputStream(in.readNBytes(4096)), file.getFileName().toString());
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
