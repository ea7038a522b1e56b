package io.modelaudit.formats;

import io.modelaudit.ir.Shape;

/**
 * A weight tensor as the file stores it.
 *
 * @param name the weight's name as the file lists it (e.g. {@code dense_1/kernel:0})
 * @param shape the stored shape, or null when the listed tensor is absent
 * @param location where it is stored (an HDF5 path)
 */
public record StoredTensor(String name, Shape shape, String location) {
  public long size() {
    return shape == null ? 0 : shape.size();
  }
}
