package io.modelaudit.cli;

import io.modelaudit.report.ModelReport;
import io.modelaudit.suppress.MalformedSuppressionsException;
import io.modelaudit.suppress.SuppressionFile;
import io.modelaudit.suppress.Suppressions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

/**
 * The options that keep a run's output to what matters ({@code --exclude}, {@code --suppressions},
 * {@code --verbose}), and what they do to the files scanned and the reports.
 */
final class NoiseOptions {
  static final CliOption<String> EXCLUDE =
      CliOption.value(
              null,
              "exclude",
              "GLOB",
              CliOption::toText,
              "Leave out files and folders that match GLOB, in folder scans and among the PATHs"
                  + " given.",
              "Matched against the path relative to each folder scanned and against the whole path;"
                  + " ** crosses folders. Repeat for several.")
          .repeatable()
          .group(HelpGroup.BATCH);

  static final CliOption<Path> SUPPRESSIONS =
      CliOption.value(
              null,
              "suppressions",
              "FILE",
              CliOption::toPath,
              "Suppression file (YAML): accepted findings, by rule, path and layer, each with a"
                  + " reason.",
              "Default: "
                  + SuppressionFile.DEFAULT_NAME
                  + " in the current directory, when present.")
          .files()
          .group(HelpGroup.COMPARED);

  static final CliOption<Boolean> VERBOSE =
      CliOption.flag(
              null,
              "verbose",
              "List the files that folder scans skipped (not models) or --exclude left out.")
          .group(HelpGroup.OUTPUT);

  static final CliOption<Boolean> QUIET =
      CliOption.flag(
              "q",
              "quiet",
              "Print only the findings and the files that could not be audited, one line each, with"
                  + " no tables, summary or notes; the exit code tells the outcome.",
              "Changes the text report on stdout only; other formats stay whole.")
          .group(HelpGroup.OUTPUT);

  static final CliOption<Boolean> ONLY_PROBLEMS =
      CliOption.flag(
              null,
              "only-problems",
              "Leave out the models without problems, and from the others their layers without"
                  + " one.",
              "A problem: a file not audited, a mismatch, a finding not suppressed, a layer not ok."
                  + " Every report of the run; the summary still counts every file.")
          .group(HelpGroup.OUTPUT);

  private final List<String> excludes;
  private final Path suppressionFile;
  private final boolean verbose;
  private final boolean quiet;
  private final boolean onlyProblems;

  NoiseOptions(ParsedArgs args) {
    this.excludes = args.all(EXCLUDE);
    this.suppressionFile = args.get(SUPPRESSIONS);
    this.verbose = args.flag(VERBOSE);
    this.quiet = args.flag(QUIET);
    this.onlyProblems = args.flag(ONLY_PROBLEMS);
  }

  private Suppressions suppressions = Suppressions.none();

  boolean quiet() {
    return quiet;
  }

  boolean onlyProblems() {
    return onlyProblems;
  }

  /** Where the run's notes go: {@code printer}, or nowhere under {@code --quiet}. */
  Consumer<String> notes(Consumer<String> printer) {
    return quiet ? note -> {} : printer;
  }

  /** A usage error in these options; the message is the one line to print. */
  static final class Unusable extends Exception {
    Unusable(String message) {
      super(message);
    }
  }

  /** Reads the suppression file and checks the globs, before anything is audited. */
  Exclusions prepare() throws Unusable {
    if (quiet && verbose) {
      throw new Unusable("--quiet and --verbose cannot be used together");
    }
    Path file = suppressionFile;
    if (file == null && Files.isRegularFile(Path.of(SuppressionFile.DEFAULT_NAME))) {
      file = Path.of(SuppressionFile.DEFAULT_NAME);
    }
    if (file != null && !Files.isRegularFile(file)) {
      throw new Unusable("--suppressions " + file + ": no such file");
    }
    try {
      suppressions = file == null ? Suppressions.none() : SuppressionFile.read(file);
      return Exclusions.of(excludes);
    } catch (MalformedSuppressionsException | Exclusions.BadGlob e) {
      throw new Unusable(e.getMessage());
    }
  }

  /** Under {@code --verbose}, one note per file left out. */
  void noteLeftOut(ModelFiles.Expansion expansion, Consumer<String> notes) {
    if (!verbose) {
      return;
    }
    for (ModelFiles.Left left : expansion.excluded()) {
      notes.accept(left.file() + ": " + left.why());
    }
    for (ModelFiles.Left left : expansion.skipped()) {
      notes.accept(left.file() + ": skipped: " + left.why());
    }
  }

  ModelReport suppress(ModelReport m) {
    return suppressions.apply(m);
  }

  /** Notes of the suppression entries that matched nothing in the run. */
  List<String> staleSuppressions() {
    return suppressions.staleNotes();
  }
}
