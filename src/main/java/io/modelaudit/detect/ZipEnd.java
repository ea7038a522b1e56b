package io.modelaudit.detect;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Whether a file ends with a zip archive's end-of-central-directory record (within the last 64 KB,
 * where a comment may follow it) whose central directory is where it says: how Python's zipfile
 * recognises a zip, wherever the archive's first entry starts.
 */
final class ZipEnd {
  private static final int END_SIGNATURE = 0x06054b50;
  private static final int CENTRAL_SIGNATURE = 0x02014b50;
  private static final int END_RECORD = 22;
  private static final int MAX_COMMENT = 0xffff;

  private ZipEnd() {}

  static boolean isPresent(Path file) {
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
      long size = ch.size();
      int tail = (int) Math.min(size, END_RECORD + MAX_COMMENT);
      if (tail < END_RECORD) {
        return false;
      }
      byte[] bytes = new byte[tail];
      ByteBuffer buffer = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
      long tailStart = size - tail;
      while (buffer.hasRemaining() && ch.read(buffer, tailStart + buffer.position()) > 0) {
        // read the whole tail
      }
      for (int i = tail - END_RECORD; i >= 0; i--) {
        // The signature's first byte first: the tail of every HDF5 file of a scan is searched,
        // 64 KB each, and a byte compare is several times faster than reading an int there.
        if (bytes[i] != 'P' || buffer.getInt(i) != END_SIGNATURE) {
          continue;
        }
        long centralSize = buffer.getInt(i + 12) & 0xffffffffL;
        long centralStart = tailStart + i - centralSize;
        if (centralStart < 0) {
          continue;
        }
        ByteBuffer signature = ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN);
        if (centralSize > 0
            && ch.read(signature, centralStart) == 4
            && signature.getInt(0) == CENTRAL_SIGNATURE) {
          return true;
        }
      }
      return false;
    } catch (IOException e) {
      return false;
    }
  }
}
