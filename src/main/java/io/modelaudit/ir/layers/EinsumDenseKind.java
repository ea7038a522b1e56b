package io.modelaudit.ir.layers;

import io.modelaudit.ir.LayerKind;
import io.modelaudit.ir.Shape;
import io.modelaudit.ir.ShapeException;
import io.modelaudit.ir.SingleInputKind;
import io.modelaudit.ir.UnknownDimensionException;
import io.modelaudit.ir.WeightSpec;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * EinsumDense: a kernel whose axes are named by an einsum equation. Each kernel axis takes its size
 * from the output axis of the same letter (given by {@code output_shape}) or else from the input
 * axis; the bias spans the output from its first biased axis on, with 1 on axes not in {@code
 * bias_axes}.
 */
public final class EinsumDenseKind extends SingleInputKind {
  private final String equationText;
  private final EinsumEquation equation;
  private final List<Long> partialOutput;
  private final String biasAxes;
  private final long loraRank;

  /**
   * @param partialOutput {@code output_shape} without the batch axis (null entries: unknown)
   * @param biasAxes the output letters that get a bias, or null for no bias
   */
  public EinsumDenseKind(
      String equation, List<Long> partialOutput, String biasAxes, long loraRank) {
    this.equationText = equation;
    this.equation = EinsumEquation.parse(equation);
    this.partialOutput = new ArrayList<>(partialOutput);
    this.biasAxes = biasAxes;
    this.loraRank = loraRank;
    for (char c : biasAxes == null ? new char[0] : biasAxes.toCharArray()) {
      if (this.equation.output().indexOf(c) < 0) {
        throw new ShapeException(
            "bias axis '" + c + "' is not in the output '" + this.equation.output() + "'");
      }
    }
  }

  /** The input's axes not named by the equation (covered by {@code ...}). */
  private int elided(Shape input) {
    int n = input.rank() - equation.input().length();
    if (n < 0) {
      throw new ShapeException(
          "equation '"
              + equationText
              + "' names "
              + equation.input().length()
              + " input axes, the input "
              + input
              + " has "
              + input.rank());
    }
    return n;
  }

  /**
   * The full output shape as Keras derives it: the batch axis, then {@code output_shape}, with
   * elided axes put back (leading ones inserted one by one at position 1, as Keras does).
   */
  private List<Long> fullOutput(Shape input) {
    int elided = elided(input);
    List<Long> out = new ArrayList<>(partialOutput);
    out.add(0, input.dim(0));
    if (elided > 0 && equation.leftElided()) {
      for (int i = 1; i < elided; i++) {
        out.add(1, input.dim(i));
      }
    } else if (elided > 0) {
      for (int i = input.rank() - elided; i < input.rank(); i++) {
        out.add(input.dim(i));
      }
    }
    return out;
  }

  /** Keras inserts leading elided axes in reverse order; computed, they keep the input's order. */
  /**
   * The product of the kernel axes that are also output axes: a kernel of that many elements is one
   * output element's contraction times this.
   */
  public long kernelOutputSize(Shape kernel) {
    long n = 1;
    String axes = equation.weight();
    for (int i = 0; i < axes.length() && i < kernel.rank(); i++) {
      if (equation.output().indexOf(axes.charAt(i)) >= 0) {
        n = io.modelaudit.ir.Checked.multiply(n, kernel.dim(i));
      }
    }
    return n;
  }

  @Override
  public List<String> caveats(List<Shape> inputs) {
    Shape input = LayerKind.single(inputs);
    int elided = elided(input);
    if (!equation.leftElided() || elided < 3) {
      return List.of();
    }
    List<Long> real = new ArrayList<>(input.subShape(0, elided).dims());
    real.addAll(partialOutput);
    Shape symbolic = Shape.of(fullOutput(input));
    return symbolic.equals(Shape.of(real))
        ? List.of()
        : List.of(
            "Keras declares the output as " + symbolic + "; computed it is " + Shape.of(real));
  }

  /** Letter → axis of the input. */
  private Map<Character, Integer> inputAxes(Shape input) {
    int elided = elided(input);
    Map<Character, Integer> map = new HashMap<>();
    String spec = equation.input();
    for (int i = 0; i < spec.length(); i++) {
      map.put(spec.charAt(i), equation.leftElided() ? i + elided : i);
    }
    return map;
  }

