package io.modelaudit.gate;

import java.util.ArrayList;
import java.util.List;

/**
 * Limits every checked model must keep, from the command line or the lock; null: no limit.
 *
 * @param maxParams the most parameters a model may have in all ({@code totals.params})
 * @param maxFileBytes the largest a model file may be, in bytes
 * @param maxMacs the most multiply-accumulates one example may cost ({@code totals.cost.macs}; a
 *     model whose cost is partly unknown is held to the part that is known)
 * @param maxWeightBytes the most bytes a model's stored weights may take, by the element types the
 *     file stores ({@code totals.bytes}; a model whose stored types are unknown is not held to it)
 */
public record Limits(Long maxParams, Long maxFileBytes, Long maxMacs, Long maxWeightBytes) {
  public static final Limits NONE = new Limits(null, null, null, null);

  public Limits(Long maxParams, Long maxFileBytes) {
    this(maxParams, maxFileBytes, null, null);
  }

  /** These limits, each one that is not set taken from {@code fallback}. */
  public Limits orElse(Limits fallback) {
    return new Limits(
        maxParams != null ? maxParams : fallback.maxParams,
        maxFileBytes != null ? maxFileBytes : fallback.maxFileBytes,
        maxMacs != null ? maxMacs : fallback.maxMacs,
        maxWeightBytes != null ? maxWeightBytes : fallback.maxWeightBytes);
  }

  public boolean isEmpty() {
    return maxParams == null && maxFileBytes == null && maxMacs == null && maxWeightBytes == null;
  }

  /** One limit a model exceeds: its name as in the lock, the limit, and the model's value. */
  public record Breach(String limit, long max, long actual) {}

  public List<Breach> breaches(ModelSnapshot model, long fileBytes) {
    List<Breach> out = new ArrayList<>();
    if (maxParams != null && model.totals().params() > maxParams) {
      out.add(new Breach("max_params", maxParams, model.totals().params()));
    }
    if (maxFileBytes != null && fileBytes > maxFileBytes) {
      out.add(new Breach("max_file_bytes", maxFileBytes, fileBytes));
    }
    Long macs = model.totals().macs();
    if (maxMacs != null && macs != null && macs > maxMacs) {
      out.add(new Breach("max_macs", maxMacs, macs));
    }
    Long weightBytes = model.totals().weightBytes();
    if (maxWeightBytes != null && weightBytes != null && weightBytes > maxWeightBytes) {
      out.add(new Breach("max_weight_bytes", maxWeightBytes, weightBytes));
    }
    return out;
  }
}
