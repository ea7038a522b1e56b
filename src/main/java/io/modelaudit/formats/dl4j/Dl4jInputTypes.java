package io.modelaudit.formats.dl4j;

import com.fasterxml.jackson.databind.JsonNode;
import io.modelaudit.ir.Checked;
import io.modelaudit.ir.Shape;

/** Network input shapes: from a recorded InputType, or from the layer that consumes the input. */
final class Dl4jInputTypes {
  private Dl4jInputTypes() {}

  /** The shape a recorded InputType describes, or null when it cannot be read. */
  static Shape fromInputType(JsonNode node) {
    Dl4jTyped t;
    try {
      t = Dl4jTyped.of(node, "input type");
    } catch (Dl4jConfigException e) {
      return null;
    }
    if (t == null) {
      return null;
    }
    Dl4jArgs a = new Dl4jArgs(t);
    String n = t.name().toLowerCase();
    boolean last = a.channelsLast();
    if (n.contains("feedforward")) {
      return Shape.of(null, positive(a, "size"));
    }
    if (n.contains("recurrent")) {
      Long size = positive(a, "size");
      Long steps = positive(a, "timeSeriesLength");
      return last ? Shape.of(null, steps, size) : Shape.of(null, size, steps);
    }
    if (n.contains("convolutionalflat")) {
      Long h = positive(a, "height");
      Long w = positive(a, "width");
      Long c = a.get("depth") != null ? positive(a, "depth") : positive(a, "channels");
      return h == null || w == null || c == null
          ? Shape.of(null, null)
          : Shape.of(null, Checked.multiply(Checked.multiply(h, w), c));
    }
    if (n.contains("convolutional3d")) {
      Long c = positive(a, "channels");
      Shape s =
          Shape.of(null, c, positive(a, "depth"), positive(a, "height"), positive(a, "width"));
      return last ? Shape.of(null, s.dim(2), s.dim(3), s.dim(4), c) : s;
    }
    if (n.contains("convolutional")) {
      Long c = a.get("channels") != null ? positive(a, "channels") : positive(a, "depth");
      Long h = positive(a, "height");
      Long w = positive(a, "width");
      return last ? Shape.of(null, h, w, c) : Shape.of(null, c, h, w);
    }
    return null;
  }

  /**
   * An input of the given rank with {@code nIn} (0: unknown) on the channel axis, other sizes
   * unknown.
   */
  static Shape forRank(int rank, long nIn, boolean channelsLast) {
    Long[] dims = new Long[rank];
    if (nIn > 0) {
      dims[channelsLast ? rank - 1 : 1] = nIn;
    }
    return Shape.of(dims);
  }

  private static Long positive(Dl4jArgs a, String name) {
    JsonNode v = a.get(name);
    return v != null && v.isIntegralNumber() && v.asLong() > 0 ? v.asLong() : null;
  }
}
