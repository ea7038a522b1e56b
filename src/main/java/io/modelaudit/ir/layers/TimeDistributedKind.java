package io.modelaudit.ir.layers;

import io.modelaudit.ir.LayerKind;
import io.modelaudit.ir.Shape;
import io.modelaudit.ir.ShapeException;
import io.modelaudit.ir.WeightSpec;
import io.modelaudit.ir.WrapperKind;
import java.util.ArrayList;
import java.util.List;

/** Applies an inner layer to every time step: (batch, time, …) with shared weights. */
public final class TimeDistributedKind implements LayerKind, WrapperKind {
  private final LayerKind inner;
  private final List<Wrapped> wrapped;

  public TimeDistributedKind(LayerKind inner) {
    this(inner, List.of());
  }

  private TimeDistributedKind(LayerKind inner, List<Wrapped> wrapped) {
    this.inner = inner;
    this.wrapped = List.copyOf(wrapped);
  }

  /** The same layer, with the name and class the file gives the wrapped layer. */
  public TimeDistributedKind named(String name, String className) {
    return new TimeDistributedKind(inner, List.of(new Wrapped(name, className, inner)));
  }

  @Override
  public List<Wrapped> wrapped() {
    return wrapped;
  }

  @Override
  public List<Shape> innerInputs(List<Shape> inputs) {
    return List.of(step(LayerKind.single(inputs)));
  }

  public LayerKind inner() {
    return inner;
  }

  /** The input of one time step: (batch, time, …) without the time axis. */
  public static Shape step(Shape input) {
    if (input.rank() < 3) {
      throw new ShapeException(
          "TimeDistributed expects (batch, time, …) of rank 3 or more, got " + input);
    }
    return input.withoutDim(1);
  }

  @Override
  public List<Shape> outputShapes(List<Shape> inputs) {
    Shape in = LayerKind.single(inputs);
    List<Shape> out = new ArrayList<>();
    for (Shape s : inner.outputShapes(List.of(step(in)))) {
      out.add(unstep(s, in));
    }
    return out;
  }

  /** One step's output put back on the time axis of {@code input}. */
  public static Shape unstep(Shape stepOutput, Shape input) {
    return stepOutput.tail().prepend(input.dim(1)).prepend(input.dim(0));
  }

  @Override
  public List<WeightSpec> weights(List<Shape> inputs) {
    return inner.weights(List.of(step(LayerKind.single(inputs))));
  }

  @Override
  public List<WeightSpec> archiveOrder(List<WeightSpec> weights) {
    return inner.archiveOrder(weights);
  }

  @Override
  public List<String> caveats(List<Shape> inputs) {
    return inner.caveats(List.of(step(LayerKind.single(inputs))));
  }

  @Override
  public String formula(List<Shape> inputs, List<WeightSpec> weights) {
    return inner.formula(List.of(step(LayerKind.single(inputs))), weights);
  }
}
