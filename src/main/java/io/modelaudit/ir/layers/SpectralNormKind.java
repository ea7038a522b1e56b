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

  @Override
  public List<Shape> outputShapes(List<Shape> inputs) {
    return inner.outputShapes(inputs);
  }

  @Override
  public List<WeightSpec> weights(List<Shape> inputs) {
    List<WeightSpec> w = new ArrayList<>(inner.weights(inputs));
    Shape kernel = w.get(kernelIndex(w)).shape();
    w.add(new WeightSpec("vector_u", Shape.of(1L, kernel.dim(-1)), WeightBucket.NON_TRAINABLE));
    return w;
  }

  /** The wrapper's own variables (the kernel it aliases, vector_u), then the wrapped layer's. */
  @Override
  public List<WeightSpec> archiveOrder(List<WeightSpec> weights) {
    List<WeightSpec> out = new ArrayList<>();
    out.add(weights.get(kernelIndex(weights)));
    out.add(weights.get(weights.size() - 1));
    out.addAll(inner.archiveOrder(weights.subList(0, weights.size() - 1)));
    return out;
  }

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
    List<WeightSpec> own = weights.subList(0, weights.size() - 1);
    WeightSpec u = weights.get(weights.size() - 1);
    return "["
        + inner.formula(inputs, own)
        + "] + vector_u "
        + u.shape().size()
        + " = "
        + io.modelaudit.ir.Formulas.number(io.modelaudit.ir.Formulas.total(weights));
  }
}
