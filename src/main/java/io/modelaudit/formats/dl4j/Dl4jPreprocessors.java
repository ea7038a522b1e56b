package io.modelaudit.formats.dl4j;

import com.fasterxml.jackson.databind.JsonNode;
import io.modelaudit.ir.Shape;
import io.modelaudit.ir.layers.dl4j.Dl4jPreprocessorKind;
import io.modelaudit.ir.layers.dl4j.Dl4jPreprocessorKind.Op;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * DL4J InputPreProcessor classes → {@link Dl4jPreprocessorKind}, one line per class, each with the
 * network input it implies when it sits right after one.
 */
public final class Dl4jPreprocessors {
  /**
   * The network input a preprocessor implies, from its recorded sizes (0: not recorded) and its
   * layer's nIn.
   */
  public enum ImpliedInput {
    NONE("(from the layer)"),
    FEED_FORWARD_OF_SIZES("[mb, h·w·c]"),
    CNN_OF_SIZES("[mb, c, h, w] ([mb, h, w, c] when format is NHWC)"),
    VOLUME_OF_SIZES("[mb, c, d, h, w] ([mb, d, h, w, c] when ncdhw is false)"),
    RECORDED_INPUT("[mb, inputShape…]"),
    RNN_OF_DEPTH_AND_LENGTH("[mb, depth, tsLength]"),
    LAYER_INPUT_PERMUTED_BACK("the layer's input with the permutation undone"),
    RNN_OF_SIZES("[mb, h·w·c, T]"),
    RNN_OF_NIN("[mb, nIn, T]"),
    FEED_FORWARD_OF_NIN("[mb, nIn]"),
    FEED_FORWARD_OF_VOLUME("[mb, d·h·w·c]"),
    FIRST_OF_CHAIN("the first preprocessor's");

    private final String description;

    ImpliedInput(String description) {
      this.description = description;
    }

    public String description() {
      return description;
    }

    /**
     * The shape, or null for {@link #NONE}; {@code layerInput} is the input the layer takes (null
     * when its rank is open).
     */
    Shape shape(Dl4jArgs a, long nIn, Shape layerInput) {
      long depth = a.getLong("inputDepth", 0);
      long height = a.getLong("inputHeight", 0);
      long width = a.getLong("inputWidth", 0);
      long channels = a.getLong("numChannels", 0);
      switch (this) {
        case VOLUME_OF_SIZES:
          {
            Shape s = Shape.of(null, known(channels), known(depth), known(height), known(width));
            return a.getBool("ncdhw", a.getBool("isNCDHW", true))
                ? s
                : Shape.of(null, s.dim(2), s.dim(3), s.dim(4), s.dim(1));
          }
        case RECORDED_INPUT:
          {
            JsonNode recorded = a.get("inputShape");
            if (recorded == null || !recorded.isArray()) {
              return null;
            }
            List<Long> dims = new ArrayList<>();
            dims.add(null);
            for (long d : withoutMinibatch(a, "inputShape")) {
              dims.add(known(d));
            }
            return Shape.of(dims);
          }
        case RNN_OF_DEPTH_AND_LENGTH:
          return Shape.of(null, known(a.getLong("depth", 0)), known(a.getLong("tsLength", 0)));
        case LAYER_INPUT_PERMUTED_BACK:
          return layerInput == null
              ? null
              : unpermute(a.flatInts("permutationIndices"), layerInput);
        case FEED_FORWARD_OF_VOLUME:
          return Dl4jInputTypes.forRank(
              2, io.modelaudit.ir.Checked.multiply(depth, height * width * channels), false);
        case FEED_FORWARD_OF_SIZES:
          return Dl4jInputTypes.forRank(2, height * width * channels, false);
        case CNN_OF_SIZES:
          return "NHWC".equals(a.getString("format", "NCHW"))
              ? Shape.of(null, known(height), known(width), known(channels))
              : Shape.of(null, known(channels), known(height), known(width));
        case RNN_OF_SIZES:
          return Dl4jInputTypes.forRank(3, height * width * channels, false);
        case RNN_OF_NIN:
          return Dl4jInputTypes.forRank(3, nIn, false);
        case FEED_FORWARD_OF_NIN:
          return Dl4jInputTypes.forRank(2, nIn, false);
        default:
          return null;
      }
    }
  }

