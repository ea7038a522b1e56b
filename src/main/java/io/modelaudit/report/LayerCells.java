package io.modelaudit.report;

import io.modelaudit.ir.Formulas;
import io.modelaudit.ir.Shape;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A layer's values as the Markdown, CSV and HTML reports print them, in one place so that the three
 * formats agree. A further per-layer field shown by all of them is one more line in {@link
 * #explanations}.
 */
public final class LayerCells {
  private LayerCells() {}

  /** The first call's output shapes, e.g. {@code (None, 28, 28, 6)}; "?" when unknown. */
  public static String outputShapes(LayerReport l) {
    return shapes(l.outputShapes());
  }

  /** Shapes joined with "; ", each "?" when unknown; "?" for an unknown list. */
  public static String shapes(List<Shape> shapes) {
    if (shapes == null) {
      return "?";
    }
    return shapes.stream()
        .map(s -> s == null ? "?" : s.toString())
        .collect(Collectors.joining("; "));
  }

  /** How many times the layer is called, 1 unless it is shared. */
  public static int callCount(LayerReport l) {
    return l.calls() == null ? 1 : l.calls().size();
  }

  /** Our count with thousands separators, "*" when it is the stored count, "?" when unknown. */
  public static String params(LayerReport l) {
    if (l.params() == null) {
      return "?";
    }
    return Formulas.number(l.params()) + (isStoredCount(l) ? "*" : "");
  }

  public static boolean isStoredCount(LayerReport l) {
    return "stored".equals(l.paramsSource());
  }

  public static String number(Long n) {
    return n == null ? "" : Formulas.number(n);
  }

  /** One example's multiply-accumulates in the layer; "?" when unknown, "" when not computed. */
  public static String macs(LayerReport l) {
    if (l.cost() == null) {
      return "";
    }
    return l.cost().macs() == null ? "?" : Formulas.number(l.cost().macs());
  }

  /** The layer's MACs over the model's, e.g. {@code 12.3 %}; "" when unknown or none. */
  public static String share(LayerReport l) {
    if (l.cost() == null || l.cost().share() == null) {
      return "";
    }
    return FixedDecimals.of(100 * l.cost().share(), 1) + " %";
  }

  /** The layer's output memory for one example, e.g. {@code 1.606 MB}; "?" when unknown. */
  public static String activationBytes(LayerReport l) {
    if (l.cost() == null) {
      return "";
    }
    Long bytes = l.cost().activationBytes();
    return bytes == null ? "?" : CostText.bytes(bytes);
  }

  /**
   * The model's compute line ({@code Compute: 3.858 GMACs, ...}), or null when the report has no
   * cost.
   */
  /** The headers of the totals table, in the order of {@link #totals}. */
  public static final List<String> TOTALS_HEADERS =
      List.of("Total params", "Trainable", "Non-trainable", "Stored in the file");

  /** The cells of the totals table: the counts, and what the file stores. */
  public static List<String> totals(ModelReport.Totals t) {
    return List.of(
        Formulas.number(t.params()) + (t.complete() ? "" : " (incomplete)"),
        Formulas.number(t.trainable()),
        Formulas.number(t.nonTrainable()),
        t.stored() == null ? "nothing stored" : Formulas.number(t.stored()));
  }

  public static String compute(ModelReport m) {
    return m.totals() == null || m.totals().cost() == null
        ? null
        : CostText.summary(m.totals().cost());
  }

  /**
   * How our numbers for the layer were reached, as labelled lines: the parameter formula, then any
   * note. Empty when there is nothing to explain.
   */
  public static List<Explained> explanations(LayerReport l) {
    List<Explained> out = new ArrayList<>();
    add(out, "params", l.formula());
    add(out, "note", l.note());
    if (l.cost() != null) {
      add(out, "cost", l.cost().formula());
      add(out, "cost", l.cost().reason());
    }
    return out;
  }

  private static void add(List<Explained> out, String label, String text) {
    if (text != null && !text.isEmpty()) {
      out.add(new Explained(label, text));
    }
  }

  /** One line of explanation: what it explains ({@code params}, {@code note}) and the text. */
  public record Explained(String label, String text) {}

  /** The framework's name as people write it: "Keras", "DL4J"; others capitalised. */
  public static String frameworkName(ModelReport.Framework f) {
    String s = f.name();
    if ("dl4j".equals(s)) {
      return "DL4J";
    }
    return s == null || s.isEmpty() ? "" : Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }

  /** Whether the layer disagrees with a reference: the renderers mark these. */
  public static boolean mismatching(LayerReport l) {
    return LayerReport.MISMATCH.equals(l.status());
  }
}
