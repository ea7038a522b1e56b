package io.modelaudit.audit;

import io.modelaudit.formats.ModelFileException;
import io.modelaudit.ir.Layer;
import io.modelaudit.ir.ModelGraph;
import io.modelaudit.ir.Shape;
import io.modelaudit.ir.TensorRef;
import io.modelaudit.ir.layers.InputKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Checks {@code --input-shape} values against a model: each names one of its inputs, has the
 * input's rank, and only fixes dims the file leaves unknown (a dim the file fixes must agree).
 */
final class InputShapeOverrides {
  private InputShapeOverrides() {}

  static void check(ModelGraph graph, Map<String, Shape> overrides) {
    List<String> inputNames = new ArrayList<>();
    graph.inputs().stream().map(TensorRef::layer).forEach(inputNames::add);
    for (Map.Entry<String, Shape> e : overrides.entrySet()) {
      String name = e.getKey();
      Shape given = e.getValue();
      Layer input = graph.layer(name);
      if (input == null || !inputNames.contains(name) || !(input.kind() instanceof InputKind)) {
        throw new ModelFileException(
            "bad_input_shape",
            "--input-shape names '" + name + "', but the model's inputs are " + inputNames);
      }
      Shape declared = ((InputKind) input.kind()).batchShape();
      if (declared == null) {
        continue;
      }
      if (declared.rank() != given.rank()) {
        throw new ModelFileException(
            "bad_input_shape",
            "--input-shape "
                + name
                + " has "
                + given.rank()
                + " dims, the input is declared as "
                + declared
                + " ("
                + declared.rank()
                + " dims, batch included)");
      }
      for (int i = 0; i < given.rank(); i++) {
        if (declared.dim(i) != null
            && given.dim(i) != null
            && !declared.dim(i).equals(given.dim(i))) {
          throw new ModelFileException(
              "bad_input_shape",
              "--input-shape "
                  + name
                  + " gives "
                  + given
                  + ", but the file fixes the input to "
                  + declared);
        }
      }
    }
  }
}
