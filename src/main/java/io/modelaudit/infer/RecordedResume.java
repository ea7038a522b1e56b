package io.modelaudit.infer;

import io.modelaudit.ir.RecordedShapes;
import io.modelaudit.ir.Shape;
import java.util.ArrayList;
import java.util.List;

/**
 * Where inference resumes from the shapes the framework recorded: an input we could not infer
 * (after a Lambda, an op layer, a custom class) takes the recorded shape, and the unknown
 * dimensions of one we inferred take the recorded ones. Where both are known they are left alone:
 * comparing them is the recorded reference's job.
 */
final class RecordedResume {
  private RecordedResume() {}

  /**
   * The shape to go on with: {@code inferred} itself when nothing is recorded or nothing is missing
   * (the same object, so callers can tell), else a new shape.
   */
  static Shape resume(Shape inferred, Shape recorded) {
    if (recorded == null) {
      return inferred;
    }
    if (inferred == null || inferred.isUnknown()) {
      return recorded;
    }
    if (inferred.rank() != recorded.rank()) {
      return inferred;
    }
    List<Long> dims = new ArrayList<>();
    boolean filled = false;
    for (int i = 0; i < inferred.rank(); i++) {
      Long ours = inferred.dim(i);
      Long theirs = recorded.dim(i);
      filled |= ours == null && theirs != null;
      dims.add(ours != null ? ours : theirs);
    }
    return filled ? Shape.of(dims) : inferred;
  }

  /** An opaque layer's outputs: the recorded ones (a Lambda's output_shape), else unknown. */
  static List<Shape> outputs(RecordedShapes recorded, int count) {
    List<Shape> out = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      out.add(recorded.output(i));
    }
    return out;
  }
}
