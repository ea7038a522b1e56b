package io.modelaudit.formats.keras;

import com.fasterxml.jackson.databind.JsonNode;
import io.modelaudit.ir.InvalidConfigException;
import io.modelaudit.ir.layers.DataFormat;
import io.modelaudit.ir.layers.Padding;
import java.util.ArrayList;
import java.util.List;

/**
 * Typed access to one layer's {@code config} object. Every getter takes the argument's names in all
 * Keras versions (e.g. {@code "filters", "nb_filter"}); the first one present wins.
 */
final class KerasArgs {
  private final JsonNode config;
  private final KerasCallFacts calls;

  KerasArgs(JsonNode config) {
    this(config, KerasCallFacts.NONE);
  }

  KerasArgs(JsonNode config, KerasCallFacts calls) {
    this.config =
        config == null ? com.fasterxml.jackson.databind.node.NullNode.getInstance() : config;
    this.calls = calls;
  }

  /** What the layer's calls say (call arguments that change the rule). */
  KerasCallFacts calls() {
    return calls;
  }

  /** True when {@code name} is written with the value null (which may differ from absent). */
  boolean isExplicitNull(String name) {
    JsonNode v = config.get(name);
    return v != null && v.isNull();
  }

  /** The first of {@code names} present with a non-null value, or null. */
  JsonNode get(String... names) {
    for (String n : names) {
      JsonNode v = config.get(n);
      if (v != null && !v.isNull()) {
        return v;
      }
    }
    return null;
  }

  boolean has(String... names) {
    return get(names) != null;
  }

  long requireLong(String... names) {
    JsonNode v = get(names);
    if (v == null) {
      throw new KerasConfigException("missing '" + names[0] + "'");
    }
    return asLong(v, names[0]);
  }

  long getLong(long dflt, String... names) {
    JsonNode v = get(names);
    return v == null ? dflt : asLong(v, names[0]);
  }

  int getInt(int dflt, String... names) {
    JsonNode v = get(names);
    return v == null ? dflt : asInt(v, names[0]);
  }

  boolean getBool(boolean dflt, String... names) {
    JsonNode v = get(names);
    return v == null ? dflt : v.asBoolean(dflt);
  }

  String getString(String dflt, String... names) {
    JsonNode v = get(names);
    return v == null ? dflt : v.asText();
  }

  /**
   * An int or a list of {@code n} ints (Keras accepts both for kernel sizes, strides, …); a single
   * value is repeated. Returns {@code dflt} repeated when absent.
   */
  long[] getTuple(int n, Long dflt, String... names) {
    JsonNode v = get(names);
    long[] out = new long[n];
    if (v == null) {
      if (dflt == null) {
        throw new KerasConfigException("missing '" + names[0] + "'");
      }
      java.util.Arrays.fill(out, dflt);
      return out;
    }
    if (v.isArray()) {
      if (v.size() == 1) {
        java.util.Arrays.fill(out, asLong(v.get(0), names[0]));
        return out;
      }
      if (v.size() != n) {
        throw new KerasConfigException(
            "'" + names[0] + "' has " + v.size() + " values, expected " + n);
      }
      for (int i = 0; i < n; i++) {
        out[i] = asLong(v.get(i), names[0]);
      }
      return out;
    }
    java.util.Arrays.fill(out, asLong(v, names[0]));
    return out;
  }

  /** Per-axis values given separately, e.g. Keras 1's {@code nb_row, nb_col}. */
  long[] getSeparate(String... names) {
    long[] out = new long[names.length];
    for (int i = 0; i < names.length; i++) {
      out[i] = requireLong(names[i]);
    }
    return out;
  }

  /** A list of integers; {@code null} entries only where {@code allowNull}. */
  List<Long> getLongList(boolean allowNull, String... names) {
    JsonNode v = get(names);
    if (v == null || !v.isArray()) {
      throw new KerasConfigException("'" + names[0] + "' must be a list");
    }
    List<Long> out = new ArrayList<>();
    for (JsonNode e : v) {
      if (e.isNull() && !allowNull) {
        throw new KerasConfigException("'" + names[0] + "' holds a null");
      }
      out.add(e.isNull() ? null : asLong(e, names[0]));
    }
    return out;
  }

  /** A single int, or a list of ints (e.g. axes). */
  List<Integer> getIntOrList(String name) {
    JsonNode v = get(name);
    List<Integer> out = new ArrayList<>();
    if (v == null) {
      return out;
    }
    if (v.isArray()) {
      v.forEach(e -> out.add(asInt(e, name)));
    } else {
      out.add(asInt(v, name));
    }
    return out;
  }

  /**
   * A single integer, or a list of them ({@code null} entries only where {@code allowNull}); null
   * when the argument is absent.
   */
  List<Long> getLongOrList(boolean allowNull, String name) {
    JsonNode v = get(name);
    if (v == null) {
      return null;
    }
    return v.isArray() ? getLongList(allowNull, name) : List.of(asLong(v, name));
  }

  /** {@code data_format} (Keras 2, 3) or {@code dim_ordering} (Keras 1: th, tf). */
  DataFormat dataFormat() {
    String f = getString("channels_last", "data_format", "dim_ordering");
    switch (f) {
      case "channels_first":
      case "th":
        return DataFormat.CHANNELS_FIRST;
      case "channels_last":
      case "tf":
        return DataFormat.CHANNELS_LAST;
      default:
        throw new KerasConfigException("unknown data format '" + f + "'");
    }
  }

  /** True for Keras 1 configurations written with Theano dimension ordering. */
  boolean theanoOrdering() {
    return "th".equals(getString("", "dim_ordering"));
  }

  Padding padding() {
    String p = getString("valid", "padding", "border_mode");
    try {
      return Padding.parse(p);
    } catch (InvalidConfigException e) {
      throw new KerasConfigException("unsupported padding '" + p + "'");
    }
  }

  /** An integer argument; a fraction, a string or a number beyond 64 bits is rejected. */
  static long asLong(JsonNode v, String name) {
    if (v.isIntegralNumber() && v.canConvertToLong()) {
      return v.asLong();
    }
    if (v.isFloatingPointNumber()
        && v.asDouble() == Math.rint(v.asDouble())
        && Math.abs(v.asDouble()) < 1e15) {
      return (long) v.asDouble();
    }
    throw new KerasConfigException(
        "'" + name + "' is not an integer: " + KerasGraphBuilder.quote(v.toString()));
  }

  static int asInt(JsonNode v, String name) {
    long l = asLong(v, name);
    if (l < Integer.MIN_VALUE || l > Integer.MAX_VALUE) {
      throw new KerasConfigException("'" + name + "' is out of range: " + l);
    }
    return (int) l;
  }
}
