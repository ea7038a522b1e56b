package io.modelaudit.formats.dl4j;

import io.modelaudit.formats.BoundedJson;
import io.modelaudit.formats.ModelFileException;
import io.modelaudit.formats.ZipArchive;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What a ModelSerializer archive holds, read with bounds: the configuration JSON (capped), the
 * header of {@code coefficients.bin} (never its elements), and the names of the other entries.
 * Java-serialized entries ({@code preprocessor.bin}, {@code normalizer.bin}, {@code objects/*}) are
 * listed, never opened.
 *
 * @param coefficients the parameter vector's header, or null when the archive stores none
 * @param coefficientsEntrySize the entry's declared uncompressed size, -1 when unknown
 * @param otherEntries entries besides configuration.json and coefficients.bin
 */
public record Dl4jArchive(
    String configuration,
    NdArrayHeader coefficients,
    long coefficientsEntrySize,
    List<String> otherEntries) {
  public static final String CONFIGURATION = "configuration.json";
  public static final String COEFFICIENTS = "coefficients.bin";
  public static final String NO_PARAMS_MARKER = "noParams.marker";
  static final int MAX_ENTRIES = 10_000;
  static final int MAX_CONFIGURATION_BYTES = 64 << 20;

  /** A header is under 200 bytes: rank ≤ 32 longs plus three short names. */
  private static final int MAX_HEADER_BYTES = 4096;

  public static Dl4jArchive read(Path file) {
    try (ZipArchive zip = ZipArchive.open(file)) {
      if (zip.names().size() > MAX_ENTRIES) {
        throw new ModelFileException(
            "corrupt",
            "the archive has " + zip.names().size() + " entries, more than " + MAX_ENTRIES);
      }
      if (!zip.has(CONFIGURATION)) {
        throw new ModelFileException(
            "not_a_model", "zip archive without " + CONFIGURATION + ": not a Deeplearning4j model");
      }
      String configuration = BoundedJson.decode(zip.read(CONFIGURATION, MAX_CONFIGURATION_BYTES));
      NdArrayHeader coefficients = null;
      long entrySize = -1;
      if (zip.has(COEFFICIENTS)) {
        byte[] head = zip.head(COEFFICIENTS, MAX_HEADER_BYTES);
        try (InputStream in = new ByteArrayInputStream(head)) {
          coefficients = NdArrayHeader.read(in, COEFFICIENTS);
        }
        // A short entry is measured: its declared size is only what the archive claims.
        entrySize = head.length < MAX_HEADER_BYTES ? head.length : zip.declaredSize(COEFFICIENTS);
      }
      List<String> others = new ArrayList<>();
      for (String name : zip.names()) {
        if (!name.equals(CONFIGURATION) && !name.equals(COEFFICIENTS)) {
          others.add(name);
        }
      }
      return new Dl4jArchive(configuration, coefficients, entrySize, List.copyOf(others));
    } catch (IOException e) {
      throw new ModelFileException("unreadable", "cannot read the archive: " + e.getMessage(), e);
    }
  }
}