  private static Long known(long size) {
    return size > 0 ? size : null;
  }

  /**
   * The input that {@code axes} (with or without DL4J's minibatch axis 0 in front) permute into
   * {@code output}, or null when they do not fit it.
   */
  private static Shape unpermute(long[] axes, Shape output) {
    long[] full = axes;
    if (axes.length + 1 == output.rank()) {
      full = new long[output.rank()];
      System.arraycopy(axes, 0, full, 1, axes.length);
    }
    if (full.length != output.rank()) {
      return null;
    }
    Long[] dims = new Long[full.length];
    boolean[] used = new boolean[full.length];
    for (int i = 0; i < full.length; i++) {
      long a = full[i];
      if (a < 0 || a >= full.length || used[(int) a]) {
        return null;
      }
      used[(int) a] = true;
      dims[(int) a] = output.dim(i);
    }
    return Shape.of(dims);
  }

  /** A preprocessor's rule; {@code depth} is how deep it sits in composed preprocessors. */
  interface Rule {
    Dl4jPreprocessorKind read(Dl4jArgs a, int depth);
  }

  private record Binding(ImpliedInput input, String legacyName, Rule rule) {}

  private static final int MAX_DEPTH = 16;
  private static final Rule IDENTITY =
      (a, d) -> new Dl4jPreprocessorKind(Op.IDENTITY, new long[0], 0);
  private static final Map<String, Binding> BINDINGS = new HashMap<>();

  /**
   * Binds a class; {@code legacyName} is the key that names it in 0.5 – 1.0.0-alpha files, or null.
   */
  static void register(ImpliedInput input, String legacyName, Rule rule, String name) {
    BINDINGS.put(name, new Binding(input, legacyName, rule));
  }

