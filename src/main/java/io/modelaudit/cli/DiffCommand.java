package io.modelaudit.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.modelaudit.audit.ModelAuditor;
import io.modelaudit.gate.DiffJson;
import io.modelaudit.gate.DiffText;
import io.modelaudit.gate.LockException;
import io.modelaudit.gate.ModelDiff;
import io.modelaudit.gate.ModelSnapshot;
import io.modelaudit.gate.ReportReader;
import io.modelaudit.gate.SnapshotJson;
import io.modelaudit.gate.Snapshots;
import io.modelaudit.report.ModelReport;
import io.modelaudit.report.TerminalText;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code model-audit diff OLD NEW}: how two models, or two JSON reports of one model, differ. */
final class DiffCommand implements Callable<Integer> {
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  enum DiffFormat {
    text,
    json
  }

  static final CliOption<DiffFormat> FORMAT =
      CliOption.choice(
              null,
              "format",
              "FORMAT",
              DiffFormat.values(),
              "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
          .defaultValue("text");

  static final CommandSpec SPEC =
      new CommandSpec(
          "diff",
          List.of(
              "Audits two model files (any formats model-audit reads) or reads two JSON reports"
                  + " ('model-audit --format json', one model each) and shows how they differ:"
                  + " layers added, removed, renamed (same class, shapes and counts, in the same"
                  + " place) and changed (class, activation, weight shapes, output shapes, counts),"
                  + " and the totals."),
          List.of(FORMAT),
          List.of(
              new Positional("OLD", 1, 1, "The older model file or JSON report."),
              new Positional("NEW", 1, 1, "The newer model file or JSON report.")),
          false,
          List.of(
              "0:no differences",
              "1:they differ",
              "2:usage error",
              "3:a file could not be read or audited",
              "4:internal error"),
          List.of());

  private final Path before;
  private final Path after;
  private final DiffFormat format;
  private final PrintWriter out;
  private final PrintWriter err;

  DiffCommand(ParsedArgs args, PrintWriter out, PrintWriter err) {
    this.before = args.positionals().get(0);
    this.after = args.positionals().get(1);
    this.format = args.get(FORMAT);
    this.out = out;
    this.err = err;
  }

  @Override
  public Integer call() {
    ModelSnapshot a = load(before);
    ModelSnapshot b = a == null ? null : load(after);
    if (a == null || b == null) {
      return ExitCodes.UNREADABLE;
    }
    ModelDiff diff = ModelDiff.between(a, b);
    if (format == DiffFormat.json) {
      json(a, b, diff);
    } else {
      out.println("--- " + title(before, a));
      out.println("+++ " + title(after, b));
      List<String> lines = DiffText.lines(diff, "  ");
      if (lines.isEmpty()) {
        out.println("  no differences");
      }
      lines.forEach(out::println);
    }
    out.flush();
    return diff.identical() ? ExitCodes.CLEAN : ExitCodes.FINDINGS;
  }

  /** The model of a JSON report or of a model file, or null after an error line. */
  private ModelSnapshot load(Path file) {
    if (!Files.isRegularFile(file)) {
      GateCommands.error(err, file + ": no such file");
      return null;
    }
    if (ReportReader.looksLikeReport(file)) {
      try {
        return ReportReader.read(file);
      } catch (LockException | IOException e) {
        GateCommands.error(err, file + ": " + e.getMessage());
        return null;
      }
    }
    try (ModelAuditor auditor =
        new ModelAuditor(Map.of(), null, List.of(), Duration.ofSeconds(60))) {
      ModelReport m = auditor.audit(file);
      if (m.error() != null || m.totals() == null) {
        GateCommands.error(
            err, file + ": " + (m.error() == null ? "not audited" : m.error().message()));
        return null;
      }
      return Snapshots.of(m);
    }
  }

  private static String title(Path file, ModelSnapshot m) {
    String framework =
        m.framework() == null
            ? ""
            : " · "
                + m.framework().name()
                + (m.framework().version() == null ? "" : " " + m.framework().version());
    return TerminalText.escape(file.toString())
        + "  "
        + TerminalText.escape(m.format() + framework)
        + String.format(
            Locale.ROOT, " · %d layers, %,d params", m.layers().size(), m.totals().params());
  }

  private void json(ModelSnapshot a, ModelSnapshot b, ModelDiff diff) {
    ObjectNode root = JSON.createObjectNode();
    root.put("diff_version", 1);
    side(root.putObject("old"), before, a);
    side(root.putObject("new"), after, b);
    root.put("identical", diff.identical());
    DiffJson.changes(root.putObject("changes"), diff);
    try {
      out.println(JSON.writeValueAsString(root));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void side(ObjectNode n, Path file, ModelSnapshot m) {
    n.put("path", file.toString());
    n.put("format", m.format());
    if (m.framework() == null) {
      n.putNull("framework");
    } else {
      n.set("framework", SnapshotJson.framework(m.framework()));
    }
    n.put("layers", m.layers().size());
    n.set("totals", SnapshotJson.totals(m.totals()));
  }
}
