package io.modelaudit.ir;

import java.util.List;

/**
 * A layer that runs other layers the file configures inside it (Bidirectional's forward and
 * backward layers, TimeDistributed's layer): {@code --expand-nested} shows them under it.
 */
public interface WrapperKind {

  /** The wrapped layers, as the file names them; empty when the file does not say. */
  List<Wrapped> wrapped();

  /** The inputs a wrapped layer is applied to, given the wrapper's. */
  List<Shape> innerInputs(List<Shape> inputs);

  /**
   * One wrapped layer.
   *
   * @param name its name in the file's configuration
   * @param className its class as written in the file
   * @param kind its rules
   */
  record Wrapped(String name, String className, LayerKind kind) {}
}
