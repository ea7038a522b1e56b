package io.modelaudit.formats;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
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

  private final Path file;
  private final ZipFile zip;
  private final List<String> names;

  private ZipArchive(Path file, ZipFile zip, List<String> names) {
    this.file = file;
    this.zip = zip;
    this.names = names;
  }

  public static ZipArchive open(Path file) {
    ZipFile zip;
    try {
      zip = ZipFile.builder().setPath(file).setUseUnicodeExtraFields(true).get();
    } catch (IOException | RuntimeException e) {
      throw new ModelFileException("corrupt", "truncated or corrupt zip archive (" + e.getMessage() + ")", e);
    }
    List<String> names = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (ZipArchiveEntry e : Collections.list(zip.getEntries())) {
      if (names.size() == MAX_ENTRIES) {
        ZipFile.closeQuietly(zip);
        throw new ModelFileException("corrupt", "zip archive with more than " + MAX_ENTRIES + " entries");
      }
      if (!seen.add(e.getName())) {
        // Readers disagree on which one counts (Python's zipfile, hence Keras, takes the last; this
        // reader the first): auditing one while Keras loads the other would be worthless.
        ZipFile.closeQuietly(zip);
        throw new ModelFileException("corrupt", "zip archive holds two entries named " + e.getName());
      }
      names.add(e.getName());
    }
    return new ZipArchive(file, zip, List.copyOf(names));
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
      throw new ModelFileException("too_large", name + " in the archive is larger than " + (maxBytes >> 20) + " MB");
    }
    try (InputStream in = zip.getInputStream(e)) {
      byte[] data = in.readNBytes((int) Math.min(maxBytes + 1, Integer.MAX_VALUE - 8));
      if (data.length > maxBytes) {
        throw new ModelFileException("too_large", name + " in the archive inflates to more than " + (maxBytes >> 20) + " MB");
      }
      return data;
    } catch (IOException | RuntimeException ex) {
      if (ex instanceof ModelFileException) {
        throw (ModelFileException) ex;
      }
      throw new ModelFileException("corrupt", "cannot read " + name + " from the zip archive (" + ex.getMessage() + ")", ex);
    }
  }

  /**
   * An entry's bytes for random access: mapped straight from the archive when stored
   * uncompressed (as Keras writes), otherwise inflated into a temporary file that
   * {@code tempFiles} collects for deletion, with at most {@code maxBytes} written.
   */
  public ByteBuffer mapped(String name, long maxBytes, List<Path> tempFiles) {
    ZipArchiveEntry e = require(name);
    try {
      if (e.getMethod() == ZipEntry.STORED && e.getSize() >= 0 && e.getSize() <= Integer.MAX_VALUE
          && e.getDataOffset() + e.getSize() <= Files.size(file)) {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
          return ch.map(FileChannel.MapMode.READ_ONLY, e.getDataOffset(), e.getSize());
        }
      }
      long compressed = e.getCompressedSize() >= 0 ? e.getCompressedSize() : Files.size(file);
      long limit = Math.min(maxBytes, INFLATION_SLACK + MAX_INFLATION_RATIO * compressed);
      Path temp = Files.createTempFile("model-audit-", ".entry");
      tempFiles.add(temp);
      temp.toFile().deleteOnExit(); // also when a time limit abandons this thread
      try (InputStream in = zip.getInputStream(e); OutputStream out = Files.newOutputStream(temp)) {
        byte[] buffer = new byte[1 << 16];
        long total = 0;
        for (int n; (n = in.read(buffer)) > 0; ) {
          total += n;
          if (total > maxBytes) {
            throw new ModelFileException("too_large", name + " in the archive inflates to more than " + (maxBytes >> 20) + " MB");
          }
          if (total > limit) {
            throw new ModelFileException("too_large", name + " in the archive inflates to more than " + MAX_INFLATION_RATIO
                + " times its compressed size: a zip bomb, not weights");
          }
          if (Thread.currentThread().isInterrupted()) {
            throw new ModelFileException("timeout", "gave up inflating " + name + " in the archive");
          }
          out.write(buffer, 0, n);
        }
      }
      if (Files.size(temp) > Integer.MAX_VALUE) {
        throw new ModelFileException("too_large", name + " in the archive is larger than 2 GB");
      }
      try (FileChannel ch = FileChannel.open(temp, StandardOpenOption.READ)) {
        return ch.map(FileChannel.MapMode.READ_ONLY, 0, ch.size());
      }
    } catch (IOException | RuntimeException ex) {
      if (ex instanceof ModelFileException) {
        throw (ModelFileException) ex;
      }
      throw new ModelFileException("corrupt", "cannot read " + name + " from the zip archive (" + ex.getMessage() + ")", ex);
    }
  }

  private ZipArchiveEntry require(String name) {
    ZipArchiveEntry e = zip.getEntry(name);
    if (e == null) {
      throw new ModelFileException("corrupt", "the archive has no " + name);
    }
    return e;
  }

  @Override
  public void close() {
    ZipFile.closeQuietly(zip);
  }
}
