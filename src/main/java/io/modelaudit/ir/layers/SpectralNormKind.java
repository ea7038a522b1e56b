package io.modelaudit.ir.layers;

import io.modelaudit.ir.InvalidConfigException;
import io.modelaudit.ir.LayerKind;
import io.modelaudit.ir.Shape;
import io.modelaudit.ir.WeightBucket;
import io.modelaudit.ir.WeightSpec;
import java.util.ArrayList;
import java.util.List;

/**
 * Keras 3 SpectralNormalization around a layer with a {@code kernel} (or {@code embeddings}): the
 * wrapped layer's shapes and weights, plus a non-trainable {@code vector_u} of shape (1, the
 * kernel's last dimension). The wrapper keeps the wrapped kernel as an attribute of its own, so a
 * {@code .keras} archive stores that kernel twice (the wrapper's {@code vars/0}, then the layer's);
 * Keras counts it once.
 */
public final class SpectralNormKind implements LayerKind {
  private final LayerKind inner;

  public SpectralNormKind(LayerKind inner) {
    this.inner = inner;
  }

  public LayerKind inner() {
    return inner;
  }

  @Override
  public List<Shape> outputShapes(List<Shape> inputs) {
    return inner.outputShapes(inputs);
  }

  /**
   * In Keras' order: the wrapper's own variables (the wrapped kernel it keeps as an attribute,
   * vector_u), then the wrapped layer's other weights.
   */
  @Override
  public List<WeightSpec> weights(List<Shape> inputs) {
    List<WeightSpec> own = new ArrayList<>(inner.weights(inputs));
    WeightSpec kernel = own.remove(kernelIndex(own));
    List<WeightSpec> w = new ArrayList<>();
    w.add(kernel);
    w.add(
        new WeightSpec(
            "vector_u", Shape.of(1L, kernel.shape().dim(-1)), WeightBucket.NON_TRAINABLE));
    w.addAll(own);
    return w;
  }

  /**
   * The wrapper's own variables, then every weight of the wrapped layer, the kernel (its first)
   * again among them.
   */
  @Override
  public List<WeightSpec> archiveOrder(List<WeightSpec> weights) {
    List<WeightSpec> wrapped = new ArrayList<>();
    wrapped.add(weights.get(0));
    wrapped.addAll(weights.subList(2, weights.size()));
    List<WeightSpec> out = new ArrayList<>(weights.subList(0, 2));
    out.addAll(inner.archiveOrder(wrapped));
    return out;
  }

  /** The weight Keras takes as the kernel; Keras layers that have one declare it first. */
  private static int kernelIndex(List<WeightSpec> weights) {
    for (String name : List.of("kernel", "embeddings")) {
      for (int i = 0; i < weights.size(); i++) {
        if (weights.get(i).name().equals(name)) {
          return i;
        }
      }
    }
    throw new InvalidConfigException(
        "wraps a layer with neither a 'kernel' nor 'embeddings' weight, which Keras refuses");
  }

  @Override
  public String formula(List<Shape> inputs, List<WeightSpec> weights) {
    List<WeightSpec> own = inner.weights(inputs);
    return "["
        + inner.formula(inputs, own)
        + "] + vector_u "
        + weights.get(1).shape().size()
        + " = "
        + io.modelaudit.ir.Formulas.number(io.modelaudit.ir.Formulas.total(weights));
  }
}
