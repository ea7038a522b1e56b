package io.modelaudit.reference.recorded;

import io.modelaudit.compare.Finding;
import io.modelaudit.compare.Rule;
import io.modelaudit.infer.InferredGraph;
import io.modelaudit.infer.LayerInference;
import io.modelaudit.ir.Call;
import io.modelaudit.ir.RecordedShapes;
import io.modelaudit.ir.Shape;
import io.modelaudit.reference.Reference;
import io.modelaudit.reference.Subject;
import io.modelaudit.reference.Verdict;
import java.util.ArrayList;
import java.util.List;

/**
 * The shapes the framework itself computed and wrote into the file (Keras {@code build_config}
 * input shapes, Keras 3 {@code __keras_tensor__} argument shapes), set beside the input shapes we
 * infer for every call of every layer, nested ones included. A call whose input we could not infer
 * took the recorded shape instead (inference resumes from it); there is nothing to compare then.
 */
public final class RecordedReference implements Reference {
  public static final String ID = "recorded";

  @Override
  public String id() {
    return ID;
  }

  @Override
  public Verdict compare(Subject subject) {
    List<Finding> findings = new ArrayList<>();
    if (subject.inferred() != null) {
      compare(subject.inferred(), findings);
    }
    return new RecordedVerdict(findings);
  }

  private static void compare(InferredGraph graph, List<Finding> out) {
    for (LayerInference layer : graph.layers()) {
      List<Call> calls = layer.layer().calls();
      for (int c = 0; c < calls.size(); c++) {
        RecordedShapes recorded = calls.get(c).recorded();
        List<Shape> ours = layer.callInputs().get(c);
        if (!recorded.hasInputs() || ours == null || layer.inputSource(c) != null) {
          continue;
        }
        for (int i = 0; i < ours.size(); i++) {
          Shape theirs = recorded.input(i);
          Shape mine = ours.get(i);
          if (theirs != null && mine != null && !mine.isUnknown() && disagree(mine, theirs)) {
            out.add(
                Finding.of(
                    Rule.RECORDED_SHAPE_MISMATCH,
                    layer.path(),
                    ID,
                    mine.toString(),
                    theirs.toString(),
                    describe(calls.size(), c, ours.size(), i)
                        + ": we infer "
                        + mine
                        + ", the file records "
                        + theirs
                        + " ("
                        + recorded.inputSource()
                        + ")",
                    null));
          }
        }
      }
      if (layer.nested() != null) {
        compare(layer.nested(), out);
      }
    }
  }

  /** Another rank, or a dimension both know with another value. */
  static boolean disagree(Shape ours, Shape recorded) {
    if (ours.rank() != recorded.rank()) {
      return true;
    }
    for (int i = 0; i < ours.rank(); i++) {
      Long a = ours.dim(i);
      Long b = recorded.dim(i);
      if (a != null && b != null && !a.equals(b)) {
        return true;
      }
    }
    return false;
  }

  private static String describe(int calls, int call, int inputs, int input) {
    String what = inputs == 1 ? "input shape" : "input " + input + " shape";
    return calls == 1 ? what : what + " of call " + call;
  }
}
