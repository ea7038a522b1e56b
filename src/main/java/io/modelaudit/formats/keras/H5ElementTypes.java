package io.modelaudit.formats.keras;

import io.jhdf.api.Dataset;
import io.jhdf.object.datatype.DataType;
import io.jhdf.object.datatype.EnumDataType;
import io.jhdf.object.datatype.FixedPoint;
import io.jhdf.object.datatype.FloatingPoint;
import io.jhdf.object.datatype.OpaqueDataType;
import io.modelaudit.formats.StoredTensor;
import io.modelaudit.ir.Shape;

/**
 * The element type of an HDF5 weight dataset, named as numpy (and so Keras' summary) names it: only
 * the datatype message in the dataset's header is read, never its data.
 */
final class H5ElementTypes {
  private H5ElementTypes() {}

  /** A stored tensor with the dataset's element type (unknown when the header cannot be read). */
  static StoredTensor tensor(String name, Shape shape, String location, Dataset dataset) {
    DataType type;
    try {
      type = dataset == null ? null : dataset.getDataType();
    } catch (RuntimeException e) {
      type = null;
    }
    if (type == null || type.getSize() <= 0) {
      return new StoredTensor(name, shape, location);
    }
    return new StoredTensor(name, shape, location, name(type), type.getSize());
  }

  /**
   * numpy's name for the type: {@code float32}, {@code int64}, {@code uint8}, {@code bool} (h5py
   * writes it as an enum), or, for h5py's opaque types, the tag, {@code bfloat16} for an untagged
   * 2-byte one (ml_dtypes' bfloat16 as h5py writes it), {@code opaque8} for an untagged 1-byte one.
   */
  static String name(DataType type) {
    int bits = type.getSize() * 8;
    if (type instanceof FloatingPoint) {
      return "float" + bits;
    }
    if (type instanceof FixedPoint f) {
      return (f.isSigned() ? "int" : "uint") + bits;
    }
    if (type instanceof EnumDataType) {
      return type.getSize() == 1 ? "bool" : "enum" + bits;
    }
    if (type instanceof OpaqueDataType o) {
      if (!o.getAsciiTag().isEmpty()) {
        return o.getAsciiTag();
      }
      // h5py writes ml_dtypes' types as opaque with an empty tag; of those Keras uses, bfloat16
      // is the one of 2 bytes (the float8 types take 1).
      return bits == 16 ? "bfloat16" : "opaque" + bits;
    }
    return type.getClass().getSimpleName();
  }
}
