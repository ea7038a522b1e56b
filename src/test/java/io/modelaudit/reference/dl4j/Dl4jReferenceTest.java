package io.modelaudit.reference.dl4j;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.modelaudit.TestPaths;
import io.modelaudit.audit.ModelAuditor;
import io.modelaudit.compare.Finding;
import io.modelaudit.compare.Rule;
import io.modelaudit.report.Dl4jAnswer;
import io.modelaudit.report.ModelReport;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Forms DL4J cannot read are not sent to it, and the report says so. */
class Dl4jReferenceTest {

  @Test
  void kerasArchivesJsonAndTfjsAreNotApplicable() {
    // A worker command that would fail if started: these files must never reach it.
    try (Dl4jReferenceClient never =
        new Dl4jReferenceClient(List.of("/nonexistent/worker"), Duration.ofSeconds(5))) {
      ModelAuditor withDl4j =
          new ModelAuditor(Map.of(), null, List.of(new Dl4jReference(never)), null);
      for (String name : List.of("seed_cnn.keras", "seed_cnn.json")) {
        Path file = TestPaths.kerasModels().resolve(name);
        ModelReport report = withDl4j.audit(file);
        assertEquals(Dl4jAnswer.NOT_APPLICABLE, report.dl4j().status(), name);
        assertEquals(
            List.of(Rule.DL4J_NOT_APPLICABLE),
            report.findings().stream().map(Finding::rule).collect(Collectors.toList()),
            name);
        assertEquals(ModelReport.OK, report.status(), name);
      }
    }
  }
}
