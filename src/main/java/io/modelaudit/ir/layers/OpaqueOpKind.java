package io.modelaudit.ir.layers;

import io.modelaudit.ir.LayerKind;
import io.modelaudit.ir.Shape;
import io.modelaudit.ir.UnknownDimensionException;
import java.util.List;

/**
 * A layer that runs code the audit does not interpret: Keras {@code Lambda} (whose Python code the
 * file may carry as marshalled bytecode, never decoded), tf.keras op layers and Keras 3 operation
 * nodes. Its outputs are unknown and its weights are not derived: the walker reports it unverified
 * and goes on with unknown shapes.
 *
 * @param reason why the layer is opaque, for the report
 */
public record OpaqueOpKind(String reason) implements LayerKind {

  @Override
  public List<Shape> outputShapes(List<Shape> inputs) {
    throw new UnknownDimensionException(reason);
  }
}
