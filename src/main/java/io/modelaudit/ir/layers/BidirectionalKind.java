package io.modelaudit.ir.layers;

import io.modelaudit.ir.LayerKind;
import io.modelaudit.ir.Shape;
import io.modelaudit.ir.ShapeException;
import io.modelaudit.ir.WeightSpec;
import java.util.ArrayList;
import java.util.List;

/** Runs a recurrent layer forwards and backwards and merges the two outputs. */
public final class BidirectionalKind implements LayerKind {

  /** How the forward and backward outputs are combined; NONE returns both. */
  public enum Merge {
    CONCAT, SUM, MUL, AVE, NONE
  }

  private final LayerKind forward;
  private final LayerKind backward;
  private final Merge merge;

  public BidirectionalKind(LayerKind forward, LayerKind backward, Merge merge) {
    this.forward = forward;
    this.backward = backward;
    this.merge = merge;
  }

  @Override
  public List<Shape> outputShapes(List<Shape> inputs) {
    List<Shape> f = forward.outputShapes(inputs);
    List<Shape> b = backward.outputShapes(inputs);
    List<Shape> out = new ArrayList<>();
    Shape yf = f.get(0);
    Shape yb = b.get(0);
    switch (merge) {
      case CONCAT:
        Long lf = yf.dim(-1);
        Long lb = yb.dim(-1);
        out.add(yf.withDim(-1, lf == null || lb == null ? null : Math.addExact(lf, lb)));
        break;
      case NONE:
        out.add(yf);
        out.add(yb);
        break;
      default:
        if (!yf.equals(yb)) {
          throw new ShapeException("forward " + yf + " and backward " + yb + " outputs cannot be merged");
        }
        out.add(yf);
    }
    out.addAll(f.subList(1, f.size()));
    out.addAll(b.subList(1, b.size()));
    return out;
  }

  @Override
  public List<WeightSpec> weights(List<Shape> inputs) {
    List<WeightSpec> w = new ArrayList<>();
    forward.weights(inputs).forEach(s -> w.add(s.renamed("forward_")));
    backward.weights(inputs).forEach(s -> w.add(s.renamed("backward_")));
    return w;
  }

  @Override
  public String formula(List<Shape> inputs, List<WeightSpec> weights) {
    List<WeightSpec> f = forward.weights(inputs);
    return "forward [" + forward.formula(inputs, f) + "] + backward [" + backward.formula(inputs, backward.weights(inputs)) + "]";
  }
}
