package io.modelaudit.cli;

import io.modelaudit.audit.ModelAuditor;
import io.modelaudit.compare.Severity;
import io.modelaudit.ir.Shape;
import io.modelaudit.reference.dl4j.Dl4jReference;
import io.modelaudit.reference.dl4j.Dl4jReferenceClient;
import io.modelaudit.reference.dl4j.Dl4jWorker;
import io.modelaudit.report.ModelReport;
import io.modelaudit.report.ReportCounts;
import io.modelaudit.report.ReportRenderer;
import io.modelaudit.report.TerminalText;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code model-audit [options] PATH...}: audits model files and folders. */
@Command(
    name = "model-audit",
    mixinStandardHelpOptions = true,
    versionProvider = AuditCommand.Version.class,
    sortOptions = false,
    description = {
      "Recomputes every layer's output shapes and parameter counts from a model",
      "file's configuration and compares them with the weights stored in the file",
      "(and, when asked, with what Deeplearning4j computes). Reads Keras .h5, .keras,",
      "architecture JSON, TF.js model.json and Deeplearning4j zips and configuration",
      "JSON, recognised by content.",
      ""
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:no findings at or above --fail-on",
      "1:findings at or above --fail-on",
      "2:usage error",
      "3:a file could not be read or is not a supported model",
      "4:internal error"
    },
    footer = {
      "%nCommands (a file named like one is audited as ./NAME):",
      "  baseline PATH... -o FILE      record the models' audits in a lock file",
      "  check --baseline FILE PATH... audit, and fail on drift from the lock",
      "  diff OLD NEW                  how two models (or two JSON reports) differ",
      "Run 'model-audit COMMAND --help' for each one's options."
    })
public final class AuditCommand implements Callable<Integer> {
  public static final String VERSION = "0.1.0";
  static final String INTERNAL_KIND = "internal";

