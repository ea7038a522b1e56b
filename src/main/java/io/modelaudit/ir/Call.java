package io.modelaudit.ir;

import java.util.List;

/**
 * One use of a layer: the tensors it was applied to, and the shapes the framework recorded for
 * them. A shared layer has several calls.
 */
public record Call(List<TensorRef> inputs, RecordedShapes recorded) {
  public Call {
    inputs = List.copyOf(inputs);
    recorded = recorded == null ? RecordedShapes.NONE : recorded;
  }

  public Call(List<TensorRef> inputs) {
    this(inputs, RecordedShapes.NONE);
  }

  public Call withRecorded(RecordedShapes value) {
    return new Call(inputs, value);
  }
}
