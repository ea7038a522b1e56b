package io.modelaudit.formats;

import io.modelaudit.ir.Checked;
import io.modelaudit.ir.Shape;

/**
 * A weight tensor as the file stores it.
 *
 * @param name the weight's name as the file lists it (e.g. {@code dense_1/kernel:0})
 * @param shape the stored shape, or null when the listed tensor is absent
 * @param location where it is stored (an HDF5 path)
 * @param dtype the element type as the file records it, in numpy's names ({@code float32}, {@code
 *     float16}, {@code int64}, …), or null when the file does not say or it was not read
 * @param itemBytes bytes per element as stored, or 0 when unknown
 */
public record StoredTensor(String name, Shape shape, String location, String dtype, int itemBytes) {

  /** A tensor whose element type is not known. */
  public StoredTensor(String name, Shape shape, String location) {
    this(name, shape, location, null, 0);
  }

  public long size() {
    return shape == null ? 0 : shape.size();
  }

  /** The bytes its elements take as stored, or null when the shape or element size is unknown. */
  public Long bytes() {
    return shape == null || itemBytes <= 0 ? null : Checked.multiply(shape.size(), itemBytes);
  }
}
