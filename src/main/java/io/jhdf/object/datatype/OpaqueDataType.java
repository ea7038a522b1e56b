/*
 * This file is part of jHDF. A pure Java library for accessing HDF5 files.
 *
 * https://jhdf.io
 *
 * Copyright (c) 2026 James Mudd
 *
 * MIT License see 'LICENSE' file
 */
package io.jhdf.object.datatype;

import static io.jhdf.Utils.stripLeadingIndex;

import io.jhdf.Utils;
import io.jhdf.storage.HdfBackingStorage;
import java.lang.reflect.Array;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.stream.IntStream;

/**
 * Class for reading opaque data type (HDF5 type 5). Data will returned as a byte[] for each
 * element.
 *
 * <p>model-audit's copy of jHDF 0.13.0's class (the shaded jar leaves jHDF's own out), changed in
 * one place: the ASCII tag may be empty or fill its whole length without a NUL, as HDF5 writes it.
 * h5py stores numpy's {@code bfloat16} (ml_dtypes), and so every Keras 3 bfloat16 weight, as an
 * opaque type with an empty tag, on which jHDF's own class fails and with it the whole group.
 *
 * @author James Mudd
 */
public class OpaqueDataType extends DataType {
  private final String asciiTag;

  public OpaqueDataType(ByteBuffer bb) {
    super(bb);

    int asciiTagLength = Utils.bitsToInt(classBits, 0, 8);

    asciiTag = tag(Utils.createSubBuffer(bb, asciiTagLength));
  }

  /** The tag up to its first NUL, or the whole field when it has none (an empty one among them). */
  private static String tag(ByteBuffer field) {
    byte[] bytes = new byte[field.remaining()];
    field.get(bytes);
    int end = 0;
    while (end < bytes.length && bytes[end] != 0) {
      end++;
    }
    return new String(bytes, 0, end, StandardCharsets.US_ASCII);
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
    int elements = IntStream.of(dimensions).reduce(1, Math::multiplyExact);
    int elementSize = buffer.remaining() / elements;

    final Object data = Array.newInstance(getJavaType(), dimensions);
    fillOpaquedData(data, dimensions, buffer, elementSize);
    return data;
  }

  private static void fillOpaquedData(Object data, int[] dims, ByteBuffer buffer, int elementSize) {
    if (dims.length > 1) {
      for (int i = 0; i < dims[0]; i++) {
        Object newArray = Array.get(data, i);
        fillOpaquedData(newArray, stripLeadingIndex(dims), buffer, elementSize);
      }
    } else {
      for (int i = 0; i < Array.getLength(data); i++) {
        byte[] bytes = new byte[elementSize];
        buffer.get(bytes);
        Array.set(data, i, bytes);
      }
    }
  }
}
