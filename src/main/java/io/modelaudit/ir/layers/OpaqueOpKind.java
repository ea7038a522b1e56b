package io.modelaudit.ir.layers;

import io.modelaudit.ir.LayerKind;
import io.modelaudit.ir.Shape;
import io.modelaudit.ir.UnknownDimensionException;
import java.util.List;

/**
 * A layer that runs code the audit does not interpret: Keras {@code Lambda} (whose Python code the
 * file may carry as marshalled bytecode, never decoded), tf.keras op layers, Keras 3 operation
 * nodes, and layers wrapping another framework's module (JaxLayer, TorchModuleWrapper …). Its
 * outputs are unknown: the walker reports it unverified and goes on with unknown shapes (or the
 * ones the file records).
 *
 * @param reason why the layer is opaque, for the report
 * @param weightless true for code layers, which cannot own weights (a Lambda, an op): their count
 *     is known to be 0; false when the wrapped code owns weights we cannot derive
 */
public record OpaqueOpKind(String reason, boolean weightless) implements LayerKind {

  public OpaqueOpKind(String reason) {
    this(reason, false);
  }

  /** A code layer or operation node: no weights of its own. */
  public static OpaqueOpKind code(String reason) {
    return new OpaqueOpKind(reason, true);
  }

  @Override
  public List<Shape> outputShapes(List<Shape> inputs) {
    throw new UnknownDimensionException(reason);
  }
}
