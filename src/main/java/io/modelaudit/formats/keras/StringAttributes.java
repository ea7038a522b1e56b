package io.modelaudit.formats.keras;

import io.jhdf.GlobalHeap;
import io.jhdf.api.Attribute;
import io.jhdf.object.datatype.StringData;
import io.jhdf.object.datatype.VariableLength;
import io.jhdf.storage.HdfBackingStorage;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The string attributes of one HDF5 file that list names ({@code layer_names}, {@code
 * weight_names}), decoded as UTF-8 whatever character set the attribute declares: Keras writes the
 * UTF-8 bytes of its names into attributes typed ASCII, which jHDF decodes as ASCII, so that every
 * non-ASCII name reads back as replacement characters and two names of one byte length look alike.
 *
 * <p>Variable-length strings are read with one parsed copy of each global heap collection. jHDF
 * parses the collection again for every attribute it reads, and Keras 3 lists each layer's weight
 * names in such an attribute, all stored in the same few collections of a hundred-odd strings each:
 * parsing them again per layer was the largest cost of auditing a Keras 3 {@code .h5} file
 * (bench/compare, docs/benchmarks.md).
 */
final class StringAttributes {
  private final Map<Long, GlobalHeap> heaps = new HashMap<>();

  /**
   * The strings of a scalar or one-dimensional string attribute (fixed or variable length); null
   * for any other attribute (read it with jHDF).
   */
  List<String> read(Attribute a) {
    if (a.getDataType() instanceof StringData fixed && a.getDimensions().length <= 1) {
      return fixedLength(a, fixed.getSize());
    }
    if (!(a.getDataType() instanceof VariableLength type)
        || !type.isVariableLengthString()
        || a.getDimensions().length > 1) {
      return null;
    }
    HdfBackingStorage storage = a.getNode().getHdfFile().getHdfBackingStorage();
    int offsets = storage.getSizeOfOffsets();
    // Each element: the string's length (4 bytes), then the collection's address and the
    // object's index in it (4 bytes), as HDF5 lays out a variable-length reference.
    int element = type.getSize();
    ByteBuffer refs = a.getBuffer().duplicate().order(ByteOrder.LITTLE_ENDIAN);
    List<String> out = new ArrayList<>();
    for (int at = refs.position(); at + element <= refs.limit(); at += element) {
      int ref = at + element - offsets - 4;
      long address = readUnsigned(refs, ref, offsets);
      int index = refs.getInt(ref + offsets);
      if (index == 0) {
        out.add("");
        continue;
      }
      GlobalHeap heap = heaps.computeIfAbsent(address, x -> new GlobalHeap(storage, x));
      out.add(StandardCharsets.UTF_8.decode(heap.getObjectData(index)).toString());
    }
    return out;
  }

  /** Fixed-length strings (numpy's {@code S} arrays, Keras 1 and 2): each padded with NULs. */
  private static List<String> fixedLength(Attribute a, int size) {
    ByteBuffer data = a.getBuffer().duplicate();
    List<String> out = new ArrayList<>();
    if (size <= 0) {
      return out;
    }
    byte[] element = new byte[size];
    while (data.remaining() >= size) {
      data.get(element);
      int length = 0;
      while (length < size && element[length] != 0) {
        length++;
      }
      out.add(new String(element, 0, length, StandardCharsets.UTF_8));
    }
    return out;
  }

  private static long readUnsigned(ByteBuffer b, int at, int bytes) {
    long value = 0;
    for (int i = bytes - 1; i >= 0; i--) {
      value = (value << 8) | (b.get(at + i) & 0xffL);
    }
    return value;
  }
}
