package io.modelaudit.formats.dl4j;

import io.modelaudit.formats.ModelFileException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * What a ModelSerializer archive holds, read with bounds: the configuration JSON (capped), the
 * header of {@code coefficients.bin} (never its elements), and the names of the other entries.
 * Java-serialized entries ({@code preprocessor.bin}, {@code normalizer.bin}, {@code objects/*})
 * are listed, never opened.
 *
 * @param coefficients the parameter vector's header, or null when the archive stores none
 * @param coefficientsEntrySize the entry's declared uncompressed size, -1 when unknown
 * @param otherEntries entries besides configuration.json and coefficients.bin
 */
public record Dl4jArchive(String configuration, NdArrayHeader coefficients, long coefficientsEntrySize,
    List<String> otherEntries) {
  public static final String CONFIGURATION = "configuration.json";
  public static final String COEFFICIENTS = "coefficients.bin";
  public static final String NO_PARAMS_MARKER = "noParams.marker";
  static final int MAX_ENTRIES = 10_000;
  static final int MAX_CONFIGURATION_BYTES = 64 << 20;
  /** A header is under 200 bytes: rank ≤ 32 longs plus three short names. */
  private static final int MAX_HEADER_BYTES = 4096;

  public static Dl4jArchive read(Path file) {
    try (ZipFile zip = new ZipFile(file.toFile())) {
      if (zip.size() > MAX_ENTRIES) {
        throw new ModelFileException("corrupt", "the archive has " + zip.size() + " entries, more than " + MAX_ENTRIES);
      }
      ZipEntry config = zip.getEntry(CONFIGURATION);
      if (config == null) {
        throw new ModelFileException("not_a_model", "zip archive without " + CONFIGURATION + ": not a Deeplearning4j model");
      }
      String configuration = readText(zip, config);
      NdArrayHeader coefficients = null;
      long entrySize = -1;
      ZipEntry coef = zip.getEntry(COEFFICIENTS);
      if (coef != null) {
        try (InputStream in = new BoundedInputStream(zip.getInputStream(coef), MAX_HEADER_BYTES)) {
          coefficients = NdArrayHeader.read(in, COEFFICIENTS);
        }
        entrySize = coef.getSize();
      }
      List<String> others = new ArrayList<>();
      for (ZipEntry e : Collections.list(zip.entries())) {
        if (!e.getName().equals(CONFIGURATION) && !e.getName().equals(COEFFICIENTS)) {
          others.add(e.getName());
        }
      }
      return new Dl4jArchive(configuration, coefficients, entrySize, List.copyOf(others));
    } catch (ZipException e) {
      throw new ModelFileException("corrupt", "damaged zip archive: " + e.getMessage(), e);
    } catch (IOException e) {
      throw new ModelFileException("unreadable", "cannot read the archive: " + e.getMessage(), e);
    }
  }

  private static String readText(ZipFile zip, ZipEntry entry) throws IOException {
    try (InputStream in = zip.getInputStream(entry)) {
      byte[] bytes = in.readNBytes(MAX_CONFIGURATION_BYTES + 1);
      if (bytes.length > MAX_CONFIGURATION_BYTES) {
        throw new ModelFileException("too_large", CONFIGURATION + " is larger than " + (MAX_CONFIGURATION_BYTES >> 20) + " MB");
      }
      return new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
    }
  }

  /** Reads at most {@code limit} bytes, then reports end of stream: a header never needs more. */
  private static final class BoundedInputStream extends java.io.FilterInputStream {
    private long remaining;

    BoundedInputStream(InputStream in, long limit) {
      super(in);
      this.remaining = limit;
    }

    @Override
    public int read() throws IOException {
      if (remaining <= 0) {
        return -1;
      }
      int b = super.read();
      if (b >= 0) {
        remaining--;
      }
      return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      if (remaining <= 0) {
        return -1;
      }
      int n = super.read(b, off, (int) Math.min(len, remaining));
      if (n > 0) {
        remaining -= n;
      }
      return n;
    }
  }
}
