package io.modelaudit.ir.layers;

import io.modelaudit.ir.LayerKind;
import io.modelaudit.ir.Shape;
import io.modelaudit.ir.ShapeException;
import io.modelaudit.ir.ShapeSteps;
import io.modelaudit.ir.UnknownDimensionException;
import io.modelaudit.ir.WeightSpec;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Multi-head attention over inputs (query, value[, key]): four EinsumDense projections, stored in
 * the order query, key, (gate,) value, attention_output. Query and key project the last axis to
 * (heads, key_dim), value (and the optional sigmoid gate) to (heads, value_dim); the output
 * projection maps (heads, value_dim) to {@code output_shape} (default: the query's last axis).
 */
public final class MultiHeadAttentionKind implements LayerKind {
  private final long heads;
  private final long keyDim;
  private final long valueDim;
  private final List<Long> outputShape;
  private final boolean useBias;
  private final boolean useGate;
  private final List<Integer> attentionAxes;
  private final boolean returnScores;
  private final boolean symbolicScores;

  /**
   * @param outputShape {@code output_shape}, or null for the query's last axis
   * @param attentionAxes axes of the projected query (batch, …, heads, key_dim) attended over; null
   *     for all axes between the batch and the heads
   * @param returnScores the layer is called with {@code return_attention_scores=True}
   * @param symbolicScores Keras 3's shape rule for the scores, (batch, heads, Tq, Tq), whatever the
   *     key's length and the attention axes; tf.keras gives the scores' real shape
   */
  public MultiHeadAttentionKind(
      long heads,
      long keyDim,
      long valueDim,
      List<Long> outputShape,
      boolean useBias,
      boolean useGate,
      List<Integer> attentionAxes,
      boolean returnScores,
      boolean symbolicScores) {
    this.heads = heads;
    this.keyDim = keyDim;
    this.valueDim = valueDim;
    this.outputShape = outputShape == null ? null : List.copyOf(outputShape);
    this.useBias = useBias;
    this.useGate = useGate;
    this.attentionAxes = attentionAxes == null ? null : List.copyOf(attentionAxes);
    this.returnScores = returnScores;
    this.symbolicScores = symbolicScores;
  }

  private record Inputs(Shape query, Shape value, Shape key) {}

  private static Inputs inputs(List<Shape> inputs) {
    if (inputs.size() < 2 || inputs.size() > 3) {
      throw new ShapeException(
          "MultiHeadAttention expects query, value and optionally key, got "
              + inputs.size()
              + " inputs");
    }
    Shape query = inputs.get(0);
    Shape value = inputs.get(1);
    Shape key = inputs.size() == 3 ? inputs.get(2) : value;
    if (query.rank() < 3 || value.rank() < 3 || key.rank() != value.rank()) {
      throw new ShapeException(
          "MultiHeadAttention expects inputs of rank 3 or more with key and value of one rank, got "
              + inputs);
    }
    for (int i = 1; i < value.rank() - 1; i++) {
      Long v = value.dim(i);
      Long k = key.dim(i);
      if (v != null && k != null && !v.equals(k)) {
        throw new ShapeException(
            "value " + value + " and key " + key + " must agree on all axes but the last");
      }
    }
    return new Inputs(query, value, key);
  }

  @Override
  public List<Shape> outputShapes(List<Shape> shapes) {
    Inputs in = inputs(shapes);
    List<Long> out = new ArrayList<>(in.query().subShape(0, in.query().rank() - 1).dims());
    out.addAll(outputShape == null ? List.of(in.query().dim(-1)) : outputShape);
    ShapeSteps.add(
        () ->
            outputShape == null
                ? "the query's shape (the output projection back to its "
                    + ShapeSteps.dim(in.query().dim(-1))
                    + " features)"
                : "the query's shape with output_shape " + outputShape + " as the last axes");
    if (!returnScores) {
      return List.of(Shape.of(out));
    }
    return List.of(Shape.of(out), symbolicScores ? keras3Scores(in) : scores(in));
  }

  private Shape keras3Scores(Inputs in) {
    return Shape.of(in.query().dim(0), heads, in.query().dim(1), in.query().dim(1));
  }

  /**
   * The scores as computed: the projected query's axes that are not attended (batch, others,
   * heads), then the query's attended axes, then the key's.
   */
  private Shape scores(Inputs in) {
    int rank = in.query().rank() + 1;
    List<Integer> axes = new ArrayList<>();
    if (attentionAxes == null) {
      for (int i = 1; i < rank - 2; i++) {
        axes.add(i);
      }
    } else {
      for (int a : attentionAxes) {
        int axis = a < 0 ? a + rank : a;
        if (axis < 0 || axis >= rank - 1) {
          throw new ShapeException(
              "attention axis " + a + " is out of range for a query of rank " + in.query().rank());
        }
        axes.add(axis);
      }
    }
    Shape q = projected(in.query());
    Shape k = projected(in.key());
    List<Long> dims = new ArrayList<>();
    for (int i = 0; i < rank - 1; i++) {
      if (!axes.contains(i)) {
        dims.add(q.dim(i));
      }
    }
    axes.forEach(a -> dims.add(q.dim(a)));
    axes.forEach(a -> dims.add(k.dim(a)));
    return Shape.of(dims);
  }

  private Shape projected(Shape s) {
    return s.withDim(-1, heads).append(keyDim);
  }

  @Override
  public List<String> caveats(List<Shape> shapes) {
    Inputs in = inputs(shapes);
    if (!returnScores || !symbolicScores) {
      return List.of();
    }
    Shape real = scores(in);
    Shape symbolic = keras3Scores(in);
    return real.equals(symbolic)
        ? List.of()
        : List.of(
            "Keras 3 declares the attention scores as " + symbolic + "; computed they are " + real);
  }

  /**
   * The equation Keras builds for a projection: {@code free} axes kept, {@code bound} axes
   * contracted, {@code outputs} axes added; the bias covers the added axes.
   */
  private static EinsumDenseKind projection(int free, int bound, List<Long> added, boolean bias) {
    StringBuilder input = new StringBuilder();
    StringBuilder kernel = new StringBuilder();
    StringBuilder output = new StringBuilder();
    StringBuilder biasAxes = new StringBuilder();
    char next = 'a';
    for (int i = 0; i < free; i++, next++) {
      input.append(next);
      output.append(next);
    }
    for (int i = 0; i < bound; i++, next++) {
      input.append(next);
      kernel.append(next);
    }
    for (int i = 0; i < added.size(); i++, next++) {
      kernel.append(next);
      output.append(next);
      biasAxes.append(next);
    }
    if (next - 'a' > 26) {
      throw new ShapeException("inputs of this rank exceed the 26 einsum letters");
    }
    List<Long> partial =
        new ArrayList<>(Collections.nCopies(output.length() - 1 - added.size(), (Long) null));
    partial.addAll(added);
    return new EinsumDenseKind(
        input + "," + kernel + "->" + output, partial, bias ? biasAxes.toString() : null, 0);
  }

  private static List<WeightSpec> prefixed(String prefix, EinsumDenseKind projection, Shape input) {
    List<WeightSpec> out = new ArrayList<>();
    projection.weights(List.of(input)).forEach(w -> out.add(w.renamed(prefix + "/")));
    return out;
  }

  @Override
  public List<WeightSpec> weights(List<Shape> shapes) {
    Inputs in = inputs(shapes);
    int qRank = in.query().rank();
    List<WeightSpec> w = new ArrayList<>();
    w.addAll(
        prefixed("query", projection(qRank - 1, 1, List.of(heads, keyDim), useBias), in.query()));
    w.addAll(
        prefixed(
            "key", projection(in.key().rank() - 1, 1, List.of(heads, keyDim), useBias), in.key()));
    if (useGate) {
      w.addAll(
          prefixed(
              "gate", projection(qRank - 1, 1, List.of(heads, valueDim), useBias), in.query()));
    }
    w.addAll(
        prefixed(
            "value",
            projection(in.value().rank() - 1, 1, List.of(heads, valueDim), useBias),
            in.value()));
    Long features = in.query().dim(-1);
    if (outputShape == null && features == null) {
      throw new UnknownDimensionException(
          "query features (last axis of " + in.query() + ") are unknown");
    }
    List<Long> out = outputShape == null ? List.of(features) : outputShape;
    Shape perHead = projected(in.query()).withDim(-1, valueDim);
    w.addAll(prefixed("attention_output", projection(qRank - 1, 2, out, useBias), perHead));
    return w;
  }
}
