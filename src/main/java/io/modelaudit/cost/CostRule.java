package io.modelaudit.cost;

import io.modelaudit.ir.LayerKind;

/**
 * The cost rule of one layer family: a pure function of the kind and the shapes of one call. A rule
 * that needs a dimension the shapes leave unknown throws {@link
 * io.modelaudit.ir.UnknownDimensionException}; the cost is then unknown, with that reason.
 */
@FunctionalInterface
public interface CostRule<K extends LayerKind> {
  LayerCost cost(K kind, CostQuery query);
}
