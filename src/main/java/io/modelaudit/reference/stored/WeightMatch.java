package io.modelaudit.reference.stored;

import io.modelaudit.formats.StoredTensor;
import io.modelaudit.ir.WeightSpec;

/** A weight our rules expect, paired with the stored tensor it was matched to (or null). */
public record WeightMatch(WeightSpec expected, StoredTensor stored) {}
