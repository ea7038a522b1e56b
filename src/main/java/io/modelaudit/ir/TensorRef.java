package io.modelaudit.ir;

/** Output tensor {@code tensorIndex} of call {@code callIndex} of layer {@code layer}. */
public record TensorRef(String layer, int callIndex, int tensorIndex) {
  @Override
  public String toString() {
    return layer
        + (callIndex == 0 && tensorIndex == 0 ? "" : "[" + callIndex + "][" + tensorIndex + "]");
  }
}
