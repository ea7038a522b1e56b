package io.modelaudit.ir.layers.dl4j;

import io.modelaudit.ir.ConfiguredWeights;
import io.modelaudit.ir.LayerKind;
import io.modelaudit.ir.Shape;
import io.modelaudit.ir.WeightSpec;
import java.util.List;

/**
 * DL4J's TimeDistributed: its feed-forward layer runs on every time step of a sequence laid out as
 * the wrapper's {@code rnnDataFormat} says, not as the wrapped layer's own (absent) format. An NWC
 * sequence [mb, T, n] is handed to the wrapped layer as [mb, n, T] and its output turned back.
 */
public final class Dl4jTimeDistributedKind implements LayerKind, ConfiguredWeights {
  private final LayerKind inner;
  private final boolean channelsLast;

  public Dl4jTimeDistributedKind(LayerKind inner, boolean channelsLast) {
    this.inner = inner;
    this.channelsLast = channelsLast;
  }

  private List<Shape> toInner(List<Shape> inputs) {
    return channelsLast ? inputs.stream().map(Dl4jTimeDistributedKind::swap).toList() : inputs;
  }

  private static Shape swap(Shape s) {
    return s.rank() == 3 ? Shape.of(s.dim(0), s.dim(2), s.dim(1)) : s;
  }

  @Override
  public List<Shape> outputShapes(List<Shape> inputs) {
    List<Shape> out = inner.outputShapes(toInner(inputs));
    return channelsLast ? out.stream().map(Dl4jTimeDistributedKind::swap).toList() : out;
  }

  @Override
  public List<WeightSpec> weights(List<Shape> inputs) {
    return inner.weights(toInner(inputs));
  }

  @Override
  public String formula(List<Shape> inputs, List<WeightSpec> weights) {
    return inner.formula(toInner(inputs), weights);
  }

  @Override
  public List<String> caveats(List<Shape> inputs) {
    return inner.caveats(toInner(inputs));
  }

  @Override
  public List<WeightSpec> configuredWeights() {
    return ConfiguredWeights.of(inner);
  }
}
