package io.jhdf.object.datatype;

import io.jhdf.Utils;
import io.jhdf.storage.HdfBackingStorage;
import java.lang.reflect.Array;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * model-audit's own reader of the HDF5 opaque datatype (class 5), written for jHDF 0.13.0 and put
 * in place of jHDF's class in the shaded jar (see the shade filter in pom.xml). jHDF's class
 * requires a NUL inside the ASCII tag field; h5py writes numpy's {@code bfloat16} (ml_dtypes), and
 * so every Keras 3 bfloat16 weight, as an opaque type whose tag field is empty, and jHDF then fails
 * on the whole group that holds it. Here the tag is the field up to its first NUL, or all of it.
 *
 * <p>The audit reads shapes, never values; values are still given as jHDF gives them, one {@code
 * byte[]} of {@link #getSize()} bytes per element, in an array shaped like the dataset. Drop this
 * class when jHDF accepts an empty tag.
 */
public class OpaqueDataType extends DataType {
  private final String asciiTag;

  public OpaqueDataType(ByteBuffer bb) {
    super(bb);
    int tagFieldLength = Utils.bitsToInt(classBits, 0, 8);
    byte[] field = new byte[tagFieldLength];
    Utils.createSubBuffer(bb, tagFieldLength).get(field);
    int length = 0;
    while (length < field.length && field[length] != 0) {
      length++;
    }
    asciiTag = new String(field, 0, length, StandardCharsets.US_ASCII);
  }

  public String getAsciiTag() {
    return asciiTag;
  }

  @Override
  public Class<?> getJavaType() {
    return byte[].class;
  }

  @Override
  public Object fillData(ByteBuffer buffer, int[] dimensions, HdfBackingStorage hdfBackingStorage) {
    Object values = Array.newInstance(byte[].class, dimensions);
    fill(values, dimensions.length, buffer);
    return values;
  }

  /** Fills {@code array} (of {@code depth} dimensions) element by element, in storage order. */
  private void fill(Object array, int depth, ByteBuffer buffer) {
    int n = Array.getLength(array);
    for (int i = 0; i < n; i++) {
      if (depth > 1) {
        fill(Array.get(array, i), depth - 1, buffer);
      } else {
        byte[] element = new byte[getSize()];
        buffer.get(element);
        Array.set(array, i, element);
      }
    }
  }
}
