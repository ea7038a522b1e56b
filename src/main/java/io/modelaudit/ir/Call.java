package io.modelaudit.ir;

import java.util.List;

/** One use of a layer: the tensors it was applied to. A shared layer has several calls. */
public record Call(List<TensorRef> inputs) {
  public Call {
    inputs = List.copyOf(inputs);
  }
}
