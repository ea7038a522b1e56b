package io.modelaudit.ir;

import java.util.Objects;

/** Output tensor {@code tensorIndex} of call {@code callIndex} of layer {@code layer}. */
public record TensorRef(String layer, int callIndex, int tensorIndex) {
  // equals and hashCode written out: a record's own are linked through invokedynamic on first use,
  // 7 ms of a cold start for the first map keyed by tensors (docs/benchmarks.md).
  @Override
  public boolean equals(Object o) {
    return o instanceof TensorRef t
        && callIndex == t.callIndex
        && tensorIndex == t.tensorIndex
        && Objects.equals(layer, t.layer);
  }

  @Override
  public int hashCode() {
    return (Objects.hashCode(layer) * 31 + callIndex) * 31 + tensorIndex;
  }

  @Override
  public String toString() {
    return layer
        + (callIndex == 0 && tensorIndex == 0 ? "" : "[" + callIndex + "][" + tensorIndex + "]");
  }
}
