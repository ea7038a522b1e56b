package io.modelaudit.formats;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.zip.ZipEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;

/**
 * Read-only access to an untrusted zip archive: entry names from the central directory, small
 * entries read whole with a size cap, large ones mapped in place when stored uncompressed. Nothing
 * is extracted next to the input, and the input is never modified.
 */
public final class ZipArchive implements AutoCloseable {
  /** Real archives hold a handful of entries; more than this is not a model. */
  public static final int MAX_ENTRIES = 100_000;

  /**
   * Weights compress little (Keras stores them uncompressed); an entry inflating far beyond its
   * compressed size is a bomb that would fill the disk with a temporary file.
   */
  static final long MAX_INFLATION_RATIO = 100;

  private static final long INFLATION_SLACK = 64L << 20;

  /** The most a compressed entry is inflated to: beyond it a file is refused, not extracted. */
  static final long MAX_EXTRACTED_BYTES = 256L << 20;

  /** The file read, or null for an archive held in a buffer. */
  private final Path file;

  /** The bytes of an archive held in a buffer (a zip inside a zip), or null. */
  private final ByteBuffer bytes;

  /** How messages name this archive: "the archive", or the entry it came from. */
  private final String label;

  private final ZipFile zip;
  private final List<String> names;

  private ZipArchive(Path file, ByteBuffer bytes, String label, ZipFile zip, List<String> names) {
    this.file = file;
    this.bytes = bytes;
    this.label = label;
    this.zip = zip;
    this.names = names;
  }

  /**
   * Starts on a daemon thread what the first archive opened would otherwise wait for, while the
   * command line's start-up runs: Commons Compress converts every entry's DOS time through {@link
   * Calendar}, whose first use loads the JDK's locale and time-zone data (35 ms); and its {@code
   * ZipFile} is verified again when first used, which loads its zstd and xz readers from this
   * tool's jar (8,500 entries to index, 15 ms): without their optional libraries, which are not
   * shipped, they cannot be in the class-data archive. A run that opens no archive spends only the
   * other core's time on it.
   */
  public static void prepareInBackground() {
    Thread t = new Thread(ZipArchive::prepare, "model-audit-zip-prepare");
    t.setDaemon(true);
    t.start();
  }

  private static void prepare() {
    Calendar.getInstance();
    ZipFile.builder();
  }

  public static ZipArchive open(Path file) {
    try {
      return open(
          ZipFile.builder().setPath(file).setUseUnicodeExtraFields(true).get(),
          file,
          null,
          "the archive");
    } catch (IOException | RuntimeException e) {
      throw new ModelFileException(
          "corrupt", "truncated or corrupt zip archive (" + e.getMessage() + ")", e);
    }
  }

  /**
   * A zip held in a buffer, such as an entry of another zip mapped in place; {@code label} names it
   * in messages.
   */
  public static ZipArchive open(ByteBuffer bytes, String label) {
    try {
      return open(
          ZipFile.builder()
              .setSeekableByteChannel(new ByteBufferChannel(bytes))
              .setUseUnicodeExtraFields(true)
              .get(),
          null,
          bytes,
          label);
    } catch (IOException | RuntimeException e) {
      throw new ModelFileException(
          "corrupt", "truncated or corrupt zip archive " + label + " (" + e.getMessage() + ")", e);
    }
  }

  private static ZipArchive open(ZipFile zip, Path file, ByteBuffer bytes, String label) {
    List<String> names = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (ZipArchiveEntry e : Collections.list(zip.getEntries())) {
      if (names.size() == MAX_ENTRIES) {
        ZipFile.closeQuietly(zip);
        throw new ModelFileException(
            "corrupt", "zip archive with more than " + MAX_ENTRIES + " entries");
      }
      if (!seen.add(e.getName())) {
        // Readers disagree on which one counts (Python's zipfile, hence Keras, takes the last; this
        // reader the first): auditing one while Keras loads the other would be worthless.
        ZipFile.closeQuietly(zip);
        throw new ModelFileException(
            "corrupt", "zip archive holds two entries named " + e.getName());
      }
      names.add(e.getName());
    }
    return new ZipArchive(file, bytes, label, zip, List.copyOf(names));
  }

