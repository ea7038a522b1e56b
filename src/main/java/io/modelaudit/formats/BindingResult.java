package io.modelaudit.formats;

import io.modelaudit.ir.Call;
import io.modelaudit.ir.Layer;
import io.modelaudit.ir.LayerKind;
import java.util.List;

/**
 * What a registry makes of one layer configuration: a kind, no rule for it, or a configuration its
 * rule cannot read. Only the configuration exceptions a rule raises on purpose become {@link
 * Invalid}; any other exception is a bug in the rule and propagates.
 */
public sealed interface BindingResult {
  /** The class has a rule, and the rule read the configuration. */
  record Bound(LayerKind kind) implements BindingResult {}

  /** The class, or this configuration of it, has no rule. */
  record Unsupported(String why) implements BindingResult {}

  /** The rule for the class cannot read this configuration. */
  record Invalid(String why) implements BindingResult {}

  /** The layer of our graph this result stands for. */
  default Layer layer(String name, String className, List<Call> calls, String provenance) {
    if (this instanceof Bound b) {
      return Layer.of(name, className, b.kind(), calls, provenance);
    }
    if (this instanceof Unsupported u) {
      return Layer.unsupported(name, className, u.why(), calls, provenance);
    }
    return Layer.invalid(name, className, ((Invalid) this).why(), calls, provenance);
  }
}
