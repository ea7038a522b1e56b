package io.modelaudit.ir;

/** Where a weight's elements are counted in the totals. */
public enum WeightBucket {
  TRAINABLE,
  /**
   * State that is saved but not trained: batch-norm moving statistics, normalization statistics.
   */
  NON_TRAINABLE
}