  public List<String> names() {
    return names;
  }

  public boolean has(String name) {
    return zip.getEntry(name) != null;
  }

  /** The uncompressed size the archive declares for an entry, or -1 when unknown. */
  public long declaredSize(String name) {
    ZipArchiveEntry e = zip.getEntry(name);
    return e == null ? -1 : e.getSize();
  }

  /** A whole entry, refused when it is (or inflates to) more than {@code maxBytes}. */
  public byte[] read(String name, long maxBytes) {
    ZipArchiveEntry e = require(name);
    if (e.getSize() > maxBytes) {
      throw new ModelFileException(
          "too_large", name + " in " + label + " is larger than " + (maxBytes >> 20) + " MB");
    }
    try (InputStream in = zip.getInputStream(e)) {
      byte[] data = in.readNBytes((int) Math.min(maxBytes + 1, Integer.MAX_VALUE - 8));
      if (data.length > maxBytes) {
        throw new ModelFileException(
            "too_large",
            name + " in " + label + " inflates to more than " + (maxBytes >> 20) + " MB");
      }
      return data;
    } catch (IOException | RuntimeException ex) {
      if (ex instanceof ModelFileException) {
        throw (ModelFileException) ex;
      }
      throw new ModelFileException(
          "corrupt", "cannot read " + name + " from " + label + " (" + ex.getMessage() + ")", ex);
    }
  }

  /**
   * An entry's bytes for random access: mapped straight from the archive when stored uncompressed
   * (as Keras writes), otherwise inflated into a temporary file, deleted as soon as it is open
   * ({@code tempFiles} collects it only where that fails), with at most {@code maxBytes} and never
   * more than {@link #MAX_EXTRACTED_BYTES} written.
   */
  public ByteBuffer mapped(String name, long maxBytes, List<Path> tempFiles) {
    ZipArchiveEntry e = require(name);
    try {
      if (bytes != null
          && e.getMethod() == ZipEntry.STORED
          && e.getSize() >= 0
          && e.getDataOffset() + e.getSize() <= bytes.limit()) {
        return bytes
            .duplicate()
            .position((int) e.getDataOffset())
            .limit((int) (e.getDataOffset() + e.getSize()))
            .slice();
      }
      if (file != null
          && e.getMethod() == ZipEntry.STORED
          && e.getSize() >= 0
          && e.getSize() <= Integer.MAX_VALUE
          && e.getDataOffset() + e.getSize() <= Files.size(file)) {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
          return ch.map(FileChannel.MapMode.READ_ONLY, e.getDataOffset(), e.getSize());
        }
      }
      long compressed = e.getCompressedSize() >= 0 ? e.getCompressedSize() : Files.size(file);
      long cap = Math.min(maxBytes, MAX_EXTRACTED_BYTES);
      long limit = Math.min(cap, INFLATION_SLACK + MAX_INFLATION_RATIO * compressed);
      Path temp = Files.createTempFile("model-audit-", ".entry");
      try (FileChannel ch =
          FileChannel.open(temp, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
        // Deleted as soon as it is open: the open channel and the mapping keep the data, and no
        // file is left behind even when the process is killed.
        if (!deleted(temp)) {
          tempFiles.add(temp);
          temp.toFile().deleteOnExit();
        }
        try (InputStream in = zip.getInputStream(e)) {
          byte[] buffer = new byte[1 << 16];
          long total = 0;
          for (int n; (n = in.read(buffer)) > 0; ) {
            total += n;
            if (total > cap) {
              throw new ModelFileException(
                  "too_large",
                  name
                      + " in "
                      + label
                      + " inflates to more than "
                      + (cap >> 20)
                      + " MB: compressed entries are not extracted beyond that (Keras stores"
                      + " weights uncompressed)");
            }
            if (total > limit) {
              throw new ModelFileException(
                  "too_large",
                  name
                      + " in the archive inflates to more than "
                      + MAX_INFLATION_RATIO
                      + " times its compressed size: a zip bomb, not weights");
            }
            if (Thread.currentThread().isInterrupted()) {
              throw new ModelFileException(
                  "timeout", "gave up inflating " + name + " in the archive");
            }
            ByteBuffer chunk = ByteBuffer.wrap(buffer, 0, n);
            while (chunk.hasRemaining()) {
              ch.write(chunk);
            }
          }
        }
        return ch.map(FileChannel.MapMode.READ_ONLY, 0, ch.size());
      }
    } catch (IOException | RuntimeException ex) {
      if (ex instanceof ModelFileException) {
        throw (ModelFileException) ex;
      }
      throw new ModelFileException(
          "corrupt", "cannot read " + name + " from " + label + " (" + ex.getMessage() + ")", ex);
    }
  }

