package io.modelaudit.reference.stored;

import io.modelaudit.compare.Finding;
import io.modelaudit.formats.StoredFacts;
import io.modelaudit.formats.StoredWeights;
import io.modelaudit.formats.dl4j.Dl4jParameters;
import io.modelaudit.reference.LayerTable;
import io.modelaudit.reference.Reference;
import io.modelaudit.reference.Subject;
import io.modelaudit.reference.Verdict;
import java.util.List;

/**
 * The file's own numbers: the weight tensors a Keras file stores, or the parameter vector and
 * parameter names a Deeplearning4j file records. Its verdict is the table of our rows beside them,
 * with each layer's findings in its row.
 */
public final class StoredReference implements Reference {
  public static final String ID = StoredWeightComparison.REFERENCE;

  @Override
  public String id() {
    return ID;
  }

  @Override
  public Verdict compare(Subject subject) {
    StoredWeightComparison comparison = comparison(subject);
    return new TableVerdict(
        LayerTableBuilder.build(subject.model(), subject.inferred(), comparison));
  }

  private static StoredWeightComparison comparison(Subject subject) {
    StoredFacts facts = subject.model().stored();
    if (facts instanceof StoredWeights weights) {
      LayerOrderPairing.Paired byOrder =
          subject.model().architecture() != null && !weights.archiveLayout()
              ? LayerOrderPairing.pair(subject.inferred(), weights)
              : null;
      if (byOrder == null) {
        return StoredWeightComparison.compare(subject.inferred(), weights);
      }
      StoredWeightComparison c =
          StoredWeightComparison.compare(subject.inferred(), byOrder.stored());
      c.modelFindings().add(0, byOrder.finding());
      return c;
    }
    if (facts instanceof Dl4jParameters vector) {
      return Dl4jVectorComparison.compare(
          subject.inferred(),
          vector.variables(),
          vector.order(),
          vector.vectorLength(),
          vector.dtype(),
          vector.itemBytes());
    }
    if (facts == null) {
      return null; // an architecture alone: nothing stored to compare
    }
    throw new IllegalStateException(
        "no comparison for stored facts of type " + facts.getClass().getName());
  }

  /** The stored reference's verdict: our rows beside the file's numbers. */
  private record TableVerdict(LayerTable table) implements Verdict {
    @Override
    public List<Finding> findings() {
      return table.findings();
    }
  }
}
