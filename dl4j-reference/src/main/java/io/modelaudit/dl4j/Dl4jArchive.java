package io.modelaudit.dl4j;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Reads the configuration of a DL4J model, and nothing else. ModelSerializer is never given the
 * archive: it Java-deserializes {@code preprocessor.bin}, {@code normalizer.bin} and
 * {@code objects/*}, so a hostile archive would run code. The network is rebuilt from
 * {@code configuration.json} alone; DL4J's parameter counts depend on the configuration only.
 */
final class Dl4jArchive {
  static final String CONFIGURATION = "configuration.json";
  /** Far above any real configuration (ResNet-50's is under 1 MB). */
  static final int MAX_CONFIGURATION_BYTES = 64 << 20;

  private Dl4jArchive() {}

  /** A file DL4J cannot be asked about: not a DL4J archive, or a configuration too large. */
  static final class ArchiveException extends IOException {
    ArchiveException(String message) {
      super(message);
    }
  }

  static String configuration(Path zip) throws IOException {
    try (ZipFile archive = new ZipFile(zip.toFile())) {
      ZipEntry entry = archive.getEntry(CONFIGURATION);
      if (entry == null) {
        throw new ArchiveException("zip archive without " + CONFIGURATION + ": not a DL4J model");
      }
      try (InputStream in = archive.getInputStream(entry)) {
        return readBounded(in);
      }
    }
  }

  static String configurationFile(Path json) throws IOException {
    try (InputStream in = Files.newInputStream(json)) {
      return readBounded(in);
    }
  }

  private static String readBounded(InputStream in) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buffer = new byte[1 << 16];
    for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
      if (out.size() + n > MAX_CONFIGURATION_BYTES) {
        throw new ArchiveException(CONFIGURATION + " is larger than " + (MAX_CONFIGURATION_BYTES >> 20) + " MiB");
      }
      out.write(buffer, 0, n);
    }
    return out.toString(StandardCharsets.UTF_8);
  }
}
