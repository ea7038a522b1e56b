package io.modelaudit.cli;

import io.modelaudit.audit.ModelAuditor;
import io.modelaudit.compare.Severity;
import io.modelaudit.ir.Shape;
import io.modelaudit.reference.dl4j.Dl4jReference;
import io.modelaudit.reference.dl4j.Dl4jReferenceClient;
import io.modelaudit.reference.dl4j.Dl4jWorker;
import io.modelaudit.report.ModelReport;
import io.modelaudit.report.ProblemsOnly;
import io.modelaudit.report.ReportCounts;
import io.modelaudit.report.ReportRenderer;
import io.modelaudit.report.TerminalText;
import io.modelaudit.report.summary.SummaryLayout;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code model-audit [options] PATH...}: audits model files and folders. */
public final class AuditCommand implements Callable<Integer> {
  public static final String VERSION = "0.1.0";
  static final String INTERNAL_KIND = "internal";

  static final long MAX_TIMEOUT_SECONDS = Long.MAX_VALUE / 1_000_000_000L;

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

  static final Positional PATHS =
      new Positional(
          "PATH",
          1,
          Positional.UNBOUNDED,
          "Model files, or folders searched recursively for model files.");

  static final CliOption<OutputFormat> FORMAT =
      CliOption.choice(
              null,
              "format",
              "FORMAT",
              OutputFormat.values(),
              "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
          .defaultValue("text")
          .group(HelpGroup.OUTPUT);

  static final CliOption<OutputTarget> OUTPUTS =
      CliOption.value(
              "o",
              null,
              "FORMAT=FILE",
              OutputTarget::parse,
              "Also write the report in FORMAT to FILE, e.g. -o sarif=results.sarif; repeat for"
                  + " several.",
              "A bare FILE takes the --format report instead of stdout, e.g. --format html -o"
                  + " report.html.")
          .repeatable()
          .group(HelpGroup.OUTPUT);

  static final CliOption<Reference> REFERENCE =
      CliOption.choice(
              null,
              "reference",
              "REF",
              Reference.values(),
              "Reference to compare against: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).",
              "stored: the weight shapes stored in the file; dl4j: also what Deeplearning4j itself"
                  + " computes for the model (runs DL4J in a separate process); all: every"
                  + " reference.")
          .defaultValue("stored")
          .group(HelpGroup.COMPARED);

  static final CliOption<String> FAIL_ON =
      CliOption.value(
              null,
              "fail-on",
              "SEVERITY",
              CliOption::toText,
              "Exit with 1 when a finding has this severity or worse: ${COMPLETION-CANDIDATES}"
                  + " (default: ${DEFAULT-VALUE}).")
          .candidates(List.of("error", "warning", "info", "never"))
          .defaultValue("error")
          .group(HelpGroup.COMPARED);

  static final CliOption<Boolean> COLOR =
      CliOption.flag(null, "color", "Colour the text output (default: only on a terminal).")
          .negatable()
          .group(HelpGroup.OUTPUT);

  static final CliOption<Long> TIMEOUT =
      CliOption.value(
              null,
              "timeout",
              "SECONDS",
              CliOption::toLong,
              "Give up on a file after this many seconds (default: ${DEFAULT-VALUE}).")
          .defaultValue("60")
          .group(HelpGroup.BATCH);

  static final CliOption<Integer> JOBS =
      CliOption.value(
              "j",
              "jobs",
              "N",
              CliOption::toInt,
              "Audit N files at once (default: one per core); -j 1 audits them one after the"
                  + " other.",
              "Reports come out in the order of the files whatever N is.")
          .group(HelpGroup.BATCH);

  static final CliOption<Map.Entry<String, Shape>> INPUT_SHAPE =
      CliOption.value(
              null,
              "input-shape",
              "NAME=DIMS",
              InputShapeConverter::convert,
              "Fix an input's unknown dims, batch included, e.g. input_1=1,224,224,3 (? leaves one"
                  + " unknown).",
              "Repeat for several inputs.")
          .repeatable()
          .group(HelpGroup.COMPARED);

  static final CliOption<Long> BATCH_SIZE =
      CliOption.value(
              null,
              "batch-size",
              "N",
              CliOption::toLong,
              "Report activation memory for batches of N examples (default: ${DEFAULT-VALUE}).")
          .defaultValue("1");

  static final CliOption<Path> CONFIG =
      CliOption.value(
              null,
              "config",
              "ARCH.json",
              CliOption::toPath,
              "Architecture JSON (model.to_json()) for weights-only Keras .h5 files.",
              "Default: found beside the weights by name:",
              "X_weights.h5 -> X_config.json, X_model.json, X.json.")
          .files()
          .group(HelpGroup.COMPARED);

  static final CliOption<Boolean> STACKTRACE =
      CliOption.flag(null, "stacktrace", "Print stack traces of internal errors.");

  /** The audit's declaration; the help lists its options in this order, under their groups. */
  static final CommandSpec SPEC =
      new CommandSpec(
          null,
          List.of(
              "Recomputes every layer's output shapes and parameter counts from a model",
              "file's configuration and compares them with the weights stored in the file",
              "(and, when asked, with what Deeplearning4j computes). Reads Keras .h5, .keras,",
              "architecture JSON, TF.js model.json and Deeplearning4j zips and configuration",
              "JSON, recognised by content."),
          List.of(
              FORMAT,
              OUTPUTS,
              NoiseOptions.QUIET,
              NoiseOptions.ONLY_PROBLEMS,
              COLOR,
              NoiseOptions.VERBOSE,
              SummaryOptions.COLUMNS,
              SummaryOptions.DEPTH,
              SummaryOptions.EXPAND_NESTED,
              SummaryOptions.EXPLAIN,
              REFERENCE,
              FAIL_ON,
              NoiseOptions.SUPPRESSIONS,
              CONFIG,
              INPUT_SHAPE,
              JOBS,
              NoiseOptions.EXCLUDE,
              TIMEOUT,
              BATCH_SIZE,
              STACKTRACE),
          List.of(PATHS),
          false,
          List.of(
              "0:no findings at or above --fail-on",
              "1:findings at or above --fail-on",
              "2:usage error",
              "3:a file could not be read or is not a supported model",
              "4:internal error"),
          List.of(
              "  model-audit model.h5",
              "      The per-layer table; exit code 1 when a layer mismatches.",
              "  model-audit --format json models/ > report.json",
              "      Every model file in a folder (searched recursively), as JSON.",
              "  model-audit -o sarif=results.sarif models/",
              "      The table on the terminal, and SARIF for code scanning.",
              "  model-audit --only-problems -j 2 models/",
              "      Only the models and layers with a problem, two files at a time.",
              "  model-audit --quiet models/",
              "      One line per finding; the exit code tells the rest.",
              "  model-audit --config model_config.json model_weights.h5",
              "      A weights-only file with its architecture.",
              "  model-audit --reference dl4j model.zip",
              "      Also what Deeplearning4j itself computes.",
              "",
              "Commands (a file named like one is audited as ./NAME):",
              "  baseline PATH... -o FILE      record the models' audits in a lock file",
              "  check --baseline FILE PATH... audit, and fail on drift from the lock",
              "  diff OLD NEW                  how two models (or two JSON reports) differ",
              "Run 'model-audit COMMAND --help' for each one's options."));

  /** The names of the audit's options, for documents checked against them. */
  public static List<CliOption<?>> options() {
    return SPEC.options();
  }

  private final List<Path> paths;
  private final OutputFormat format;
  private final List<OutputTarget> outputs;
  private final Reference reference;
  private final String failOn;
  private final Boolean colorOption;
  private final long timeoutSeconds;
  private final Integer jobs;
  private final List<Map.Entry<String, Shape>> inputShapes;
  private final long batchSize;
  private final Path architecture;
  private final NoiseOptions noise;
  private final SummaryOptions summary;
  private final boolean stacktrace;

  private final PrintWriter out;
  private final PrintWriter err;
  private final boolean terminal;
  private final CiEnvironment environment;
  private final Map<String, String> variables;
  private final AuditExtension extension;

  private AuditCommand(
      ParsedArgs args,
      PrintWriter out,
      PrintWriter err,
      boolean terminal,
      Map<String, String> environment,
      AuditExtension extension) {
    this.paths = args.positionals();
    this.format = args.get(FORMAT);
    this.outputs = args.all(OUTPUTS);
    this.reference = args.get(REFERENCE);
    this.failOn = args.get(FAIL_ON);
    this.colorOption = args.choice(COLOR);
    this.timeoutSeconds = args.get(TIMEOUT);
    this.jobs = args.get(JOBS);
    this.inputShapes = args.all(INPUT_SHAPE);
    this.batchSize = args.get(BATCH_SIZE);
    this.architecture = args.get(CONFIG);
    this.noise = new NoiseOptions(args);
    this.summary = new SummaryOptions(args);
    this.stacktrace = args.flag(STACKTRACE);
    this.out = out;
    this.err = err;
    this.terminal = terminal;
    this.environment = new CiEnvironment(environment);
    this.variables = environment;
    this.extension = extension;
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
    return CommandRun.run(
        SPEC,
        args,
        out,
        err,
        parsed -> run(parsed, out, err, terminal, environment, AuditExtension.NONE));
  }

  /**
   * Runs the audit with what {@code extension} (baseline, check) adds to it, on the audit's options
   * and PATHs among {@code args} (parsed by the command that runs it).
   */
  static int run(
      ParsedArgs args,
      PrintWriter out,
      PrintWriter err,
      boolean terminal,
      Map<String, String> environment,
      AuditExtension extension) {
    return new AuditCommand(args, out, err, terminal, environment, extension).call();
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
    if (batchSize <= 0) {
      printError(err, "--batch-size must be a positive number of examples");
      return ExitCodes.USAGE;
    }
    if (jobs != null && jobs < 1) {
      printError(err, "-j must be at least 1");
      return ExitCodes.USAGE;
    }
    int workers = jobs != null ? jobs : Runtime.getRuntime().availableProcessors();
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
    java.util.function.Consumer<String> notes =
        noise.notes(note -> printError(err, "note: " + note));
    ModelFiles.Expansion expansion = ModelFiles.expand(paths, exclusions, notes, workers);
    noise.noteLeftOut(expansion, notes);
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
    SummaryLayout layout;
    try {
      layout = summary.layout(variables, terminal);
    } catch (SummaryOptions.Unusable e) {
      printError(err, e.getMessage());
      return ExitCodes.USAGE;
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
              layout,
              noise.quiet(),
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
    ReportRenderer.ReportStream stream =
        extension.stream(
            noise.onlyProblems() ? new ProblemsOnly(reports.stream()) : reports.stream(),
            out,
            textOnStdout);
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
                Duration.ofSeconds(timeoutSeconds),
                batchSize);
        ProgressDisplay progress =
            noise.quiet()
                ? ProgressDisplay.NONE
                : ProgressDisplay.start(targets.size(), environment.variables())) {
      new OrderedAudits(targets, architecture, target -> auditOne(auditor, target), workers)
          .forEach(
              raw -> {
                OrderedAudits.Audited audited =
                    new OrderedAudits.Audited(noise.suppress(raw.report()), raw.internal());
                if (terminal || audited.report().error() != null) {
                  progress.pause(); // the report goes to the terminal too, or an error line does
                }
                stream.model(audited.report());
                counts.add(audited.report());
                outcome.add(audited);
                printErrorOf(audited);
                progress.step();
              });
    }
    counts.skipped(expansion.skipped().size());
    List<String> unwritten = reports.finish(counts);
    noise.staleSuppressions().forEach(notes);
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
}