  static {
    register(
        ImpliedInput.CNN_OF_SIZES,
        "cnnToFeedForward",
        (a, d) ->
            new Dl4jPreprocessorKind(
                "NHWC".equals(a.getString("format", "NCHW"))
                    ? Op.CNN_CHANNELS_LAST_TO_FEED_FORWARD
                    : Op.CNN_TO_FEED_FORWARD,
                hw(a),
                a.getLong("numChannels", 0)),
        "CnnToFeedForwardPreProcessor");
    register(
        ImpliedInput.VOLUME_OF_SIZES,
        null,
        (a, d) ->
            new Dl4jPreprocessorKind(
                a.getBool("ncdhw", a.getBool("isNCDHW", true))
                    ? Op.CNN3D_TO_FEED_FORWARD
                    : Op.CNN3D_CHANNELS_LAST_TO_FEED_FORWARD,
                new long[] {
                  a.getLong("inputDepth", 0),
                  a.getLong("inputHeight", 0),
                  a.getLong("inputWidth", 0)
                },
                a.getLong("numChannels", 0)),
        "Cnn3DToFeedForwardPreProcessor");
    register(
        ImpliedInput.FEED_FORWARD_OF_SIZES,
        "feedForwardToCnn",
        (a, d) ->
            new Dl4jPreprocessorKind(
                Op.FEED_FORWARD_TO_CNN, requiredHw(a), a.requireLong("numChannels")),
        "FeedForwardToCnnPreProcessor");
    register(
        ImpliedInput.CNN_OF_SIZES,
        "cnnToRnn",
        (a, d) ->
            new Dl4jPreprocessorKind(
                a.getBool(Dl4jTimeFolding.ONE_STEP, false) ? Op.CNN_TO_RNN_ONE_STEP : Op.CNN_TO_RNN,
                hw(a),
                a.getLong("numChannels", 0)),
        "CnnToRnnPreProcessor");
    register(
        ImpliedInput.RNN_OF_SIZES,
        "rnnToCnn",
        (a, d) ->
            new Dl4jPreprocessorKind(Op.RNN_TO_CNN, requiredHw(a), a.requireLong("numChannels")),
        "RnnToCnnPreProcessor");
    register(
        ImpliedInput.RNN_OF_NIN,
        "rnnToFeedForward",
        (a, d) -> new Dl4jPreprocessorKind(Op.RNN_TO_FEED_FORWARD, new long[0], 0),
        "RnnToFeedForwardPreProcessor");
    register(
        ImpliedInput.FEED_FORWARD_OF_NIN,
        "feedForwardToRnn",
        (a, d) ->
            new Dl4jPreprocessorKind(
                Op.FEED_FORWARD_TO_RNN,
                a.getBool(Dl4jTimeFolding.ONE_STEP, false) ? new long[] {1} : new long[0],
                0),
        "FeedForwardToRnnPreProcessor");
    register(
        ImpliedInput.CNN_OF_SIZES,
        null,
        (a, d) ->
            new Dl4jPreprocessorKind(Op.CNN_TO_FEED_FORWARD, hw(a), a.getLong("numChannels", 0)),
        "TensorFlowCnnToFeedForwardPreProcessor");
    register(
        ImpliedInput.FEED_FORWARD_OF_VOLUME,
        null,
        (a, d) ->
            new Dl4jPreprocessorKind(
                a.getBool("ncdhw", a.getBool("isNCDHW", true))
                    ? Op.FEED_FORWARD_TO_CNN3D
                    : Op.FEED_FORWARD_TO_CNN3D_CHANNELS_LAST,
                new long[] {
                  a.requireLong("inputDepth"),
                  a.requireLong("inputHeight"),
                  a.requireLong("inputWidth")
                },
                a.requireLong("numChannels")),
        "FeedForwardToCnn3DPreProcessor");
    register(
        ImpliedInput.RECORDED_INPUT,
        null,
        (a, d) -> new Dl4jPreprocessorKind(Op.RESHAPE, withoutMinibatch(a, "targetShape"), 0),
        "ReshapePreprocessor");
    register(
        ImpliedInput.LAYER_INPUT_PERMUTED_BACK,
        null,
        (a, d) -> new Dl4jPreprocessorKind(Op.PERMUTE, a.flatInts("permutationIndices"), 0),
        "PermutePreprocessor");
    register(
        ImpliedInput.RNN_OF_DEPTH_AND_LENGTH,
        null,
        (a, d) -> new Dl4jPreprocessorKind(Op.FLATTEN, new long[0], 0),
        "KerasFlattenRnnPreprocessor");
    register(ImpliedInput.NONE, "binomialSampling", IDENTITY, "BinomialSamplingPreProcessor");
    register(ImpliedInput.NONE, "unitVariance", IDENTITY, "UnitVarianceProcessor");
    register(
        ImpliedInput.NONE,
        "zeroMeanAndUnitVariance",
        IDENTITY,
        "ZeroMeanAndUnitVariancePreProcessor");
    register(ImpliedInput.NONE, "zeroMean", IDENTITY, "ZeroMeanPrePreProcessor");
    register(
        ImpliedInput.FIRST_OF_CHAIN,
        "composableInput",
        Dl4jPreprocessors::composable,
        "ComposableInputPreProcessor");
  }

  private Dl4jPreprocessors() {}

  /**
   * A registered class as the docs show it: the network input it implies and its legacy key (or
   * null).
   */
  public record Entry(ImpliedInput impliedInput, String legacyName) {}

  /** Every registered class name and its entry, sorted by name (for the generated docs). */
  public static SortedMap<String, Entry> entries() {
    SortedMap<String, Entry> out = new TreeMap<>();
    BINDINGS.forEach((name, b) -> out.put(name, new Entry(b.input(), b.legacyName())));
    return Collections.unmodifiableSortedMap(out);
  }

