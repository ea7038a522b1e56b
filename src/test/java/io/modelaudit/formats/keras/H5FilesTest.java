package io.modelaudit.formats.keras;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.modelaudit.TestPaths;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Both ways {@link H5Files} opens a file: mapped (up to 2 GB, test-models/malformed/hdf5 covers its
 * hostile side) and, beyond 2 GB, read from the file.
 */
class H5FilesTest {
  @Test
  void aFileOfUpTo2GbIsReadFromAMappedBuffer() {
    KerasH5Reader.Contents c = KerasH5Reader.read(TestPaths.kerasModels().resolve("seed_cnn.h5"));
    assertEquals(1966L, (long) c.stored().storedTotal());
  }

  /** 3 GB of zeros after the model, sparse: the tail is never read. */
  @Test
  void aFileOver2GbIsReadFromTheFile(@TempDir Path dir) throws Exception {
    Path big = Files.copy(TestPaths.kerasModels().resolve("seed_cnn.h5"), dir.resolve("big.h5"));
    try (RandomAccessFile f = new RandomAccessFile(big.toFile(), "rw")) {
      f.setLength(3L << 30);
    }
    KerasH5Reader.Contents c = KerasH5Reader.read(big);
    assertEquals(1966L, (long) c.stored().storedTotal());
  }
}
