package io.modelaudit.dl4j;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/** Chooses how DL4J reads a file, by its first bytes, and turns every DL4J failure into a result. */
final class Dl4jInspector {
  private static final byte[] HDF5 = {(byte) 0x89, 'H', 'D', 'F', '\r', '\n', 0x1a, '\n'};
  private static final byte[] ZIP = {'P', 'K', 3, 4};

  private Dl4jInspector() {}

  /** @param architecture the architecture JSON of a weights-only Keras file, or null */
  static ReferenceResult inspect(Path file, Path architecture) {
    String format = null;
    try {
      byte[] head = head(file);
      if (startsWith(head, HDF5)) {
        format = ReferenceResult.KERAS_H5;
        return KerasReference.inspect(file, architecture);
      }
      if (startsWith(head, ZIP)) {
        format = ReferenceResult.DL4J_ZIP;
        return Dl4jModelReference.inspect(file, format, Dl4jArchive.configuration(file));
      }
      if (head.length > 0 && firstNonBlank(head) == '{') {
        format = ReferenceResult.DL4J_JSON;
        return Dl4jModelReference.inspect(file, format, Dl4jArchive.configurationFile(file));
      }
      return ReferenceResult.error(file, null, "not_a_model", "neither HDF5, zip nor JSON");
    } catch (Dl4jArchive.ArchiveException e) {
      return ReferenceResult.error(file, format, "unreadable", e.getMessage());
    } catch (IOException e) {
      return ReferenceResult.error(file, format, "unreadable", "cannot read the file: " + e.getMessage());
    } catch (RuntimeException | StackOverflowError e) {
      // DL4J's own failure (its message is the finding); also what it throws outside its own exception types.
      return ReferenceResult.failed(file, format, null, e);
    }
  }

  private static byte[] head(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return in.readNBytes(64);
    }
  }

  private static boolean startsWith(byte[] data, byte[] prefix) {
    return data.length >= prefix.length && Arrays.equals(data, 0, prefix.length, prefix, 0, prefix.length);
  }

  private static int firstNonBlank(byte[] data) {
    for (byte b : data) {
      if (!Character.isWhitespace(b)) {
        return b;
      }
    }
    return -1;
  }
}
