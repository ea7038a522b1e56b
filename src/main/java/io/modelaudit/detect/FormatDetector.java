package io.modelaudit.detect;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/** Sniffs a file's format from its first bytes, never from its extension. */
public final class FormatDetector {
  private static final byte[] HDF5_SIGNATURE = {(byte) 0x89, 'H', 'D', 'F', '\r', '\n', 0x1a, '\n'};
  private static final byte[] ZIP_SIGNATURE = {'P', 'K', 3, 4};
  /** HDF5 allows a user block before the superblock: the signature sits at 0, 512, 1024, 2048, …. */
  private static final int[] HDF5_OFFSETS = {0, 512, 1024, 2048, 4096};

  private FormatDetector() {}

  public static ModelFormat detect(Path file) throws IOException {
    return Dl4jSniffer.refine(file, sniff(file));
  }

  /** An ND4J array's description (shape and type), for the "not a model" message. */
  public static String describeArray(Path file) throws IOException {
    io.modelaudit.formats.dl4j.NdArrayHeader h = Dl4jSniffer.arrayHeader(file);
    return h.dataType() + " array of shape " + h.shape();
  }

  private static ModelFormat sniff(Path file) throws IOException {
    byte[] head = new byte[HDF5_OFFSETS[HDF5_OFFSETS.length - 1] + HDF5_SIGNATURE.length];
    int n;
    try (InputStream in = Files.newInputStream(file)) {
      n = in.readNBytes(head, 0, head.length);
    }
    for (int offset : HDF5_OFFSETS) {
      if (n >= offset + HDF5_SIGNATURE.length && startsWith(head, offset, HDF5_SIGNATURE)) {
        return ModelFormat.HDF5;
      }
    }
    if (n >= ZIP_SIGNATURE.length && startsWith(head, 0, ZIP_SIGNATURE)) {
      return ModelFormat.ZIP;
    }
    for (int i = 0; i < n; i++) {
      byte b = head[i];
      if (b == ' ' || b == '\n' || b == '\r' || b == '\t' || (i < 3 && (b & 0xff) >= 0xef)) {
        continue;
      }
      return b == '{' || b == '[' || b == '"' ? ModelFormat.JSON : ModelFormat.UNKNOWN;
    }
    return ModelFormat.UNKNOWN;
  }

  private static boolean startsWith(byte[] data, int offset, byte[] prefix) {
    return Arrays.equals(data, offset, offset + prefix.length, prefix, 0, prefix.length);
  }
}
