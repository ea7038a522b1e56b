package io.modelaudit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.modelaudit.detect.ModelFormat;
import io.modelaudit.report.ModelReport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reports are handed on one at a time, as soon as each file is audited, in the order of the
 * targets; an architecture JSON waiting for its weights-only file audits only that file ahead.
 */
class StreamingOrderTest {
  private static final Path PAIR = Path.of("test-models/keras/weights_only/renamed");

  /** What happened, in order: "audit NAME" and "emit NAME". */
  private final List<String> events = new ArrayList<>();

  private OrderedAudits.Audited fake(ModelFiles.Target t) {
    String name = t.file().getFileName().toString();
    events.add("audit " + name);
    // The renamed pair: its weights-only file is read with its architecture by name.
    String architecture =
        name.equals("renamed_weights.h5")
            ? t.file().resolveSibling("renamed_config.json") + ""
            : null;
    ModelReport report =
        new ModelReport(
            t.file().toString(),
            "x",
            null,
            null,
            ModelReport.OK,
            null,
            List.of(),
            null,
            List.of(),
            architecture,
            null,
            null);
    return new OrderedAudits.Audited(report, null);
  }

  private List<String> run(List<ModelFiles.Target> targets) {
    new OrderedAudits(targets, null, this::fake)
        .forEach(a -> events.add("emit " + Path.of(a.report().path()).getFileName()));
    return events;
  }

  @Test
  void eachReportIsHandedOnBeforeTheNextFileIsAudited(@TempDir Path dir) throws Exception {
    List<ModelFiles.Target> targets = new ArrayList<>();
    for (String name : List.of("a.h5", "b.h5", "c.h5")) {
      targets.add(
          new ModelFiles.Target(Files.createFile(dir.resolve(name)), true, ModelFormat.HDF5));
    }
    assertEquals(
        List.of("audit a.h5", "emit a.h5", "audit b.h5", "emit b.h5", "audit c.h5", "emit c.h5"),
        run(targets));
  }

  @Test
  void anArchitectureAuditsOnlyTheFilesThatCouldPairWithItAhead(@TempDir Path dir)
      throws Exception {
    // More files than a folder may hold to be paired by content: only names pair here.
    for (int i = 0; i < 300; i++) {
      Files.createFile(dir.resolve(String.format("other%03d.h5", i)));
    }
    Path arch = Files.createFile(dir.resolve("renamed_config.json"));
    Path other = dir.resolve("other000.h5");
    Path weights = Files.createFile(dir.resolve("renamed_weights.h5"));
    Path lone = Files.createFile(dir.resolve("lone.json"));
    List<ModelFiles.Target> targets =
        List.of(
            new ModelFiles.Target(lone, true, ModelFormat.KERAS_JSON),
            new ModelFiles.Target(other, true, ModelFormat.HDF5),
            new ModelFiles.Target(arch, true, ModelFormat.KERAS_JSON),
            new ModelFiles.Target(weights, true, ModelFormat.HDF5));
    assertEquals(
        List.of(
            "audit lone.json",
            "emit lone.json",
            "audit other000.h5",
            "emit other000.h5",
            // renamed_weights.h5 reads renamed_config.json: audited ahead, the JSON is not shown
            "audit renamed_weights.h5",
            "emit renamed_weights.h5"),
        run(targets));
  }

  @Test
  void theJsonReportKeepsTheOrderOfTheFolderScan() throws Exception {
    CliRun scan =
        CliRun.of("--format", "json", PAIR.toString(), "test-models/keras/activations.h5");
    JsonNode models = new ObjectMapper().readTree(scan.out).get("models");
    List<String> paths = new ArrayList<>();
    models.forEach(m -> paths.add(m.get("path").asText()));
    assertEquals(
        List.of(PAIR.resolve("renamed_weights.h5").toString(), "test-models/keras/activations.h5"),
        paths,
        scan.err);
    assertEquals(
        PAIR.resolve("renamed_config.json").toString(), models.get(0).get("architecture").asText());
  }
}
