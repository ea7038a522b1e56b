package io.modelaudit.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.modelaudit.TestPaths;
import io.modelaudit.compare.Finding;
import io.modelaudit.compare.Rule;
import io.modelaudit.reference.dl4j.Dl4jReference;
import io.modelaudit.reference.dl4j.Dl4jReferenceClient;
import io.modelaudit.report.ModelReport;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Forms DL4J cannot read are not sent to it, and the report says so. */
class Dl4jCrossCheckTest {

  @Test
  void kerasArchivesJsonAndTfjsAreNotApplicable() {
    // A worker command that would fail if started: these files must never reach it.
    try (Dl4jReferenceClient never = new Dl4jReferenceClient(List.of("/nonexistent/worker"), Duration.ofSeconds(5))) {
      Dl4jCrossCheck check = new Dl4jCrossCheck(never);
      for (String name : List.of("seed_cnn.keras", "seed_cnn.json")) {
        Path file = TestPaths.kerasModels().resolve(name);
        ModelReport report = check.check(file, new ModelAuditor(Map.of()).audit(file));
        assertEquals(Dl4jReference.NOT_APPLICABLE, report.dl4j().status(), name);
        assertEquals(List.of(Rule.DL4J_NOT_APPLICABLE),
            report.findings().stream().map(Finding::rule).collect(Collectors.toList()), name);
        assertEquals(ModelReport.OK, report.status(), name);
      }
    }
  }
}
