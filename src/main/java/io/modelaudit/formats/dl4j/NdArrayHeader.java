package io.modelaudit.formats.dl4j;

import io.modelaudit.formats.ModelFileException;
import io.modelaudit.ir.Checked;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.List;

/**
 * The header of an array written by ND4J's {@code Nd4j.write}: the shape-information buffer, then
 * the header of the data buffer. Elements are never read.
 *
 * <p>Every buffer starts with {@code writeUTF(allocationMode)}, its length ({@code writeInt} for
 * the legacy modes DIRECT / HEAP / JAVACPP, {@code writeLong} for LONG_SHAPE and MIXED_DATA_TYPES)
 * and {@code writeUTF(dataType)}. The shape buffer holds rank, shape, stride, offset-or-extras,
 * element-wise stride and order ({@code 'c'}/{@code 'f'}). A COMPRESSED data buffer continues with
 * the algorithm's name and three longs: compressed length, original length, element count.
 *
 * @param allocationMode e.g. {@code JAVACPP}, {@code LONG_SHAPE}, {@code MIXED_DATA_TYPES}
 * @param shape the array's shape as recorded
 * @param dataType e.g. {@code FLOAT}, {@code DOUBLE}, {@code HALF}, or {@code COMPRESSED}
 * @param length the number of elements
 * @param headerBytes the size of the header; {@code headerBytes + length × elementSize} is the size
 *     of the whole array for uncompressed data
 */
public record NdArrayHeader(
    String allocationMode, List<Long> shape, String dataType, long length, long headerBytes) {
  private static final List<String> INT_LENGTH_MODES = List.of("DIRECT", "HEAP", "JAVACPP");
  private static final List<String> LONG_LENGTH_MODES = List.of("LONG_SHAPE", "MIXED_DATA_TYPES");
  private static final int MAX_RANK = 32;

  /** Bytes per element, or 0 when the type is unknown or compressed. */
  public int elementSize() {
    switch (dataType) {
      case "DOUBLE":
      case "LONG":
      case "UINT64":
        return 8;
      case "FLOAT":
      case "INT":
      case "UINT32":
        return 4;
      case "HALF":
      case "BFLOAT16":
      case "SHORT":
      case "UINT16":
        return 2;
      case "BOOL":
      case "BYTE":
      case "UBYTE":
        return 1;
      default:
        return 0;
    }
  }

  /** Reads the header; {@code what} names the array in error messages. */
  public static NdArrayHeader read(InputStream raw, String what) {
    CountingInput in = new CountingInput(raw);
    try {
      Buffer shapeInfo = readBufferHeader(in.data, what + " shape");
      if (!shapeInfo.type.equals("INT") && !shapeInfo.type.equals("LONG")) {
        throw corrupt(what, "shape information of type " + shapeInfo.type);
      }
      boolean longs = shapeInfo.type.equals("LONG");
      long rank = readElement(in.data, longs);
      if (rank < 0 || rank > MAX_RANK || shapeInfo.length != 2 * rank + 4) {
        throw corrupt(
            what, "shape information of length " + shapeInfo.length + " for rank " + rank);
      }
      Long[] shape = new Long[(int) rank];
      for (int i = 0; i < rank; i++) {
        shape[i] = readElement(in.data, longs);
        if (shape[i] < 0) {
          throw corrupt(what, "negative dimension " + shape[i]);
        }
      }
      for (long i = rank + 1; i < shapeInfo.length; i++) {
        readElement(in.data, longs);
      }
      Buffer data = readBufferHeader(in.data, what + " data");
      long length = data.length;
      if (data.type.equals("COMPRESSED")) {
        in.data.readUTF();
        in.data.readLong();
        in.data.readLong();
        length = in.data.readLong();
      }
      long product = 1;
      for (Long d : shape) {
        product = Checked.multiply(product, d);
      }
      if (product != length) {
        throw corrupt(
            what,
            "shape "
                + Arrays.toString(shape)
                + " holds "
                + product
                + " elements, the data buffer "
                + length);
      }
      return new NdArrayHeader(data.mode, List.of(shape), data.type, length, in.count);
    } catch (EOFException e) {
      throw corrupt(what, "truncated header");
    } catch (IOException e) {
      throw new ModelFileException("unreadable", what + ": " + e.getMessage(), e);
    } catch (ArithmeticException e) {
      throw corrupt(what, "element count overflows");
    }
  }

  private record Buffer(String mode, long length, String type) {}

  private static Buffer readBufferHeader(DataInputStream in, String what) throws IOException {
    String mode = readName(in, what);
    long length;
    if (INT_LENGTH_MODES.contains(mode)) {
      length = in.readInt();
    } else if (LONG_LENGTH_MODES.contains(mode)) {
      length = in.readLong();
    } else {
      throw corrupt(what, "unknown allocation mode '" + mode + "'");
    }
    if (length < 0) {
      throw corrupt(what, "negative length " + length);
    }
    return new Buffer(mode, length, readName(in, what));
  }

  /** An enum name written by {@code writeUTF}: short, upper-case ASCII, checked before decoding. */
  private static String readName(DataInputStream in, String what) throws IOException {
    int n = in.readUnsignedShort();
    if (n == 0 || n > 32) {
      throw corrupt(what, "not an ND4J array");
    }
    byte[] b = in.readNBytes(n);
    if (b.length < n) {
      throw new EOFException();
    }
    for (byte c : b) {
      if (!((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_')) {
        throw corrupt(what, "not an ND4J array");
      }
    }
    return new String(b, java.nio.charset.StandardCharsets.US_ASCII);
  }

  private static long readElement(DataInputStream in, boolean longs) throws IOException {
    return longs ? in.readLong() : in.readInt();
  }

  private static ModelFileException corrupt(String what, String message) {
    return new ModelFileException("corrupt", what + ": " + message);
  }

  /** Counts the bytes the header takes. */
  private static final class CountingInput extends java.io.FilterInputStream {
    long count;
    final DataInputStream data = new DataInputStream(this);

    CountingInput(InputStream in) {
      super(in);
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) {
        count++;
      }
      return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      int n = super.read(b, off, len);
      if (n > 0) {
        count += n;
      }
      return n;
    }
  }
}
