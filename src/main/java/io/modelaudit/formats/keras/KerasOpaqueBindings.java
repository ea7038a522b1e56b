package io.modelaudit.formats.keras;

import io.modelaudit.ir.layers.OpaqueOpKind;

/**
 * Keras 3 layers that wrap another framework's code or a saved graph: {@code JaxLayer} and {@code
 * FlaxLayer} (a JAX function and its parameters), {@code TorchModuleWrapper} (a PyTorch module) and
 * {@code TFSMLayer} (a TensorFlow SavedModel). Their shapes and weights follow from code the file
 * does not describe, so they are opaque: unverified, with their stored variables listed and
 * counted.
 */
final class KerasOpaqueBindings {
  private KerasOpaqueBindings() {}

  static void registerAll() {
    wrapper("JaxLayer", "a JAX function");
    wrapper("FlaxLayer", "a Flax module");
    wrapper("TorchModuleWrapper", "a PyTorch module");
    wrapper("TFSMLayer", "a TensorFlow SavedModel");
  }

  private static void wrapper(String className, String wrapped) {
    OpaqueOpKind kind =
        new OpaqueOpKind(
            className
                + " wraps "
                + wrapped
                + " the audit does not interpret: its outputs are unknown, its stored variables"
                + " are counted as stored");
    KerasLayerBindings.register(OpaqueOpKind.class, a -> kind, className);
  }
}
