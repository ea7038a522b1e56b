package io.modelaudit.ir;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * A tensor shape: each dimension is known (a non-negative long) or unknown ({@code null}). The
 * shape of a tensor nothing is known about, not even its rank, is {@link #UNKNOWN}: every question
 * about its dimensions throws {@link UnknownDimensionException}, so a rule that needs one stops and
 * a rule that needs none (a layer without weights, an embedding table) still applies.
 */
public final class Shape {
  public static final Shape UNKNOWN = new Shape();

  private final List<Long> dims;

  private Shape(List<Long> dims) {
    this.dims = Collections.unmodifiableList(new ArrayList<>(dims));
  }

  private Shape() {
    this.dims = null;
  }

  public boolean isUnknown() {
    return dims == null;
  }

  private List<Long> known() {
    if (dims == null) {
      throw new UnknownDimensionException("the shape of the tensor, even its rank, is unknown");
    }
    return dims;
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
    return known();
  }

  public int rank() {
    return known().size();
  }

  /** Dimension {@code i}; negative indices count from the end like Python. */
  public Long dim(int i) {
    return known().get(axis(i));
  }

  /** Normalises a possibly negative axis index against this rank. */
  public int axis(int i) {
    int a = i < 0 ? i + known().size() : i;
    if (a < 0 || a >= known().size()) {
      throw new ShapeException(
          "axis " + i + " is out of range for a tensor of rank " + known().size());
    }
    return a;
  }

  public boolean isFullyKnown() {
    return dims != null && dims.stream().allMatch(Objects::nonNull);
  }

  /** Number of elements; only defined when every dimension is known. */
  public long size() {
    long n = 1;
    for (Long d : known()) {
      if (d == null) {
        throw new ShapeException("size of " + this + " is unknown");
      }
      n = Checked.multiply(n, d);
    }
    return n;
  }

  public Shape withDim(int i, Long value) {
    List<Long> list = new ArrayList<>(known());
    list.set(axis(i), value);
    return new Shape(list);
  }

  public Shape withoutDim(int i) {
    List<Long> list = new ArrayList<>(known());
    list.remove(axis(i));
    return new Shape(list);
  }

  public Shape append(Long value) {
    List<Long> list = new ArrayList<>(known());
    list.add(value);
    return new Shape(list);
  }

  public Shape prepend(Long value) {
    List<Long> list = new ArrayList<>();
    list.add(value);
    list.addAll(known());
    return new Shape(list);
  }

  public Shape subShape(int from, int to) {
    return new Shape(known().subList(from, to));
  }

  /** The shape without its leading (batch) dimension. */
  public Shape tail() {
    return subShape(1, known().size());
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Shape && java.util.Objects.equals(((Shape) o).dims, dims);
  }

  @Override
  public int hashCode() {
    return java.util.Objects.hashCode(dims);
  }

  /** Keras style: {@code (None, 28, 28, 6)}. */
  @Override
  public String toString() {
    if (dims == null) {
      return "(unknown)";
    }
    String inner =
        dims.stream().map(d -> d == null ? "None" : d.toString()).collect(Collectors.joining(", "));
    return "(" + inner + (dims.size() == 1 ? ",)" : ")");
  }
}
