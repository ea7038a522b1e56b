package io.modelaudit.detect;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * The names of the first entries of a zip read from their local headers, walking from the start of
 * the file: works on an archive whose end (with the central directory) is cut off. Stops at the
 * first entry whose size is only given after its data, and after a few entries.
 */
final class LocalZipHeaders {
  private static final int SIGNATURE = 0x04034b50;
  private static final int MAX_ENTRIES = 16;
  private static final int HEADER = 30;

  private LocalZipHeaders() {}

  static List<String> firstNames(Path file) {
    List<String> names = new ArrayList<>();
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
      long at = 0;
      ByteBuffer header = ByteBuffer.allocate(HEADER).order(ByteOrder.LITTLE_ENDIAN);
      while (names.size() < MAX_ENTRIES && at + HEADER <= ch.size()) {
        header.clear();
        if (ch.read(header, at) < HEADER || header.getInt(0) != SIGNATURE) {
          break;
        }
        int flags = header.getShort(6) & 0xffff;
        long compressed = header.getInt(18) & 0xffffffffL;
        int nameLength = header.getShort(26) & 0xffff;
        int extraLength = header.getShort(28) & 0xffff;
        ByteBuffer name = ByteBuffer.allocate(nameLength);
        if (ch.read(name, at + HEADER) < nameLength) {
          break;
        }
        names.add(new String(name.array(), StandardCharsets.UTF_8));
        if ((flags & 0x08) != 0) {
          break; // sizes follow the data: the next header's position is unknown
        }
        at += HEADER + nameLength + extraLength + compressed;
      }
    } catch (IOException | RuntimeException e) {
      // what was read so far
    }
    return names;
  }
}
