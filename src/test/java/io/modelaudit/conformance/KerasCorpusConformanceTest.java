package io.modelaudit.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modelaudit.TestPaths;
import io.modelaudit.audit.ModelAuditor;
import io.modelaudit.compare.Finding;
import io.modelaudit.compare.Severity;
import io.modelaudit.report.LayerReport;
import io.modelaudit.report.ModelReport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Audits every Keras HDF5 file of the Deeplearning4j test resources. These files were written by
 * Keras itself and are consistent by construction, so any mismatch is a bug in the auditor.
 */
class KerasCorpusConformanceTest {

  @Test
  void everyFullModelAuditsWithoutMismatch() throws IOException {
    Path root = TestPaths.corpus().resolve("dl4j-test-resources/modelimport/keras");
    List<Path> files;
    try (Stream<Path> walk = Files.walk(root)) {
      files = walk.filter(p -> p.toString().endsWith(".h5")).sorted().collect(Collectors.toList());
    }
    ModelAuditor auditor = new ModelAuditor(Map.of());
    int audited = 0;
    int layersVerified = 0;
    Map<String, Integer> errorsByKind = new TreeMap<>();
    Map<String, Integer> unsupported = new TreeMap<>();
    List<String> mismatches = new ArrayList<>();
    List<String> unexpectedErrors = new ArrayList<>();
    List<String> unexpectedUnsupported = new ArrayList<>();
    for (Path file : files) {
      ModelReport report = auditor.audit(file);
      if (report.error() != null) {
        errorsByKind.merge(report.error().kind(), 1, Integer::sum);
        boolean dataFile = file.getFileName().toString().contains("inputs_and_outputs");
        boolean expected = report.error().kind().equals("weights_only") || (dataFile && report.error().kind().equals("not_a_model"));
        if (!expected) {
          unexpectedErrors.add(file + ": " + report.error().message());
        }
        continue;
      }
      audited++;
      for (LayerReport l : report.layers()) {
        if (l.status().equals(LayerReport.OK)) {
          layersVerified++;
        } else if (l.status().equals(LayerReport.UNSUPPORTED)) {
          unsupported.merge(l.className(), 1, Integer::sum);
          // These files hold Keras' built-in classes only (Lambda and op layers are unverified, not unsupported).
          unexpectedUnsupported.add(root.relativize(file) + " " + l.path() + " (" + l.className() + "): " + l.note());
        }
      }
      for (Finding f : report.findings()) {
        if (f.severity() == Severity.ERROR) {
          mismatches.add(root.relativize(file) + " " + f.rule() + " " + f.layer() + ": " + f.message());
        }
      }
    }
    System.out.printf("Keras corpus: %d files, %d audited, errors %s, %d layers verified, %d mismatches, unsupported %s%n",
        files.size(), audited, errorsByKind, layersVerified, mismatches.size(), unsupported);
    assertEquals(List.of(), unexpectedErrors, "files that should have been audited");
    assertEquals(List.of(), mismatches, "mismatches on files Keras wrote itself");
    assertEquals(List.of(), unexpectedUnsupported, "layers of supported classes reported unsupported");
    assertTrue(audited >= 590, "only " + audited + " files audited");
    assertTrue(layersVerified >= 2000, "only " + layersVerified + " layers verified");
  }
}
