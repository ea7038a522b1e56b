package io.modelaudit.ir.layers;

import io.modelaudit.ir.Checked;
import io.modelaudit.ir.LayerKind;
import io.modelaudit.ir.Shape;
import io.modelaudit.ir.ShapeSteps;
import io.modelaudit.ir.WeightSpec;
import io.modelaudit.ir.WrapperKind;
import java.util.ArrayList;
import java.util.List;

/** Runs a recurrent layer forwards and backwards and merges the two outputs. */
public final class BidirectionalKind implements LayerKind, WrapperKind {

  /** How the forward and backward outputs are combined; NONE returns both. */
  public enum Merge {
    CONCAT,
    SUM,
    MUL,
    AVE,
    NONE
  }

  private final LayerKind forward;
  private final LayerKind backward;
  private final Merge merge;
  private final List<Wrapped> wrapped;

  public BidirectionalKind(LayerKind forward, LayerKind backward, Merge merge) {
    this(forward, backward, merge, List.of());
  }

  private BidirectionalKind(
      LayerKind forward, LayerKind backward, Merge merge, List<Wrapped> wrapped) {
    this.forward = forward;
    this.backward = backward;
    this.merge = merge;
    this.wrapped = List.copyOf(wrapped);
  }

  /** The same layer, with the names and classes the file gives its forward and backward layers. */
  public BidirectionalKind named(
      String forwardName, String forwardClass, String backwardName, String backwardClass) {
    return new BidirectionalKind(
        forward,
        backward,
        merge,
        List.of(
            new Wrapped(forwardName, forwardClass, forward),
            new Wrapped(backwardName, backwardClass, backward)));
  }

  @Override
  public List<Wrapped> wrapped() {
    return wrapped;
  }

  @Override
  public List<Shape> innerInputs(List<Shape> inputs) {
    return inputs;
  }

  /**
   * Keras' rule ({@code Bidirectional.compute_output_shape}, Keras 2 and 3) looks at the forward
   * layer only: the backward output is assumed to have the same shape.
   */
  public LayerKind forward() {
    return forward;
  }

  public LayerKind backward() {
    return backward;
  }

  public Merge merge() {
    return merge;
  }

  @Override
  public List<Shape> outputShapes(List<Shape> inputs) {
    List<Shape> f = forward.outputShapes(inputs);
    List<Shape> out = new ArrayList<>();
    Shape y = f.get(0);
    ShapeSteps.add(
        () ->
            merge == Merge.CONCAT
                ? "merge_mode concat: the last axis doubles, "
                    + ShapeSteps.dim(y.dim(-1))
                    + " × 2 = "
                    + (y.dim(-1) == null ? "None" : Checked.multiply(y.dim(-1), 2))
                : merge == Merge.NONE
                    ? "merge_mode None: the forward and the backward outputs"
                    : "merge_mode "
                        + merge.name().toLowerCase(java.util.Locale.ROOT)
                        + ": the forward output's shape");
    switch (merge) {
      case CONCAT:
        Long last = y.dim(-1);
        out.add(y.withDim(-1, last == null ? null : Checked.multiply(last, 2)));
        break;
      case NONE:
        out.add(y);
        out.add(y);
        break;
      default:
        out.add(y);
    }
    out.addAll(f.subList(1, f.size()));
    out.addAll(f.subList(1, f.size()));
    return out;
  }

  @Override
  public List<String> caveats(List<Shape> inputs) {
    List<Shape> f = forward.outputShapes(inputs);
    List<Shape> b = backward.outputShapes(inputs);
    if (f.equals(b)) {
      return List.of();
    }
    return List.of(
        "Keras takes the output shapes "
            + f
            + " from the forward layer, but the backward layer produces "
            + b
            + ": the stored model is built on the forward shapes and fails when run");
  }

  @Override
  public List<WeightSpec> weights(List<Shape> inputs) {
    List<WeightSpec> w = new ArrayList<>();
    forward.weights(inputs).forEach(s -> w.add(s.renamed("forward_")));
    backward.weights(inputs).forEach(s -> w.add(s.renamed("backward_")));
    return w;
  }

  /** Each half in its own archive order: the forward layer's weights, then the backward's. */
  @Override
  public List<WeightSpec> archiveOrder(List<WeightSpec> weights) {
    List<WeightSpec> f = new ArrayList<>();
    List<WeightSpec> b = new ArrayList<>();
    weights.forEach(w -> (w.name().startsWith("forward_") ? f : b).add(w));
    List<WeightSpec> out = new ArrayList<>(forward.archiveOrder(f));
    out.addAll(backward.archiveOrder(b));
    return out;
  }

  @Override
  public String formula(List<Shape> inputs, List<WeightSpec> weights) {
    List<WeightSpec> f = forward.weights(inputs);
    return "forward ["
        + forward.formula(inputs, f)
        + "] + backward ["
        + backward.formula(inputs, backward.weights(inputs))
        + "]";
  }
}