  @Parameters(
      arity = "1..*",
      paramLabel = "PATH",
      description = "Model files, or folders searched recursively for model files.")
  private List<Path> paths = new ArrayList<>();

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).",
      defaultValue = "text")
  private OutputFormat format;

  @Option(
      names = "-o",
      paramLabel = "FORMAT=FILE",
      converter = OutputTarget.Converter.class,
      description = {
        "Also write the report in FORMAT to FILE, e.g. -o sarif=results.sarif; repeat for several.",
        "A bare FILE takes the --format report instead of stdout, e.g. --format html -o report.html."
      })
  private List<OutputTarget> outputs = new ArrayList<>();

  @Option(
      names = "--reference",
      paramLabel = "REF",
      description = {
        "Reference to compare against: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).",
        "stored: the weight shapes stored in the file; dl4j: also what Deeplearning4j itself computes for the model (runs DL4J in a separate process); all: every reference."
      },
      defaultValue = "stored")
  private Reference reference;

  @Option(
      names = "--fail-on",
      paramLabel = "SEVERITY",
      description =
          "Exit with 1 when a finding has this severity or worse: error, warning, info, never (default: ${DEFAULT-VALUE}).",
      defaultValue = "error")
  private String failOn;

  @Option(
      names = "--color",
      negatable = true,
      description = "Colour the text output (default: only on a terminal).")
  private Boolean colorOption;

  @Option(
      names = "--timeout",
      paramLabel = "SECONDS",
      description = "Give up on a file after this many seconds (default: ${DEFAULT-VALUE}).",
      defaultValue = "60")
  private long timeoutSeconds;

  static final long MAX_TIMEOUT_SECONDS = Long.MAX_VALUE / 1_000_000_000L;

  @Option(
      names = "--input-shape",
      paramLabel = "NAME=DIMS",
      converter = InputShapeConverter.class,
      description = {
        "Fix an input's unknown dims, batch included, e.g. input_1=1,224,224,3 (? leaves one unknown).",
        "Repeat for several inputs."
      })
  private List<Map.Entry<String, Shape>> inputShapes = new ArrayList<>();

  @Option(
      names = "--config",
      paramLabel = "ARCH.json",
      description = {
        "Architecture JSON (model.to_json()) for weights-only Keras .h5 files.",
        "Default: found beside the weights by name:",
        "X_weights.h5 -> X_config.json, X_model.json, X.json."
      })
  private Path architecture;

  @CommandLine.Mixin private NoiseOptions noise = new NoiseOptions();

  @Option(names = "--stacktrace", description = "Print stack traces of internal errors.")
  private boolean stacktrace;

  private PrintWriter out;
  private PrintWriter err;
  private boolean terminal;
  private CiEnvironment environment = CiEnvironment.none();
  private AuditExtension extension = AuditExtension.NONE;

  enum OutputFormat {
    text,
    json,
    sarif,
    junit,
    markdown,
    csv,
    html
  }

  enum Reference {
    stored,
    dl4j,
    all
  }

  static int execute(PrintWriter out, PrintWriter err, boolean terminal, String... args) {
    return execute(out, err, terminal, Map.of(), args);
  }

  /** {@code environment}: the variables the run looks at (GITHUB_ACTIONS). */
  static int execute(
      PrintWriter out,
      PrintWriter err,
      boolean terminal,
      Map<String, String> environment,
      String... args) {
    if (GateCommands.handles(args)) {
      return GateCommands.execute(out, err, terminal, environment, args);
    }
    return execute(out, err, terminal, environment, AuditExtension.NONE, args);
  }

  /** Runs the audit with what {@code extension} (baseline, check) adds to it. */
  static int execute(
      PrintWriter out,
      PrintWriter err,
      boolean terminal,
      Map<String, String> environment,
      AuditExtension extension,
      String... args) {
    AuditCommand command = new AuditCommand();
    command.environment = new CiEnvironment(environment);
    command.extension = extension;
    command.out = out;
    command.err = err;
    command.terminal = terminal;
    CommandLine cli =
        new CommandLine(command)
            .setOut(out)
            .setErr(err)
            .setCaseInsensitiveEnumValuesAllowed(true)
            // "@name" is a path like any other: a file named "@x" in a globbed folder must not
            // turn the file "x" into options.
            .setExpandAtFiles(false)
            .setExecutionExceptionHandler(
                (e, cmd, parsed) -> {
                  printError(err, "internal error: " + e);
                  if (command.stacktrace) {
                    StackTraces.print(e, err);
                  }
                  err.flush();
                  return ExitCodes.INTERNAL;
                });
    cli.setParameterExceptionHandler(
        (e, a) -> {
          printError(err, e.getMessage());
          err.println("Try 'model-audit --help' for more information.");
          err.flush();
          return ExitCodes.USAGE;
        });
    int code = cli.execute(args);
    out.flush();
    err.flush();
    return code;
  }

  @Override
  public Integer call() {
    Severity threshold;
    if ("never".equalsIgnoreCase(failOn)) {
      threshold = null;
    } else {
      try {
        threshold = Severity.parse(failOn);
      } catch (IllegalArgumentException e) {
        printError(err, "--fail-on must be error, warning, info or never, not '" + failOn + "'");
        return ExitCodes.USAGE;
      }
    }
    if (timeoutSeconds <= 0) {
      printError(err, "--timeout must be a positive number of seconds");
      return ExitCodes.USAGE;
    }
    if (timeoutSeconds > MAX_TIMEOUT_SECONDS) {
      // Deadlines are kept in nanoseconds, which a longer duration overflows.
      printError(
          err, "--timeout must be at most " + MAX_TIMEOUT_SECONDS + " seconds (about 292 years)");
      return ExitCodes.USAGE;
    }
    Map<String, Shape> overrides = new LinkedHashMap<>();
    for (Map.Entry<String, Shape> e : inputShapes) {
      if (overrides.put(e.getKey(), e.getValue()) != null) {
        printError(err, "--input-shape gives '" + e.getKey() + "' twice");
        return ExitCodes.USAGE;
      }
    }
    if (architecture != null && !java.nio.file.Files.isRegularFile(architecture)) {
      printError(err, "--config " + architecture + ": no such file");
      return ExitCodes.USAGE;
    }
    Exclusions exclusions;
    try {
      exclusions = noise.prepare();
    } catch (NoiseOptions.Unusable e) {
      printError(err, e.getMessage());
      return ExitCodes.USAGE;
    }
    extension.start(paths);
    ModelFiles.Expansion expansion =
        ModelFiles.expand(paths, exclusions, note -> printError(err, "note: " + note));
    noise.noteLeftOut(expansion, note -> printError(err, "note: " + note));
    List<ModelFiles.Target> targets = expansion.targets();
    List<String> dl4jWorker = null;
    if (reference != Reference.stored) {
      try {
        dl4jWorker = Dl4jWorker.command();
      } catch (Dl4jWorker.UnavailableException e) {
        printError(err, "--reference " + reference + ": " + e.getMessage());
        return ExitCodes.USAGE;
      }
    }
    List<OutputTarget> files = new ArrayList<>();
    OutputTarget instead = null;
    for (OutputTarget o : outputs) {
      if (o.format() != null) {
        files.add(o);
      } else if (instead != null) {
        printError(
            err,
            "-o "
                + instead.given()
                + " and -o "
                + o.given()
                + ": only one file can take the --format report (use FORMAT=FILE for others)");
        return ExitCodes.USAGE;
      } else {
        instead = o.as(format);
        files.add(instead);
      }
    }
    RunReports reports;
    try {
      boolean color = colorOption != null ? colorOption : terminal;
      reports =
          RunReports.open(
              VERSION,
              instead == null ? format : null,
              color,
              files,
              environment,
              extension.jsonSections(),
              extension.addedResults(),
              out,
              err);
    } catch (RunReports.CannotWrite e) {
      printError(err, e.getMessage());
      return ExitCodes.USAGE;
    }
    // Under check, the baseline's text lines follow the text report on stdout, not a bare -o FILE.
    boolean textOnStdout = format == OutputFormat.text && instead == null;
    ReportRenderer.ReportStream stream = extension.stream(reports.stream(), out, textOnStdout);
    ReportCounts counts = new ReportCounts();
    RunOutcome outcome = new RunOutcome(threshold);
    try (Dl4jReferenceClient dl4j =
            dl4jWorker == null
                ? null
                : new Dl4jReferenceClient(dl4jWorker, Duration.ofSeconds(timeoutSeconds));
        ModelAuditor auditor =
            new ModelAuditor(
                overrides,
                architecture,
                dl4j == null ? List.of() : List.of(new Dl4jReference(dl4j)),
                Duration.ofSeconds(timeoutSeconds))) {
      new OrderedAudits(targets, architecture, target -> auditOne(auditor, target))
          .forEach(
              raw -> {
                OrderedAudits.Audited audited =
                    new OrderedAudits.Audited(noise.suppress(raw.report()), raw.internal());
                stream.model(audited.report());
                counts.add(audited.report());
                outcome.add(audited);
                printErrorOf(audited);
              });
    }
    counts.skipped(expansion.skipped().size());
    List<String> unwritten = reports.finish(counts);
    noise.staleSuppressions().forEach(note -> printError(err, "note: " + note));
    unwritten.forEach(line -> printError(err, line));
    extension.finish(out, textOnStdout);
    err.flush();
    return extension.exitCode(
        unwritten.isEmpty() || outcome.exitCode() == ExitCodes.INTERNAL
            ? outcome.exitCode()
            : ExitCodes.USAGE);
  }

  /**
   * Audits one file. A bug of ours (or running out of memory) on one file becomes an error row of
   * kind {@code internal}; the other files' results are kept.
   */
  private static OrderedAudits.Audited auditOne(ModelAuditor auditor, ModelFiles.Target target) {
    try {
      return new OrderedAudits.Audited(auditor.audit(target.file(), target.format()), null);
    } catch (RuntimeException | VirtualMachineError e) {
      ModelReport row =
          ModelReport.error(
              target.file().toString(),
              target.format() == null ? null : target.format().id(),
              new ModelReport.ErrorInfo(INTERNAL_KIND, "internal error: " + e));
      return new OrderedAudits.Audited(row, e);
    }
  }

  private void printErrorOf(OrderedAudits.Audited audited) {
    ModelReport m = audited.report();
    if (m.error() == null) {
      return;
    }
    if (audited.internal() == null) {
      printError(err, m.path() + ": " + m.error().message());
      return;
    }
    printError(
        err,
        m.path()
            + ": "
            + m.error().message()
            + (stacktrace ? "" : " (run with --stacktrace for details)"));
    if (stacktrace) {
      StackTraces.print(audited.internal(), err);
    }
  }

  /**
   * One error line on stderr. Paths and messages may carry text from the files, which must not be
   * able to break the line in two or drive the terminal.
   */
  private static void printError(PrintWriter err, String message) {
    err.println("model-audit: " + TerminalText.escape(message));
  }

  /** Prints the tool's version for {@code --version}. */
  public static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {"model-audit " + VERSION};
    }
  }
}