  /** The first bytes of an entry, at most {@code n}: for headers, without inflating the rest. */
  public byte[] head(String name, int n) {
    ZipArchiveEntry e = require(name);
    try (InputStream in = zip.getInputStream(e)) {
      return in.readNBytes(n);
    } catch (IOException | RuntimeException ex) {
      throw new ModelFileException(
          "corrupt", "cannot read " + name + " from " + label + " (" + ex.getMessage() + ")", ex);
    }
  }

  /**
   * An entry as a stream, for readers that look at its bytes once; reading past {@code maxBytes}
   * fails with a {@code too_large} error instead of going on.
   */
  public InputStream stream(String name, long maxBytes) {
    ZipArchiveEntry e = require(name);
    if (e.getSize() > maxBytes) {
      throw new ModelFileException(
          "too_large", name + " in " + label + " is larger than " + (maxBytes >> 20) + " MB");
    }
    try {
      return new CappedStream(zip.getInputStream(e), name, maxBytes);
    } catch (IOException | RuntimeException ex) {
      throw new ModelFileException(
          "corrupt", "cannot read " + name + " from " + label + " (" + ex.getMessage() + ")", ex);
    }
  }

  private final class CappedStream extends FilterInputStream {
    private final String name;
    private final long maxBytes;
    private long count;

    CappedStream(InputStream in, String name, long maxBytes) {
      super(in);
      this.name = name;
      this.maxBytes = maxBytes;
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) {
        counted(1);
      }
      return b;
    }

    @Override
    public int read(byte[] buffer, int off, int len) throws IOException {
      int n = super.read(buffer, off, len);
      if (n > 0) {
        counted(n);
      }
      return n;
    }

    @Override
    public long skip(long n) throws IOException {
      long skipped = super.skip(n);
      counted(skipped);
      return skipped;
    }

    private void counted(long n) {
      count += n;
      if (count > maxBytes) {
        throw new ModelFileException(
            "too_large",
            name + " in " + label + " inflates to more than " + (maxBytes >> 20) + " MB");
      }
    }
  }

  private ZipArchiveEntry require(String name) {
    ZipArchiveEntry e = zip.getEntry(name);
    if (e == null) {
      throw new ModelFileException("corrupt", label + " has no " + name);
    }
    if (e.getMethod() != ZipEntry.STORED && e.getMethod() != ZipEntry.DEFLATED) {
      // Keras (Python's zipfile) and DL4J (java.util.zip) write only these two; the others need
      // codecs this tool does not ship (zstd, xz) or that neither framework writes.
      throw new ModelFileException(
          "corrupt",
          name
              + " in "
              + label
              + " uses zip compression method "
              + e.getMethod()
              + ": only stored and deflated entries are read");
    }
    return e;
  }

  @Override
  public void close() {
    ZipFile.closeQuietly(zip);
  }

  private static boolean deleted(Path temp) {
    try {
      Files.delete(temp);
      return true;
    } catch (IOException e) {
      return false;
    }
  }
}
