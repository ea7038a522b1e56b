package io.modelaudit.formats.keras;

import io.jhdf.HdfFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Opens an HDF5 file so that no read is sized by a number in the file beyond the file's own size.
 * jHDF reading from a file allocates one heap buffer per header, as large as the header's size
 * field says (a 23 KB file could ask for 2 GB); reading from a mapped buffer, it slices the buffer
 * instead, and a size past the file's end is an error. A file over 2 GB cannot be one buffer: it is
 * read from the file, where one read is at most 2 GB, which such a file's size allows.
 */
final class H5Files {
  private H5Files() {}

  static HdfFile open(Path file) {
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
      long size = channel.size();
      if (size > Integer.MAX_VALUE) {
        return new HdfFile(file);
      }
      // The mapping outlives the channel.
      return HdfFile.fromByteBuffer(channel.map(FileChannel.MapMode.READ_ONLY, 0, size));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
