package io.modelaudit.formats.dl4j;

import io.modelaudit.formats.BindingResult;
import io.modelaudit.ir.LayerKind;
import io.modelaudit.ir.layers.ConcatenateKind;
import io.modelaudit.ir.layers.ElementwiseMergeKind;
import io.modelaudit.ir.layers.FrozenKind;
import io.modelaudit.ir.layers.IdentityKind;
import io.modelaudit.ir.layers.dl4j.Dl4jAttentionKind;
import io.modelaudit.ir.layers.dl4j.Dl4jLastTimeStepKind;
import io.modelaudit.ir.layers.dl4j.Dl4jPreprocessorKind;
import io.modelaudit.ir.layers.dl4j.Dl4jVertexKind;
import io.modelaudit.ir.layers.dl4j.Dl4jWeightlessKind;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * DL4J ComputationGraph vertex classes → layer kinds, one line per class (simple class name). A
 * LayerVertex holds a layer configuration, bound by {@link Dl4jLayerBindings} instead.
 */
public final class Dl4jVertexBindings {
  /**
   * A registered vertex class as the docs show it.
   *
   * @param kind the kind its rule makes, or null for a vertex that holds a layer
   * @param layerField the field that holds its layer configuration, or null
   * @param networkInputField the field that names a network input the vertex reads besides its
   *     vertex inputs, or null
   */
  public record Entry(
      Class<? extends LayerKind> kind, String layerField, String networkInputField) {}

  private record Binding(Entry entry, Function<Dl4jArgs, ? extends LayerKind> rule) {}

  private static final Map<String, Binding> BINDINGS = new HashMap<>();

  /**
   * Binds class names to a rule; it throws {@link Dl4jConfigException} for a configuration it
   * cannot read.
   */
  static <K extends LayerKind> void register(
      Class<K> kind, Function<Dl4jArgs, ? extends K> rule, String... names) {
    register(new Entry(kind, null, null), rule, names);
  }

  private static void register(
      Entry entry, Function<Dl4jArgs, ? extends LayerKind> rule, String... names) {
    for (String n : names) {
      BINDINGS.put(n, new Binding(entry, rule));
    }
  }

  static {
    register(new Entry(null, "layerConf", null), a -> null, "LayerVertex");
    register(
        Dl4jWeightlessKind.class,
        a -> new Dl4jWeightlessKind(new ConcatenateKind((int) a.getLong("mergeAxis", 1))),
        "MergeVertex");
    register(
        Dl4jWeightlessKind.class,
        a ->
            new Dl4jWeightlessKind(
                a.getString("op", "Add").equals("Subtract")
                    ? new ElementwiseMergeKind(2, 2)
                    : new ElementwiseMergeKind(1, Integer.MAX_VALUE)),
        "ElementWiseVertex");
    register(
        Dl4jVertexKind.class,
        a -> Dl4jVertexKind.subset(a.requireLong("from"), a.requireLong("to")),
        "SubsetVertex");
    register(Dl4jVertexKind.class, a -> Dl4jVertexKind.stack(), "StackVertex");
    register(
        Dl4jVertexKind.class, a -> Dl4jVertexKind.reverseTimeSeries(), "ReverseTimeSeriesVertex");
    register(
        Dl4jVertexKind.class,
        a -> Dl4jVertexKind.unstack(a.requireLong("from"), a.requireLong("stackSize")),
        "UnstackVertex");
    register(
        Dl4jVertexKind.class, a -> Dl4jVertexKind.reshape(a.flatInts("newShape")), "ReshapeVertex");
    register(Dl4jVertexKind.class, a -> Dl4jVertexKind.l2(), "L2Vertex");
    register(Dl4jVertexKind.class, a -> Dl4jVertexKind.poolHelper(), "PoolHelperVertex");
    // The time length comes from the network input the vertex names: a data dependency DL4J's
    // vertexInputs do not list.
    register(
        new Entry(Dl4jVertexKind.class, null, "inputName"),
        a -> Dl4jVertexKind.duplicateToTimeSeries(),
        "DuplicateToTimeSeriesVertex");
    register(
        Dl4jLastTimeStepKind.class,
        a -> new Dl4jLastTimeStepKind(null, false),
        "LastTimeStepVertex");
    register(
        Dl4jWeightlessKind.class,
        a -> new Dl4jWeightlessKind(IdentityKind.INSTANCE),
        "ScaleVertex",
        "ShiftVertex",
        "L2NormalizeVertex");
    register(Dl4jPreprocessorKind.class, Dl4jVertexBindings::preprocessor, "PreprocessorVertex");
    register(FrozenKind.class, Dl4jVertexBindings::frozen, "FrozenVertex");
    register(
        Dl4jAttentionKind.class,
        a ->
            Dl4jAttentionKind.vertex(
                a.getLong("ninQueries", 0),
                a.getLong("ninKeys", 0),
                a.getLong("ninValues", 0),
                a.getLong("nout", 0),
                a.getLong("nheads", 1),
                a.getLong("headSize", 0),
                a.getBool("projectInput", true)),
        "AttentionVertex");
  }

  private Dl4jVertexBindings() {}

  /** Removes class names again (for a test that binds a class of its own). */
  static void unregister(String... names) {
    for (String n : names) {
      BINDINGS.remove(n);
    }
  }

  /** Every registered class name and its entry, sorted by name (for the generated docs). */
  public static SortedMap<String, Entry> entries() {
    SortedMap<String, Entry> out = new TreeMap<>();
    BINDINGS.forEach((name, b) -> out.put(name, b.entry()));
    return Collections.unmodifiableSortedMap(out);
  }

  /**
   * A vertex (other than one that holds a layer): bound, unsupported or invalid. A bug in a rule
   * propagates.
   */
  static BindingResult resolve(Dl4jTyped vertex) {
    return Dl4jLayerBindings.outcome(
        () -> kindFor(vertex), "no rule for graph vertex class " + vertex.qualified());
  }

  /** The field that holds the vertex's layer configuration, or null for a vertex without one. */
  static String layerField(Dl4jTyped vertex) {
    Binding b = BINDINGS.get(vertex.name());
    return b == null ? null : b.entry().layerField();
  }

  /** The field that names a network input the vertex also reads, or null. */
  static String networkInputField(Dl4jTyped vertex) {
    Binding b = BINDINGS.get(vertex.name());
    return b == null ? null : b.entry().networkInputField();
  }

  private static LayerKind kindFor(Dl4jTyped vertex) {
    Binding b = BINDINGS.get(vertex.name());
    return b == null ? null : b.rule().apply(new Dl4jArgs(vertex));
  }

  private static Dl4jPreprocessorKind preprocessor(Dl4jArgs a) {
    Dl4jPreprocessorKind p = Dl4jPreprocessors.read(a.get("preProcessor"), 0);
    if (p == null) {
      throw new Dl4jConfigException("PreprocessorVertex without a preprocessor");
    }
    return p;
  }

  /** A frozen vertex around one without a rule has no rule either. */
  private static FrozenKind frozen(Dl4jArgs a) {
    Dl4jTyped inner = Dl4jTyped.of(a.get("underlying"), "'underlying'");
    if (inner == null) {
      throw new Dl4jConfigException("FrozenVertex without 'underlying'");
    }
    LayerKind k = kindFor(inner);
    return k == null ? null : new FrozenKind(k);
  }
}
