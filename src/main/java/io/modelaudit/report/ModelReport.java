package io.modelaudit.report;

import io.modelaudit.compare.Explanation;
import io.modelaudit.compare.Finding;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The audit of one file.
 *
 * @param status ok, mismatch or error
 * @param error why the file could not be audited, or null
 * @param architecture the separate architecture file the model was read with, or null
 * @param dl4j what Deeplearning4j itself says about the file, or null when it was not asked
 * @param dl4jExplanations why DL4J's numbers differ from ours, by top-level layer name (also where
 *     the counts agree but DL4J counts them another way)
 */
public record ModelReport(
    String path,
    String format,
    Framework framework,
    String modelName,
    String status,
    ErrorInfo error,
    List<LayerReport> layers,
    Totals totals,
    List<Finding> findings,
    String architecture,
    Dl4jAnswer dl4j,
    Map<String, Explanation> dl4jExplanations) {

  public ModelReport {
    dl4jExplanations =
        dl4jExplanations == null
            ? Map.of()
            : Collections.unmodifiableMap(new LinkedHashMap<>(dl4jExplanations));
  }

  public static final String OK = "ok";
  public static final String MISMATCH = "mismatch";
  public static final String ERROR = "error";

  /** The framework that wrote the file, as the file says. */
  public record Framework(String name, String version, String backend) {}

  /**
   * {@code kind} is a stable identifier (not_found, not_a_model, corrupt, weights_only,
   * unsupported_format, internal).
   */
  public record ErrorInfo(String kind, String message) {}

  /**
   * Model totals. {@code params} adds our counts and, for layers we could not infer, the stored
   * ones ({@code unverified}: whether those train is unknown, so they are in neither {@code
   * trainable} nor {@code nonTrainable}); {@code complete} is false when any layer's count is not
   * ours. {@code stored} is what the file stores in all, or null when it stores no weights. {@code
   * bytes} is what the stored weights take with the element types the file records (Keras' "Total
   * params: 1,966 (7.68 KB)"), split by the trainable flag of the weight each stored tensor was
   * matched to; null when the file stores none or records no type for some of them.
   */
  public record Totals(
      long params,
      long trainable,
      long nonTrainable,
      long unverified,
      Long stored,
      boolean complete,
      Long bytes,
      Long trainableBytes,
      Long nonTrainableBytes,
      CostTotals cost) {
    public Totals(
        long params,
        long trainable,
        long nonTrainable,
        long unverified,
        Long stored,
        boolean complete) {
      this(params, trainable, nonTrainable, unverified, stored, complete, null, null, null);
    }

    public Totals(
        long params,
        long trainable,
        long nonTrainable,
        long unverified,
        Long stored,
        boolean complete,
        Long bytes,
        Long trainableBytes,
        Long nonTrainableBytes) {
      this(
          params,
          trainable,
          nonTrainable,
          unverified,
          stored,
          complete,
          bytes,
          trainableBytes,
          nonTrainableBytes,
          null);
    }

    /** These totals with one example's compute cost. */
    public Totals withCost(CostTotals value) {
      return new Totals(
          params,
          trainable,
          nonTrainable,
          unverified,
          stored,
          complete,
          bytes,
          trainableBytes,
          nonTrainableBytes,
          value);
    }

    /** These totals for a batch of {@code batchSize} examples. */
    public Totals withBatchSize(long batchSize) {
      return cost == null ? this : withCost(cost.withBatchSize(batchSize));
    }
  }

  /**
   * The model's compute cost for one example: the sums over the layers whose cost is known; {@code
   * unknownLayers} counts the others (then the sums are a lower bound).
   *
   * @param activationElements every layer's output elements added up (not the peak memory: a
   *     runtime frees activations it no longer needs)
   */
  public record CostTotals(
      long macs,
      long flops,
      long activationElements,
      long activationBytes,
      int unknownLayers,
      int unknownActivations,
      long batchSize) {
    public boolean complete() {
      return unknownLayers == 0;
    }

    /** Activation bytes of a batch of {@code batchSize} examples; null beyond 64 bits. */
    public Long batchActivationBytes() {
      return activationBytes > Long.MAX_VALUE / batchSize ? null : activationBytes * batchSize;
    }

    public CostTotals withBatchSize(long value) {
      return new CostTotals(
          macs,
          flops,
          activationElements,
          activationBytes,
          unknownLayers,
          unknownActivations,
          value);
    }
  }

  /** This report with other findings (the same ones, some suppressed). */
  public ModelReport withFindings(List<Finding> replaced) {
    return new ModelReport(
        path,
        format,
        framework,
        modelName,
        status,
        error,
        layers,
        totals,
        replaced,
        architecture,
        dl4j,
        dl4jExplanations);
  }

  /** This report with only some of its layers ({@code --only-problems}). */
  public ModelReport withLayers(List<LayerReport> kept) {
    return new ModelReport(
        path,
        format,
        framework,
        modelName,
        status,
        error,
        kept,
        totals,
        findings,
        architecture,
        dl4j,
        dl4jExplanations);
  }

  public static ModelReport error(String path, String format, ErrorInfo error) {
    return error(path, format, error, null);
  }

  /** An error caused by the separate architecture file {@code architecture}. */
  public static ModelReport error(
      String path, String format, ErrorInfo error, String architecture) {
    return new ModelReport(
        path,
        format,
        null,
        null,
        ERROR,
        error,
        List.of(),
        null,
        List.of(),
        architecture,
        null,
        null);
  }
}