  /** Legacy keys → the class names they stand for (read by {@link Dl4jTyped}). */
  static Map<String, String> legacyNames() {
    Map<String, String> out = new HashMap<>();
    BINDINGS.forEach(
        (name, b) -> {
          if (b.legacyName() != null) {
            out.put(b.legacyName(), name);
          }
        });
    return out;
  }

  /** The preprocessor, or null for a JSON null; throws for a class without a rule. */
  static Dl4jPreprocessorKind read(JsonNode node, int depth) {
    Dl4jTyped t = Dl4jTyped.of(node, "preprocessor");
    if (t == null) {
      return null;
    }
    if (depth > MAX_DEPTH) {
      throw new Dl4jConfigException("preprocessors nested too deep");
    }
    Binding b = BINDINGS.get(t.name());
    if (b == null) {
      throw new Dl4jConfigException("input preprocessor " + t.name() + " has no rule");
    }
    return b.rule().read(new Dl4jArgs(t), depth);
  }

  /**
   * The network input a preprocessor right after it implies, or null when the layer decides; {@code
   * layerInput} is the input its layer takes (null when the layer's rank is open).
   *
   * @throws Dl4jConfigException when a recorded size is not an integer
   */
  static Shape networkInput(Dl4jTyped preprocessor, long nIn, Shape layerInput) {
    Dl4jArgs a = new Dl4jArgs(preprocessor);
    Binding b = BINDINGS.get(preprocessor.name());
    if (b != null && b.input() == ImpliedInput.FIRST_OF_CHAIN) {
      JsonNode list = a.get("inputPreProcessors");
      Dl4jTyped first =
          list != null && list.isArray() && list.size() > 0
              ? Dl4jTyped.of(list.get(0), "preprocessor")
              : null;
      // Only a single preprocessor sees the layer's own input.
      return first == null ? null : networkInput(first, nIn, list.size() == 1 ? layerInput : null);
    }
    return b == null ? null : b.input().shape(a, nIn, layerInput);
  }

  private static Dl4jPreprocessorKind composable(Dl4jArgs a, int depth) {
    JsonNode list = a.get("inputPreProcessors");
    List<Dl4jPreprocessorKind> chain = new ArrayList<>();
    if (list != null && list.isArray()) {
      for (int i = 0; i < list.size(); i++) {
        if (i + 1 < list.size() && unfoldsAgain(list.get(i), list.get(i + 1))) {
          i++;
          continue;
        }
        Dl4jPreprocessorKind k = read(list.get(i), depth + 1);
        if (k != null) {
          chain.add(k);
        }
      }
    }
    return Dl4jPreprocessorKind.compose(chain);
  }

  /**
   * RnnToFeedForward then FeedForwardToRnn in the same layout: DL4J folds the time steps into the
   * minibatch rows and unfolds them again, so the sequence, its length included, comes out as it
   * went in.
   */
  private static boolean unfoldsAgain(JsonNode first, JsonNode second) {
    Dl4jTyped a = Dl4jTyped.of(first, "preprocessor");
    Dl4jTyped b = Dl4jTyped.of(second, "preprocessor");
    return a != null
        && b != null
        && a.name().equals("RnnToFeedForwardPreProcessor")
        && b.name().equals("FeedForwardToRnnPreProcessor")
        && new Dl4jArgs(a)
            .getString("rnnDataFormat", "NCW")
            .equals(new Dl4jArgs(b).getString("rnnDataFormat", "NCW"));
  }

  /** A recorded shape, its minibatch axis dropped when {@code hasMiniBatchDimension} says so. */
  private static long[] withoutMinibatch(Dl4jArgs a, String field) {
    long[] shape = a.flatInts(field);
    return a.getBool("hasMiniBatchDimension", false) && shape.length > 0
        ? java.util.Arrays.copyOfRange(shape, 1, shape.length)
        : shape;
  }

  private static long[] hw(Dl4jArgs a) {
    return new long[] {a.getLong("inputHeight", 0), a.getLong("inputWidth", 0)};
  }

  private static long[] requiredHw(Dl4jArgs a) {
    return new long[] {a.requireLong("inputHeight"), a.requireLong("inputWidth")};
  }
}
