package io.modelaudit.ir.layers.dl4j;

import io.modelaudit.ir.LayerKind;
import io.modelaudit.ir.Shape;
import java.util.List;

/**
 * DL4J's TimeDistributed: its feed-forward layer runs on every time step of a sequence laid out as
 * the wrapper's {@code rnnDataFormat} says, not as the wrapped layer's own (absent) format. An NWC
 * sequence [mb, T, n] is handed to the wrapped layer as [mb, n, T] and its output turned back.
 */
public final class Dl4jTimeDistributedKind extends Dl4jAdaptedInputKind {
  private final boolean channelsLast;

  public Dl4jTimeDistributedKind(LayerKind inner, boolean channelsLast) {
    super(inner);
    this.channelsLast = channelsLast;
  }

  @Override
  List<Shape> adapt(List<Shape> inputs) {
    return channelsLast ? inputs.stream().map(Dl4jTimeDistributedKind::swap).toList() : inputs;
  }

  @Override
  List<Shape> adaptOutputs(List<Shape> outputs) {
    return adapt(outputs);
  }

  private static Shape swap(Shape s) {
    return s.rank() == 3 ? Shape.of(s.dim(0), s.dim(2), s.dim(1)) : s;
  }
}