  /** Letter → axis of the full output. */
  private Map<Character, Integer> outputAxes(Shape input, List<Long> out) {
    int offset = equation.leftElided() ? elided(input) : 0;
    Map<Character, Integer> map = new HashMap<>();
    String spec = equation.output();
    for (int i = 0; i < spec.length(); i++) {
      int axis = i + offset;
      if (axis >= out.size()) {
        throw new ShapeException(
            "output_shape "
                + partialOutput
                + " is too short for the output '"
                + spec
                + "' of '"
                + equationText
                + "'");
      }
      map.put(spec.charAt(i), axis);
    }
    return map;
  }

  @Override
  protected Shape output(Shape input) {
    List<Long> out = fullOutput(input);
    Map<Character, Integer> in = inputAxes(input);
    Map<Character, Integer> outAxes = outputAxes(input, out);
    for (Map.Entry<Character, Integer> e : in.entrySet()) {
      Integer o = outAxes.get(e.getKey());
      Long inDim = input.dim(e.getValue());
      if (o != null && out.get(o) != null && inDim != null && !out.get(o).equals(inDim)) {
        throw new ShapeException(
            "axis '"
                + e.getKey()
                + "' is "
                + inDim
                + " in the input "
                + input
                + " and "
                + out.get(o)
                + " in output_shape");
      }
    }
    for (char c : equation.output().toCharArray()) {
      if (!in.containsKey(c) && equation.weight().indexOf(c) < 0) {
        throw new ShapeException(
            "output axis '"
                + c
                + "' of '"
                + equationText
                + "' is neither in the input nor in the weight");
      }
    }
    return Shape.of(out);
  }

  /** The kernel's shape, letter by letter. */
  private Shape kernelShape(Shape input) {
    List<Long> out = fullOutput(input);
    Map<Character, Integer> in = inputAxes(input);
    Map<Character, Integer> outAxes = outputAxes(input, out);
    List<Long> dims = new ArrayList<>();
    for (char c : equation.weight().toCharArray()) {
      Long d;
      if (outAxes.containsKey(c)) {
        d = out.get(outAxes.get(c));
      } else if (in.containsKey(c)) {
        d = input.dim(in.get(c));
      } else {
        throw new ShapeException(
            "weight axis '"
                + c
                + "' of '"
                + equationText
                + "' is neither in the input nor in the output");
      }
      if (d == null) {
        throw new UnknownDimensionException(
            "kernel axis '" + c + "' of '" + equationText + "' is unknown for input " + input);
      }
      dims.add(d);
    }
    return Shape.of(dims);
  }

  /** The bias shape, or null without a bias. */
  private Shape biasShape(Shape input) {
    if (biasAxes == null) {
      return null;
    }
    List<Long> out = fullOutput(input);
    Map<Character, Integer> outAxes = outputAxes(input, out);
    String spec = equation.output();
    int first = spec.length();
    for (char c : biasAxes.toCharArray()) {
      first = Math.min(first, spec.indexOf(c));
    }
    List<Long> dims = new ArrayList<>();
    for (char c : spec.substring(first).toCharArray()) {
      Long d = biasAxes.indexOf(c) >= 0 ? out.get(outAxes.get(c)) : Long.valueOf(1);
      if (d == null) {
        throw new UnknownDimensionException(
            "bias axis '" + c + "' of '" + equationText + "' is unknown for input " + input);
      }
      dims.add(d);
    }
    if (!equation.leftElided()) {
      for (int i = 0; i < elided(input); i++) {
        dims.add(1L);
      }
    }
    return Shape.of(dims);
  }

  @Override
  protected List<WeightSpec> weights(Shape input) {
    Shape kernel = kernelShape(input);
    List<WeightSpec> w = new ArrayList<>();
    w.add(LoRA.kernel("kernel", kernel, loraRank));
    Shape bias = biasShape(input);
    if (bias != null) {
      w.add(WeightSpec.trainable("bias", bias));
    }
    if (kernel.rank() > 0) {
      w.addAll(
          LoRA.factors(
              "lora_kernel", kernel.subShape(0, kernel.rank() - 1), kernel.dim(-1), loraRank));
    }
    return w;
  }
}
