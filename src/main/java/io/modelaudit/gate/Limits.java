package io.modelaudit.gate;

import java.util.ArrayList;
import java.util.List;

/**
 * Limits every checked model must keep, from the command line or the lock; null: no limit.
 *
 * @param maxParams the most parameters a model may have in all ({@code totals.params})
 * @param maxFileBytes the largest a model file may be, in bytes
 */
public record Limits(Long maxParams, Long maxFileBytes) {
  public static final Limits NONE = new Limits(null, null);

  /** These limits, each one that is not set taken from {@code fallback}. */
  public Limits orElse(Limits fallback) {
    return new Limits(
        maxParams != null ? maxParams : fallback.maxParams,
        maxFileBytes != null ? maxFileBytes : fallback.maxFileBytes);
  }

  public boolean isEmpty() {
    return maxParams == null && maxFileBytes == null;
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
    return out;
  }
}
