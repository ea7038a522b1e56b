package io.modelaudit.compare;

import io.modelaudit.ir.WeightSpec;
import io.modelaudit.reference.StoredTensor;

/** A weight our rules expect, paired with the stored tensor it was matched to (or null). */
public record WeightMatch(WeightSpec expected, StoredTensor stored) {}
