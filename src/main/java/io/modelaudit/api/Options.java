package io.modelaudit.api;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * How to audit: the same choices as the command line's options. Immutable: each {@code with...}
 * method returns a new instance.
 *
 * <pre>{@code
 * Options options = Options.defaults()
 *     .withReference(Reference.STORED)
 *     .withInputShape("input_1", 1L, 224L, 224L, 3L)
 *     .withTimeout(Duration.ofSeconds(30));
 * }</pre>
 */
public final class Options {
  /** The command line's default {@code --timeout}. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);

  // Deadlines are kept in nanoseconds, which a longer duration overflows.
  private static final Duration MAX_TIMEOUT = Duration.ofSeconds(Long.MAX_VALUE / 1_000_000_000L);

  private final Reference reference;
  private final Map<String, List<Long>> inputShapes;
  private final Duration timeout;
  private final Path architecture;

  private Options(
      Reference reference,
      Map<String, List<Long>> inputShapes,
      Duration timeout,
      Path architecture) {
    this.reference = reference;
    this.inputShapes = Collections.unmodifiableMap(new LinkedHashMap<>(inputShapes));
    this.timeout = timeout;
    this.architecture = architecture;
  }

  /**
   * The stored reference, no input shapes, a 60 s limit per file, the architecture found beside.
   */
  public static Options defaults() {
    return new Options(Reference.STORED, Map.of(), DEFAULT_TIMEOUT, null);
  }

  /** What to compare with ({@code --reference}). */
  public Options withReference(Reference value) {
    return new Options(
        Objects.requireNonNull(value, "reference"), inputShapes, timeout, architecture);
  }

  /**
   * Fixes a model input's unknown dims, batch included ({@code --input-shape NAME=DIMS}); a null
   * dim stays unknown. Replaces an earlier shape for the same input.
   */
  public Options withInputShape(String input, Long... dims) {
    Objects.requireNonNull(input, "input");
    List<Long> shape = Collections.unmodifiableList(new ArrayList<>(Arrays.asList(dims)));
    for (Long d : shape) {
      if (d != null && d < 0) {
        throw new IllegalArgumentException("a dim of " + input + " is negative: " + d);
      }
    }
    Map<String, List<Long>> shapes = new LinkedHashMap<>(inputShapes);
    shapes.put(input, shape);
    return new Options(reference, shapes, timeout, architecture);
  }

  /** How long reading one file may take ({@code --timeout}); positive. */
  public Options withTimeout(Duration value) {
    Objects.requireNonNull(value, "timeout");
    if (value.isNegative() || value.isZero() || value.compareTo(MAX_TIMEOUT) > 0) {
      throw new IllegalArgumentException(
          "the timeout must be positive and at most " + MAX_TIMEOUT.toSeconds() + " s: " + value);
    }
    return new Options(reference, inputShapes, value, architecture);
  }

  /**
   * The architecture JSON ({@code model.to_json()}) for weights-only Keras HDF5 files ({@code
   * --config}); null: looked for beside each such file.
   */
  public Options withArchitecture(Path value) {
    return new Options(reference, inputShapes, timeout, value);
  }

  public Reference reference() {
    return reference;
  }

  /** The fixed input shapes by input name, in the order given. */
  public Map<String, List<Long>> inputShapes() {
    return inputShapes;
  }

  public Duration timeout() {
    return timeout;
  }

  /** The architecture JSON for weights-only files, or null. */
  public Path architecture() {
    return architecture;
  }
}
