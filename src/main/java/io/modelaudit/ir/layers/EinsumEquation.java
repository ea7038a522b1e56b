package io.modelaudit.ir.layers;

import io.modelaudit.ir.ShapeException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An EinsumDense equation {@code input,weight->output} in one of the three forms Keras accepts:
 * {@code ab,bc->ac}, {@code ...b,bc->...c} (leading axes elided) and {@code ab...,bc->ac...}
 * (trailing axes elided).
 */
record EinsumEquation(String input, String weight, String output, boolean leftElided) {
  private static final Pattern PLAIN = Pattern.compile("([a-zA-Z]+),([a-zA-Z]+)->([a-zA-Z]+)");
  private static final Pattern LEFT = Pattern.compile("0([a-zA-Z]+),([a-zA-Z]+)->0([a-zA-Z]+)");
  private static final Pattern RIGHT = Pattern.compile("([a-zA-Z]{2,})0,([a-zA-Z]+)->([a-zA-Z]+)0");

  /** Like Keras, the equation only has to start with a supported form. */
  static EinsumEquation parse(String equation) {
    String s = equation.replace("...", "0");
    Matcher m = PLAIN.matcher(s);
    if (m.lookingAt()) {
      return new EinsumEquation(m.group(1), m.group(2), m.group(3), false);
    }
    m = LEFT.matcher(s);
    if (m.lookingAt()) {
      return new EinsumEquation(m.group(1), m.group(2), m.group(3), true);
    }
    m = RIGHT.matcher(s);
    if (m.lookingAt()) {
      return new EinsumEquation(m.group(1), m.group(2), m.group(3), false);
    }
    throw new ShapeException(
        "invalid einsum equation '"
            + equation
            + "': expected [X],[Y]->[Z], ...[X],[Y]->...[Z] or [X]...,[Y]->[Z]...");
  }
}
