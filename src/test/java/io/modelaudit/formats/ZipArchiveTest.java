package io.modelaudit.formats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Random;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Entries read back as java.util.zip wrote them, stored or deflated, from a file or from a buffer;
 * what cannot be read is refused with a reason.
 */
class ZipArchiveTest {
  @TempDir Path dir;

  /** Text that deflates, long enough to take many reads of the inflater's buffer. */
  private static final byte[] TEXT = text(300_000);

  /** Bytes that do not deflate, as weights are. */
  private static final byte[] NOISE = noise(70_000);

  @Test
  void deflatedAndStoredEntriesReadBackAsWritten() throws IOException {
    Path zip = write(dir.resolve("a.zip"), false);
    try (ZipArchive archive = ZipArchive.open(zip)) {
      assertArrayEquals(TEXT, archive.read("config.json", 1 << 20));
      assertArrayEquals(NOISE, archive.read("weights.bin", 1 << 20));
      assertArrayEquals(slice(TEXT, 100), archive.head("config.json", 100));
      try (InputStream in = archive.stream("config.json", 1 << 20)) {
        assertArrayEquals(TEXT, in.readAllBytes());
      }
      ByteBuffer inflated = archive.mapped("config.json", 1 << 20, new ArrayList<>());
      byte[] copy = new byte[inflated.remaining()];
      inflated.get(copy);
      assertArrayEquals(TEXT, copy);
    }
  }

  @Test
  void anArchiveInABufferReadsTheSame() throws IOException {
    byte[] bytes = Files.readAllBytes(write(dir.resolve("b.zip"), false));
    try (ZipArchive archive = ZipArchive.open(ByteBuffer.wrap(bytes), "inner.zip")) {
      assertArrayEquals(TEXT, archive.read("config.json", 1 << 20));
      assertArrayEquals(NOISE, archive.read("weights.bin", 1 << 20));
    }
  }

  @Test
  void anEntryLargerThanTheCapIsRefused() throws IOException {
    try (ZipArchive archive = ZipArchive.open(write(dir.resolve("d.zip"), false))) {
      ModelFileException e =
          assertThrows(ModelFileException.class, () -> archive.read("config.json", 1000));
      assertEquals("too_large", e.kind());
    }
  }

  @Test
  void anEncryptedEntryIsRefusedWithAReason() throws IOException {
    try (ZipArchive archive = ZipArchive.open(write(dir.resolve("e.zip"), true))) {
      ModelFileException e =
          assertThrows(ModelFileException.class, () -> archive.read("config.json", 1 << 20));
      assertEquals("corrupt", e.kind());
      assertTrue(
          e.getMessage().startsWith("cannot read config.json from the archive ("), e::getMessage);
      assertTrue(e.getMessage().contains("encryption"), e::getMessage);
    }
  }

  /**
   * config.json deflated, weights.bin stored; with {@code encrypted}, config.json's general purpose
   * flag says it is encrypted (in its local header and the central directory).
   */
  private static Path write(Path file, boolean encrypted) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream out = new ZipOutputStream(bytes)) {
      out.putNextEntry(new ZipEntry("config.json"));
      out.write(TEXT);
      out.closeEntry();
      ZipEntry stored = new ZipEntry("weights.bin");
      stored.setMethod(ZipEntry.STORED);
      stored.setSize(NOISE.length);
      CRC32 crc = new CRC32();
      crc.update(NOISE);
      stored.setCrc(crc.getValue());
      out.putNextEntry(stored);
      out.write(NOISE);
      out.closeEntry();
    }
    byte[] zip = bytes.toByteArray();
    if (encrypted) {
      setFlag(zip, 0x04034b50, 6);
      setFlag(zip, 0x02014b50, 8);
    }
    return Files.write(file, zip);
  }

  /** Sets bit 0 of the flags at {@code offset} in the first record with {@code signature}. */
  private static void setFlag(byte[] zip, int signature, int offset) {
    for (int i = 0; i + 4 <= zip.length; i++) {
      int s =
          (zip[i] & 0xff)
              | (zip[i + 1] & 0xff) << 8
              | (zip[i + 2] & 0xff) << 16
              | (zip[i + 3] & 0xff) << 24;
      if (s == signature) {
        zip[i + offset] |= 1;
        return;
      }
    }
    throw new AssertionError("no record " + Integer.toHexString(signature));
  }

  private static byte[] text(int n) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; b.length() < n; i++) {
      b.append("{\"layer\": ").append(i).append(", \"units\": ").append(i * 7 % 513).append("}\n");
    }
    return b.substring(0, n).getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] noise(int n) {
    byte[] b = new byte[n];
    new Random(11).nextBytes(b);
    return b;
  }

  private static byte[] slice(byte[] b, int n) {
    byte[] out = new byte[n];
    System.arraycopy(b, 0, out, 0, n);
    return out;
  }
}
