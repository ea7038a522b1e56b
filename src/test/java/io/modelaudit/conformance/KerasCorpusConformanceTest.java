package io.modelaudit.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modelaudit.TestPaths;
import io.modelaudit.audit.ModelAuditor;
import io.modelaudit.compare.Finding;
import io.modelaudit.compare.Severity;
import io.modelaudit.detect.FormatDetector;
import io.modelaudit.detect.ModelFormat;
import io.modelaudit.report.LayerReport;
import io.modelaudit.report.ModelReport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Audits every Keras file in the shared corpus, in every form (HDF5, .keras archive, architecture
 * JSON, TF.js), found by content. Files Keras wrote are consistent by construction, so any mismatch
 * is a bug in the auditor. Prints the figures per source and format.
 */
class KerasCorpusConformanceTest {
  private static final Set<ModelFormat> KERAS_FORMATS =
      Set.of(
          ModelFormat.HDF5, ModelFormat.KERAS_V3, ModelFormat.KERAS_JSON, ModelFormat.TFJS_LAYERS);

  /**
   * Classes users defined themselves (github/MANIFEST.tsv notes): unsupported by nature. Any other
   * class is a Keras built-in and must have a rule (Lambda and op layers are unverified, not
   * unsupported).
   */
  private static final Set<String> CUSTOM =
      Set.of(
          "DenseKAN",
          "PositionalIndex",
          "ClassTokenIndex",
          "ClassTokenSelector",
          "PositionalEncoding",
          "TransformerBlock",
          "ImageCompressionModel");

  /** Files that are not models although their content looks like one, and why. */
  private static boolean expectedError(Path file, ModelReport report) {
    String name = file.getFileName().toString();
    String kind = report.error().kind();
    if (name.contains("inputs_and_outputs") && kind.equals("not_a_model")) {
      return true; // HDF5 test data of the DL4J test resources: arrays, no model
    }
    // Keras Tokenizer / TimeseriesGenerator configurations
    return file.getParent().getFileName().toString().equals("preprocessing")
        && kind.equals("not_a_model");
  }

  private static boolean allowedUnsupported(LayerReport l) {
    return CUSTOM.contains(l.className());
  }

  private static final class Figures {
    int files;
    int audited;
    int layersOk;
    int layersUnverified;
    int mismatches;
    long params;
    long paramsOk;
    long paramsCustom;
    final Map<String, Integer> unsupported = new TreeMap<>();
    final Map<String, Integer> errors = new TreeMap<>();

    @Override
    public String toString() {
      return String.format(
          "%d files, %d audited, %d mismatches, layers %d ok / %d unverified, params in ok layers"
              + " %.2f %% (of %,d, leaving out %,d in custom classes), unsupported %s, errors %s",
          files,
          audited,
          mismatches,
          layersOk,
          layersUnverified,
          okShare(),
          params,
          paramsCustom,
          unsupported,
          errors);
    }

    /** The share of parameters in ok layers, leaving out the layers of users' own classes. */
    double okShare() {
      long verifiable = params - paramsCustom;
      return verifiable == 0 ? 100.0 : 100.0 * paramsOk / verifiable;
    }

    /**
     * Counts a layer's parameters: what the file stores for it, else ours. A nested model's row is
     * left out: its layers have rows of their own.
     */
    void count(LayerReport l, List<LayerReport> all) {
      boolean container = all.stream().anyMatch(o -> o.path().startsWith(l.path() + "/"));
      if (container) {
        return;
      }
      long n = l.storedParams() != null ? l.storedParams() : l.params() == null ? 0 : l.params();
      params += n;
      if (LayerReport.OK.equals(l.status())) {
        paramsOk += n;
      } else if (CUSTOM.contains(l.className())) {
        paramsCustom += n;
      }
    }
  }

