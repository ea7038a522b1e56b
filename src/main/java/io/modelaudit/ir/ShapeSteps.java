package io.modelaudit.ir;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * The steps a shape rule takes, written by the rule itself while it computes ({@code --explain}):
 * the window arithmetic writes {@code ⌊(32 − 5) / 1⌋ + 1 = 28 (valid, stride 1)} as it computes 28,
 * a Dense writes {@code units = 10 replaces the last axis}. The graph walker {@link #capture
 * captures} them around each call of a rule; outside a capture, {@link #add} does nothing and
 * builds no text.
 *
 * <p>A rule that records nothing is described by {@link #generic}, from its inputs and outputs.
 */
public final class ShapeSteps {
  private static final ThreadLocal<List<String>> ACTIVE = new ThreadLocal<>();

  private ShapeSteps() {}

  /** A rule's result and the steps it recorded. */
  public record Captured<T>(T value, List<String> steps) {}

  /** Runs {@code rule}, collecting the steps it records (nested captures collect their own). */
  public static <T> Captured<T> capture(Supplier<T> rule) {
    List<String> outer = ACTIVE.get();
    List<String> steps = new ArrayList<>();
    ACTIVE.set(steps);
    try {
      return new Captured<>(rule.get(), List.copyOf(steps));
    } finally {
      if (outer == null) {
        ACTIVE.remove();
      } else {
        ACTIVE.set(outer);
      }
    }
  }

  /** Records one step when a capture is running; {@code step} is not called otherwise. */
  public static void add(Supplier<String> step) {
    List<String> steps = ACTIVE.get();
    if (steps != null) {
      steps.add(step.get());
    }
  }

  /**
   * Runs {@code rule} and records the steps it records under {@code label} (e.g. {@code axis 1}),
   * so that a rule applied per axis says which axis each step is about.
   */
  public static <T> T labelled(String label, Supplier<T> rule) {
    List<String> steps = ACTIVE.get();
    if (steps == null) {
      return rule.get();
    }
    Captured<T> inner = capture(rule);
    inner.steps().forEach(s -> steps.add(label + ": " + s));
    return inner.value();
  }

  /**
   * An honest description of a rule that recorded no steps: what it did, seen from its inputs and
   * outputs.
   */
  public static String generic(List<Shape> inputs, List<Shape> outputs) {
    if (outputs == null || outputs.isEmpty()) {
      return null;
    }
    if (!inputs.isEmpty() && outputs.stream().allMatch(o -> o != null && o.equals(inputs.get(0)))) {
      return inputs.size() == 1 ? "same shape as the input" : "same shape as the first input";
    }
    return "no step-by-step account for this rule: " + shapes(inputs) + " → " + shapes(outputs);
  }

  /** Shapes as the summary shows them, several in brackets. */
  public static String shapes(List<Shape> shapes) {
    if (shapes.size() == 1) {
      return String.valueOf(shapes.get(0));
    }
    List<String> parts = new ArrayList<>();
    shapes.forEach(s -> parts.add(String.valueOf(s)));
    return "[" + String.join(", ", parts) + "]";
  }

  /** The dims multiplied, as {@code 4·4·16}. */
  public static String product(Shape shape) {
    List<String> parts = new ArrayList<>();
    shape.dims().forEach(d -> parts.add(dim(d)));
    return String.join("·", parts);
  }

  /** A dim as the summary shows it: the number, or None. */
  public static String dim(Long d) {
    return d == null ? "None" : String.valueOf(d);
  }
}
