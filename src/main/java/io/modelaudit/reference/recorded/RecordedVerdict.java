package io.modelaudit.reference.recorded;

import io.modelaudit.compare.Finding;
import io.modelaudit.reference.Verdict;
import java.util.List;

/** The disagreements between our input shapes and the ones the file records. */
record RecordedVerdict(List<Finding> findings) implements Verdict {
  RecordedVerdict {
    findings = List.copyOf(findings);
  }

  @Override
  public boolean marksRows() {
    return true;
  }
}