  @Test
  void everyKerasModelInTheCorpusAuditsWithoutMismatch() throws IOException {
    Path corpus = TestPaths.corpus();
    List<Path> files;
    try (Stream<Path> walk =
        Stream.concat(
            Files.walk(corpus.resolve("dl4j-test-resources/modelimport/keras")),
            Files.walk(corpus.resolve("github")))) {
      files = walk.filter(Files::isRegularFile).sorted().collect(Collectors.toList());
    }
    ModelAuditor auditor = new ModelAuditor(Map.of());
    Map<String, Figures> figures = new TreeMap<>();
    List<String> mismatches = new ArrayList<>();
    List<String> unexpectedErrors = new ArrayList<>();
    List<String> unexpectedUnsupported = new ArrayList<>();
    for (Path file : files) {
      ModelFormat format = FormatDetector.detect(file);
      if (!KERAS_FORMATS.contains(format)) {
        continue;
      }
      String source = corpus.relativize(file).getName(0).toString();
      Figures f = figures.computeIfAbsent(source + " " + format.id(), k -> new Figures());
      f.files++;
      ModelReport report = auditor.audit(file);
      if (report.error() != null) {
        f.errors.merge(report.error().kind(), 1, Integer::sum);
        if (!expectedError(file, report)) {
          unexpectedErrors.add(corpus.relativize(file) + ": " + report.error().message());
        }
        continue;
      }
      f.audited++;
      for (LayerReport l : report.layers()) {
        f.count(l, report.layers());
        switch (l.status()) {
          case LayerReport.OK:
            f.layersOk++;
            break;
          case LayerReport.UNVERIFIED:
            f.layersUnverified++;
            break;
          case LayerReport.UNSUPPORTED:
            f.unsupported.merge(l.className(), 1, Integer::sum);
            if (!allowedUnsupported(l)) {
              unexpectedUnsupported.add(
                  corpus.relativize(file)
                      + " "
                      + l.path()
                      + " ("
                      + l.className()
                      + "): "
                      + l.note());
            }
            break;
          default:
            break;
        }
      }
      for (Finding finding : report.findings()) {
        if (finding.severity() == Severity.ERROR) {
          f.mismatches++;
          mismatches.add(
              corpus.relativize(file)
                  + " "
                  + finding.rule()
                  + " "
                  + finding.layer()
                  + ": "
                  + finding.message());
        }
      }
    }
    figures.forEach((k, v) -> System.out.println("Keras corpus, " + k + ": " + v));
    assertEquals(List.of(), unexpectedErrors, "files that should have been audited");
    assertEquals(List.of(), mismatches, "mismatches on files Keras wrote itself");
    assertEquals(
        List.of(), unexpectedUnsupported, "layers of Keras' own classes reported unsupported");
    // Floors against silent regressions (a file quietly not found or not audited).
    assertTrue(figures.get("dl4j-test-resources keras-h5").audited >= 670, figures.toString());
    assertTrue(figures.get("dl4j-test-resources keras-json").audited >= 164, figures.toString());
    assertTrue(figures.get("github keras-h5").audited >= 20, figures.toString());
    assertTrue(figures.get("github keras-v3").audited >= 16, figures.toString());
    assertTrue(figures.get("github tfjs-layers").audited >= 5, figures.toString());
    assertTrue(figures.get("github keras-json").audited >= 7, figures.toString());
    assertTrue(figures.get("dl4j-test-resources keras-h5").layersOk >= 2800, figures.toString());
    // Everything a real file holds is verified, but for users' own classes: the layers after a
    // Lambda, an op layer or a custom class resume from the shapes Keras recorded. (Architecture
    // JSON alone stores no weights: nothing to verify against.)
    for (String set :
        List.of(
            "github keras-h5",
            "github keras-v3",
            "github tfjs-layers",
            "dl4j-test-resources keras-h5")) {
      assertTrue(figures.get(set).okShare() >= 99.0, set + ": " + figures.get(set));
    }
  }
}
