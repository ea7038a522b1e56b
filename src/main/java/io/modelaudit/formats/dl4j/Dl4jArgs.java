package io.modelaudit.formats.dl4j;

import com.fasterxml.jackson.databind.JsonNode;
import io.modelaudit.ir.InvalidConfigException;
import io.modelaudit.ir.layers.dl4j.Dl4jConvolutionMode;
import java.util.Arrays;

/** Typed, strict access to the fields of one DL4J layer or vertex configuration. */
final class Dl4jArgs {
  private static final java.util.Set<String> CHANNELS_LAST =
      java.util.Set.of("NHWC", "NWC", "NDHWC");
  private final Dl4jTyped typed;

  Dl4jArgs(Dl4jTyped typed) {
    this.typed = typed;
  }

  Dl4jTyped typed() {
    return typed;
  }

  String className() {
    return typed.name();
  }

  JsonNode get(String name) {
    JsonNode v = typed.fields().get(name);
    return v == null || v.isNull() ? null : v;
  }

  long requireLong(String name) {
    JsonNode v = get(name);
    if (v == null) {
      throw new Dl4jConfigException("missing '" + name + "'");
    }
    return asLong(v, name);
  }

  /** nIn / nOut: lower-case {@code nin} / {@code nout} in every version; must be positive. */
  long size(String name) {
    long n = requireLong(name);
    if (n < 1) {
      throw new Dl4jConfigException("'" + name + "' is " + n + " (not set)");
    }
    return n;
  }

  long getLong(String name, long dflt) {
    JsonNode v = get(name);
    return v == null ? dflt : asLong(v, name);
  }

  boolean getBool(String name, boolean dflt) {
    JsonNode v = get(name);
    return v == null ? dflt : v.asBoolean(dflt);
  }

  String getString(String name, String dflt) {
    JsonNode v = get(name);
    return v == null ? dflt : v.asText();
  }

  /**
   * An int array of {@code n} values; a shorter array of 1 value is repeated (DL4J writes some 1D
   * sizes as one value, some as {@code [k, 1]}: then the first {@code n} values count).
   */
  long[] tuple(String name, int n, Long dflt) {
    JsonNode v = get(name);
    long[] out = new long[n];
    if (v == null) {
      if (dflt == null) {
        throw new Dl4jConfigException("missing '" + name + "'");
      }
      Arrays.fill(out, dflt);
      return out;
    }
    if (!v.isArray()) {
      Arrays.fill(out, asLong(v, name));
      return out;
    }
    if (v.size() == 1) {
      Arrays.fill(out, asLong(v.get(0), name));
      return out;
    }
    if (v.size() < n) {
      throw new Dl4jConfigException("'" + name + "' needs " + n + " values, has " + v.size());
    }
    for (int i = 0; i < n; i++) {
      out[i] = asLong(v.get(i), name);
    }
    return out;
  }

  /**
   * Every integer of a possibly nested array, flattened ({@code [[1, 1], [2, 2]]} → 1, 1, 2, 2).
   */
  long[] flatInts(String name) {
    JsonNode v = get(name);
    if (v == null) {
      throw new Dl4jConfigException("missing '" + name + "'");
    }
    java.util.List<Long> out = new java.util.ArrayList<>();
    flatten(v, name, out, 0);
    return out.stream().mapToLong(Long::longValue).toArray();
  }

  private static void flatten(JsonNode v, String name, java.util.List<Long> out, int depth) {
    if (v.isArray() && depth < 3) {
      for (JsonNode x : v) {
        flatten(x, name, out, depth + 1);
      }
    } else {
      out.add(asLong(v, name));
    }
  }

  Dl4jConvolutionMode convolutionMode() {
    try {
      return Dl4jConvolutionMode.parse(getString("convolutionMode", null));
    } catch (InvalidConfigException e) {
      throw new Dl4jConfigException(e.getMessage());
    }
  }

  /**
   * True when the layer's data format puts channels last (NHWC, NWC, NDHWC; DL4J 1.0.0-beta7+;
   * Upsampling3D says it with a boolean {@code ncdhw}).
   */
  boolean channelsLast() {
    JsonNode ncdhw = get("ncdhw");
    if (ncdhw != null && ncdhw.isBoolean()) {
      return !ncdhw.asBoolean();
    }
    // Convolution3D and Deconvolution3D also inherit ConvolutionLayer's cnn2dDataFormat (always
    // NCHW there); their own 3D dataFormat is the one that applies.
    JsonNode format3d = get("dataFormat");
    if (format3d != null
        && (format3d.asText().equals("NDHWC") || format3d.asText().equals("NCDHW"))) {
      return format3d.asText().equals("NDHWC");
    }
    for (String key :
        new String[] {"cnn2dDataFormat", "cnn2DFormat", "rnnDataFormat", "dataFormat", "format"}) {
      JsonNode v = get(key);
      if (v != null && v.isTextual()) {
        return CHANNELS_LAST.contains(v.asText());
      }
    }
    return false;
  }

  private static long asLong(JsonNode v, String name) {
    if (!v.canConvertToLong() || !v.isIntegralNumber()) {
      throw new Dl4jConfigException("'" + name + "' is not an integer: " + v);
    }
    return v.asLong();
  }
}
