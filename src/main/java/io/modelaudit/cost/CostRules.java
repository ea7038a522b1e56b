package io.modelaudit.cost;

import io.modelaudit.ir.DimensionOverflowException;
import io.modelaudit.ir.LayerKind;
import io.modelaudit.ir.ShapeException;
import io.modelaudit.ir.UnknownDimensionException;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Every layer kind's cost rule, registered by family. A kind without a rule has an unknown cost
 * that says so; {@code CostRulesTest} keeps every kind the importers bind covered.
 */
public final class CostRules {

  /** Where each family registers its rules. */
  static final class Registry {
    private final Map<Class<?>, CostRule<?>> rules = new HashMap<>();

    <K extends LayerKind> void add(Class<K> kind, CostRule<K> rule) {
      if (rules.put(kind, rule) != null) {
        throw new IllegalStateException("two cost rules for " + kind.getSimpleName());
      }
    }
  }

  private static final Map<Class<?>, CostRule<?>> RULES;

  static {
    Registry r = new Registry();
    ConvolutionCosts.register(r);
    LinearCosts.register(r);
    RecurrentCosts.register(r);
    AttentionCosts.register(r);
    NormalizationCosts.register(r);
    ElementwiseCosts.register(r);
    StructuralCosts.register(r);
    RULES = Map.copyOf(r.rules);
  }

  private CostRules() {}

  /** The kinds that have a cost rule. */
  public static Set<Class<?>> covered() {
    return RULES.keySet();
  }

  /**
   * The cost of one call; unknown (with the reason) when a dimension it needs is unknown or the
   * kind has no rule.
   */
  public static LayerCost cost(CostQuery query) {
    LayerKind kind = query.kind();
    CostRule<?> rule = RULES.get(kind.getClass());
    if (rule == null) {
      return LayerCost.unknown("no cost rule for " + kind.getClass().getSimpleName());
    }
    try {
      return apply(rule, kind, query);
    } catch (UnknownDimensionException e) {
      return LayerCost.unknown(e.getMessage() + " (--input-shape can fix it)");
    } catch (ShapeException e) {
      return LayerCost.unknown(e.getMessage());
    } catch (DimensionOverflowException e) {
      return LayerCost.unknown("the count does not fit in 64 bits");
    }
  }

  @SuppressWarnings("unchecked")
  private static <K extends LayerKind> LayerCost apply(
      CostRule<K> rule, LayerKind kind, CostQuery query) {
    return rule.cost((K) kind, query);
  }
}
