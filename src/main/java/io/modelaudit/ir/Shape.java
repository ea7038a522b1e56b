package io.modelaudit.ir;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/** A tensor shape: each dimension is known (a non-negative long) or unknown ({@code null}). */
public final class Shape {
  private final List<Long> dims;

  private Shape(List<Long> dims) {
    this.dims = Collections.unmodifiableList(new ArrayList<>(dims));
  }

  public static Shape of(List<Long> dims) {
    return new Shape(dims);
  }

  public static Shape of(Long... dims) {
    List<Long> list = new ArrayList<>();
    Collections.addAll(list, dims);
    return new Shape(list);
  }

  public static Shape ofKnown(long... dims) {
    List<Long> list = new ArrayList<>();
    for (long d : dims) {
      list.add(d);
    }
    return new Shape(list);
  }

  public List<Long> dims() {
    return dims;
  }

  public int rank() {
    return dims.size();
  }

  /** Dimension {@code i}; negative indices count from the end like Python. */
  public Long dim(int i) {
    return dims.get(axis(i));
  }

  /** Normalises a possibly negative axis index against this rank. */
  public int axis(int i) {
    int a = i < 0 ? i + dims.size() : i;
    if (a < 0 || a >= dims.size()) {
      throw new ShapeException("axis " + i + " is out of range for a tensor of rank " + dims.size());
    }
    return a;
  }

  public boolean isFullyKnown() {
    return dims.stream().allMatch(Objects::nonNull);
  }

  /** Number of elements; only defined when every dimension is known. */
  public long size() {
    long n = 1;
    for (Long d : dims) {
      if (d == null) {
        throw new ShapeException("size of " + this + " is unknown");
      }
      n = Math.multiplyExact(n, d);
    }
    return n;
  }

  public Shape withDim(int i, Long value) {
    List<Long> list = new ArrayList<>(dims);
    list.set(axis(i), value);
    return new Shape(list);
  }

  public Shape withoutDim(int i) {
    List<Long> list = new ArrayList<>(dims);
    list.remove(axis(i));
    return new Shape(list);
  }

  public Shape append(Long value) {
    List<Long> list = new ArrayList<>(dims);
    list.add(value);
    return new Shape(list);
  }

  public Shape prepend(Long value) {
    List<Long> list = new ArrayList<>();
    list.add(value);
    list.addAll(dims);
    return new Shape(list);
  }

  public Shape subShape(int from, int to) {
    return new Shape(dims.subList(from, to));
  }

  /** The shape without its leading (batch) dimension. */
  public Shape tail() {
    return subShape(1, dims.size());
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Shape && ((Shape) o).dims.equals(dims);
  }

  @Override
  public int hashCode() {
    return dims.hashCode();
  }

  /** Keras style: {@code (None, 28, 28, 6)}. */
  @Override
  public String toString() {
    String inner = dims.stream().map(d -> d == null ? "None" : d.toString()).collect(Collectors.joining(", "));
    return "(" + inner + (dims.size() == 1 ? ",)" : ")");
  }
}
