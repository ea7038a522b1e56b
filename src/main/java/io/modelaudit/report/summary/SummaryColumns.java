package io.modelaudit.report.summary;

import static io.modelaudit.report.summary.SummaryColumn.Align.LEFT;
import static io.modelaudit.report.summary.SummaryColumn.Align.RIGHT;
import static io.modelaudit.report.summary.SummaryColumn.Shown.ALWAYS;
import static io.modelaudit.report.summary.SummaryColumn.Shown.FOR_GRAPHS;
import static io.modelaudit.report.summary.SummaryColumn.Shown.ON_REQUEST;

import io.modelaudit.ir.Formulas;
import io.modelaudit.ir.Shape;
import io.modelaudit.report.FixedDecimals;
import io.modelaudit.report.LayerCells;
import io.modelaudit.report.LayerReport;
import io.modelaudit.report.LayerReport.CallReport;
import io.modelaudit.report.LayerReport.WeightReport;
import io.modelaudit.report.ModelReport;
import io.modelaudit.report.TerminalText;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The registry of the text summary's columns, in the order the table shows them. {@code --columns}
 * names the optional ones; the others are always shown ({@code Connected to}: for models that are
 * not a chain, as Keras does).
 *
 * <p>To add a column, add one {@link #column} line to {@link #ALL} where it should appear: its
 * {@code --columns} name, header, alignment, when it is shown, whether long cells may be cut to fit
 * the terminal, and a function from the layer's {@link LayerReport} (and the {@link ModelReport},
 * for totals) to its lines. A value the column needs and the report lacks is added to {@code
 * LayerReport} first (from the audit, never recomputed here), so that JSON, Markdown and HTML can
 * show it too. The {@code --columns} help and the error for an unknown name list the names from
 * here; nothing else needs to change. Every cell goes through {@link TerminalText#escape} when it
 * holds text from the file.
 */
public final class SummaryColumns {
  /** Marks a layer verified from the input shape the file records instead of one we inferred. */
  public static final String RESUMED_MARK = "†";

  public static final List<SummaryColumn> ALL =
      List.of(
          column("layer", "Layer (type)", LEFT, ALWAYS, true, SummaryColumns::layer),
          column("input", "Input Shape", LEFT, ON_REQUEST, false, SummaryColumns::inputs),
          column("output", "Output Shape", LEFT, ALWAYS, false, SummaryColumns::outputs),
          column("kernel", "Weight Shapes", LEFT, ON_REQUEST, true, SummaryColumns::kernel),
          column("params", "Param #", RIGHT, ALWAYS, false, SummaryColumns::params),
          column(
              "trainable",
              "Trainable",
              RIGHT,
              ON_REQUEST,
              false,
              (l, m) -> one(count(l.trainable()))),
          column(
              "non_trainable",
              "Non-trainable",
              RIGHT,
              ON_REQUEST,
              false,
              (l, m) -> one(count(l.nonTrainable()))),
          column("share", "% of total", RIGHT, ON_REQUEST, false, SummaryColumns::share),
          column("dtype", "dtype", LEFT, ON_REQUEST, false, SummaryColumns::dtype),
          column("bytes", "Bytes", RIGHT, ON_REQUEST, false, SummaryColumns::bytes),
          column("macs", "MACs", RIGHT, ON_REQUEST, false, (l, m) -> one(LayerCells.macs(l))),
          column(
              "flops",
              "FLOPs",
              RIGHT,
              ON_REQUEST,
              false,
              (l, m) -> one(l.cost() == null ? "" : count(l.cost().flops()))),
          column("macs_share", "% of MACs", RIGHT, ON_REQUEST, false, SummaryColumns::macsShare),
          column(
              "activations",
              "Activations",
              RIGHT,
              ON_REQUEST,
              false,
              (l, m) -> one(LayerCells.activationBytes(l))),
          column("connected", "Connected to", LEFT, FOR_GRAPHS, true, SummaryColumns::connected),
          column("status", "Status", LEFT, ALWAYS, false, SummaryColumns::status),
          column("formula", "Formula", LEFT, ON_REQUEST, true, (l, m) -> one(safe(l.formula()))));

  private static final Map<String, SummaryColumn> BY_NAME = new LinkedHashMap<>();

  static {
    ALL.forEach(c -> BY_NAME.put(c.name(), c));
  }

  private SummaryColumns() {}

  private static SummaryColumn column(
      String name,
      String header,
      SummaryColumn.Align align,
      SummaryColumn.Shown shown,
      boolean shrinkable,
      SummaryColumn.Cells cells) {
    return new SummaryColumn(name, header, align, shown, shrinkable, cells);
  }

  /** Every name {@code --columns} takes, comma-separated. */
  public static String names() {
    return String.join(",", BY_NAME.keySet());
  }

  /**
   * The columns named in {@code list} (comma-separated, any case).
   *
   * @throws IllegalArgumentException naming the unknown column and the valid names
   */
  public static Set<String> parse(String list) {
    Set<String> out = new LinkedHashSet<>();
    for (String part : list.split(",", -1)) {
      String name = part.trim().toLowerCase(Locale.ROOT).replace('-', '_');
      if (!BY_NAME.containsKey(name)) {
        throw new IllegalArgumentException(
            "unknown column '" + part.trim() + "'; the columns are " + names());
      }
      out.add(name);
    }
    return out;
  }

  /** The columns the table of {@code model} shows when {@code requested} are asked for. */
  public static List<SummaryColumn> shown(Set<String> requested, ModelReport model) {
    boolean graph = !ModelShape.isChain(model);
    List<SummaryColumn> out = new ArrayList<>();
    for (SummaryColumn c : ALL) {
      boolean show =
          requested.contains(c.name()) || c.shown() == ALWAYS || (c.shown() == FOR_GRAPHS && graph);
      if (show) {
        out.add(c);
      }
    }
    return out;
  }

  private static List<String> layer(LayerReport l, ModelReport m) {
    return one("  ".repeat(l.depth()) + safe(l.name()) + " (" + safe(l.className()) + ")");
  }

  private static List<String> inputs(LayerReport l, ModelReport m) {
    if (l.calls() == null) {
      return one(shapes(l.inputShapes()));
    }
    return perCall(l, c -> shapes(c.inputShapes()));
  }

  /**
   * One line, with the number of calls when the layer is called several times with the same shapes;
   * one line per call when they differ.
   */
  private static List<String> outputs(LayerReport l, ModelReport m) {
    if (l.calls() == null) {
      return one(shapes(l.outputShapes()));
    }
    boolean same = l.calls().stream().allMatch(c -> sameShapes(c.outputShapes(), l.outputShapes()));
    if (same) {
      return one(shapes(l.outputShapes()) + "  ×" + l.calls().size() + " calls");
    }
    return perCall(l, c -> shapes(c.outputShapes()));
  }

  private static List<String> perCall(
      LayerReport l, java.util.function.Function<CallReport, String> f) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < l.calls().size(); i++) {
      out.add("call " + i + ": " + f.apply(l.calls().get(i)));
    }
    return out;
  }

  private static boolean sameShapes(List<Shape> a, List<Shape> b) {
    return a == null ? b == null : a.equals(b);
  }

  private static List<String> kernel(LayerReport l, ModelReport m) {
    List<String> parts = new ArrayList<>();
    for (WeightReport w : l.weights()) {
      Shape s = w.shape() != null ? w.shape() : w.storedShape();
      String name = w.name() != null ? w.name() : w.storedName();
      parts.add(safe(name) + " " + (s == null ? "?" : s.toString()));
    }
    return one(parts.isEmpty() ? "-" : String.join(", ", parts));
  }

  private static List<String> params(LayerReport l, ModelReport m) {
    return one(
        l.params() == null
            ? "?"
            : Formulas.number(l.params()) + ("stored".equals(l.paramsSource()) ? "*" : ""));
  }

  private static List<String> share(LayerReport l, ModelReport m) {
    if (l.params() == null || m.totals() == null || m.totals().params() == 0) {
      return one(l.params() == null ? "?" : "-");
    }
    double percent = 100.0 * l.params() / m.totals().params();
    return one(FixedDecimals.of(percent, 1) + "%");
  }

  /** The layer's share of one example's MACs; "?" when its cost is unknown. */
  private static List<String> macsShare(LayerReport l, ModelReport m) {
    if (l.cost() == null) {
      return one("");
    }
    if (l.cost().macs() == null) {
      return one("?");
    }
    return one(l.cost().share() == null ? "-" : LayerCells.share(l).replace(" %", "%"));
  }

  private static List<String> dtype(LayerReport l, ModelReport m) {
    Set<String> types = new LinkedHashSet<>();
    boolean unknown = false;
    for (WeightReport w : l.weights()) {
      if (w.storedShape() == null) {
        continue;
      }
      if (w.dtype() == null) {
        unknown = true;
      } else {
        types.add(safe(w.dtype()));
      }
    }
    if (unknown) {
      types.add("?");
    }
    return one(types.isEmpty() ? "-" : String.join("/", types));
  }

  private static List<String> bytes(LayerReport l, ModelReport m) {
    if (l.storedBytes() == null) {
      return one(l.storedParams() == null ? "-" : "?");
    }
    return one(ByteSizes.readable(l.storedBytes()));
  }

  private static final Pattern INDEXED = Pattern.compile("(.*)\\[(\\d+)]\\[(\\d+)]");

  /**
   * Keras' {@code name[node][tensor]} for each input tensor, one line per call. The report's
   * inbound names leave out {@code [0][0]}; a layer name that itself ends in {@code [i][j]} would
   * be read as indexed.
   */
  private static List<String> connected(LayerReport l, ModelReport m) {
    if (l.calls() == null) {
      return one(connections(l.inbound()));
    }
    return l.calls().stream().map(c -> connections(c.inbound())).collect(Collectors.toList());
  }

  private static String connections(List<String> inbound) {
    if (inbound == null || inbound.isEmpty()) {
      return "-";
    }
    List<String> out = new ArrayList<>();
    for (String ref : inbound) {
      Matcher indexed = INDEXED.matcher(ref);
      out.add(
          indexed.matches()
              ? safe(indexed.group(1)) + "[" + indexed.group(2) + "][" + indexed.group(3) + "]"
              : safe(ref) + "[0][0]");
    }
    return String.join(", ", out);
  }

  private static List<String> status(LayerReport l, ModelReport m) {
    return one(l.status() + (resumed(l) ? RESUMED_MARK : ""));
  }

  /** True when the layer was verified from the input shape the file records. */
  public static boolean resumed(LayerReport l) {
    return l.recorded() != null && l.recorded().resumed();
  }

  private static String count(Long n) {
    return n == null ? "?" : Formulas.number(n);
  }

  static String shapes(List<Shape> shapes) {
    if (shapes == null) {
      return "?";
    }
    String s =
        shapes.stream().map(x -> x == null ? "?" : x.toString()).collect(Collectors.joining(", "));
    return shapes.size() > 1 ? "[" + s + "]" : s;
  }

  private static List<String> one(String line) {
    return List.of(line == null ? "" : line);
  }

  private static String safe(String s) {
    return TerminalText.escape(s);
  }
}
