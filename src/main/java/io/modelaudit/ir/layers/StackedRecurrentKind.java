package io.modelaudit.ir.layers;

import io.modelaudit.ir.Formulas;
import io.modelaudit.ir.LayerKind;
import io.modelaudit.ir.Shape;
import io.modelaudit.ir.ShapeException;
import io.modelaudit.ir.WeightBucket;
import io.modelaudit.ir.WeightSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The generic Keras RNN layer over StackedRNNCells (or a list of cells): each cell runs on the
 * previous one's output, so a cell's kernel takes the previous cell's units. The output is the last
 * cell's; the states are every cell's, in order.
 */
public final class StackedRecurrentKind implements LayerKind {

  /**
   * One cell of the stack.
   *
   * @param name the cell's name in the configuration, which names its weights
   * @param storageBase the name a {@code .keras} archive gives the cell before numbering ({@code
   *     lstm_cell})
   * @param rule the cell run alone over a sequence, returning its output and states
   * @param weightCount how many weights the cell declares
   * @param frozen the cell is not trainable ({@code trainable: false} on it)
   */
  public record StackedCell(
      String name, String storageBase, RecurrentKind rule, int weightCount, boolean frozen) {}

  private final List<StackedCell> cells;
  private final boolean returnSequences;
  private final boolean returnState;

  public StackedRecurrentKind(
      List<StackedCell> cells, boolean returnSequences, boolean returnState) {
    if (cells.isEmpty()) {
      throw new io.modelaudit.ir.InvalidConfigException("a stack of no cells");
    }
    this.cells = List.copyOf(cells);
    this.returnSequences = returnSequences;
    this.returnState = returnState;
  }

  private static Shape sequence(List<Shape> inputs) {
    if (inputs.isEmpty() || inputs.get(0).rank() != 3) {
      throw new ShapeException(
          "a recurrent layer expects (batch, time, features), got "
              + (inputs.isEmpty() ? "no input" : inputs.get(0)));
    }
    return inputs.get(0);
  }

  @Override
  public List<Shape> outputShapes(List<Shape> inputs) {
    Shape in = sequence(inputs);
    List<Shape> states = new ArrayList<>();
    Shape step = in;
    Shape last = null;
    for (StackedCell c : cells) {
      List<Shape> out = c.rule().outputShapes(List.of(step));
      last = out.get(0);
      states.addAll(out.subList(1, out.size()));
      step = Shape.of(in.dim(0), in.dim(1), last.dim(-1));
    }
    List<Shape> result = new ArrayList<>();
    result.add(returnSequences ? step : last);
    if (returnState) {
      result.addAll(states);
    }
    return result;
  }

  @Override
  public List<WeightSpec> weights(List<Shape> inputs) {
    Shape step = sequence(inputs);
    List<WeightSpec> w = new ArrayList<>();
    for (StackedCell c : cells) {
      for (WeightSpec s : c.rule().weights(List.of(step))) {
        WeightSpec named = s.renamed(c.name() + "/");
        w.add(c.frozen() ? named.withBucket(WeightBucket.NON_TRAINABLE) : named);
      }
      Shape out = c.rule().outputShapes(List.of(step)).get(0);
      step = Shape.of(step.dim(0), step.dim(1), out.dim(-1));
    }
    return w;
  }

  /**
   * An archive names the cells after their classes ({@code lstm_cell}, {@code lstm_cell_1}, … in
   * stack order) and lists them by that name.
   */
  @Override
  public List<WeightSpec> archiveOrder(List<WeightSpec> weights) {
    Map<String, Integer> numbered = new java.util.HashMap<>();
    TreeMap<String, List<WeightSpec>> byStorageName = new TreeMap<>();
    int at = 0;
    for (StackedCell c : cells) {
      int n = numbered.merge(c.storageBase(), 1, Integer::sum) - 1;
      String storage = n == 0 ? c.storageBase() : c.storageBase() + "_" + n;
      int end = Math.min(weights.size(), at + c.weightCount());
      byStorageName.put(storage, weights.subList(at, end));
      at = end;
    }
    List<WeightSpec> out = new ArrayList<>();
    byStorageName.values().forEach(out::addAll);
    out.addAll(weights.subList(at, weights.size()));
    return out;
  }

  @Override
  public String formula(List<Shape> inputs, List<WeightSpec> weights) {
    Shape step = sequence(inputs);
    List<String> parts = new ArrayList<>();
    for (StackedCell c : cells) {
      List<WeightSpec> own = c.rule().weights(List.of(step));
      parts.add(c.name() + " [" + c.rule().formula(List.of(step), own) + "]");
      Shape out = c.rule().outputShapes(List.of(step)).get(0);
      step = Shape.of(step.dim(0), step.dim(1), out.dim(-1));
    }
    return String.join(" + ", parts) + " = " + Formulas.number(Formulas.total(weights));
  }
}
