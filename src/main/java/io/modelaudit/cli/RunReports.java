package io.modelaudit.cli;

import io.modelaudit.report.AddedResults;
import io.modelaudit.report.CsvRenderer;
import io.modelaudit.report.GithubAnnotations;
import io.modelaudit.report.JsonRenderer;
import io.modelaudit.report.JsonSections;
import io.modelaudit.report.JunitRenderer;
import io.modelaudit.report.MarkdownRenderer;
import io.modelaudit.report.ReportCounts;
import io.modelaudit.report.ReportRenderer;
import io.modelaudit.report.SarifRenderer;
import io.modelaudit.report.TeeReportStream;
import io.modelaudit.report.TextRenderer;
import io.modelaudit.report.html.HtmlRenderer;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Every report a run writes, fed from the one stream of models: {@code --format} on stdout, each
 * {@code -o FORMAT=FILE}, and GitHub annotations on stderr under GitHub Actions. The files are
 * opened before anything is audited, so a file that cannot be written stops the run at once.
 */
final class RunReports {
  private final ReportRenderer.ReportStream stream;
  private final List<OpenFile> files;

  private record OpenFile(OutputTarget target, PrintWriter writer) {}

  /** A report file that cannot be written; its message is the one line to print. */
  static final class CannotWrite extends Exception {
    CannotWrite(String message) {
      super(message);
    }
  }

  private RunReports(ReportRenderer.ReportStream stream, List<OpenFile> files) {
    this.stream = stream;
    this.files = files;
  }

  /**
   * Opens the files, then starts every report.
   *
   * @param stdoutFormat the report on stdout, or null when a bare {@code -o FILE} takes it
   * @param color whether the text report on stdout is coloured (files never are)
   */
  static RunReports open(
      String version,
      AuditCommand.OutputFormat stdoutFormat,
      boolean color,
      List<OutputTarget> targets,
      CiEnvironment environment,
      JsonSections jsonSections,
      AddedResults addedResults,
      PrintWriter out,
      PrintWriter err)
      throws CannotWrite {
    Path base = Path.of("");
    List<OpenFile> files = openAll(targets);
    List<ReportRenderer.ReportStream> streams = new ArrayList<>();
    if (stdoutFormat != null) {
      streams.add(
          renderer(stdoutFormat, color, base, jsonSections, addedResults).open(version, out));
    }
    for (OpenFile f : files) {
      streams.add(
          renderer(f.target().format(), false, base, jsonSections, addedResults)
              .open(version, f.writer()));
    }
    if (environment.githubActions()) {
      streams.add(new GithubAnnotations(base, addedResults).open(version, err));
    }
    return new RunReports(
        streams.size() == 1 ? streams.get(0) : new TeeReportStream(streams), files);
  }

  /**
   * {@code jsonSections} and {@code addedResults}: what a command (check) adds to the JSON report
   * and to the formats that list results.
   */
  static ReportRenderer renderer(
      AuditCommand.OutputFormat format,
      boolean color,
      Path base,
      JsonSections jsonSections,
      AddedResults addedResults) {
    return switch (format) {
      case text -> new TextRenderer(color);
      case json -> new JsonRenderer(jsonSections);
      case sarif -> new SarifRenderer(base, addedResults);
      case junit -> new JunitRenderer(addedResults);
      case markdown -> new MarkdownRenderer();
      case csv -> new CsvRenderer();
      case html -> new HtmlRenderer();
    };
  }

  ReportRenderer.ReportStream stream() {
    return stream;
  }

  /**
   * Finishes every report and closes the files.
   *
   * @return one line for each file that could not be written completely
   */
  List<String> finish(ReportCounts counts) {
    stream.finish(counts);
    List<String> failures = new ArrayList<>();
    for (OpenFile f : files) {
      f.writer().flush();
      if (f.writer().checkError()) {
        failures.add("-o " + f.target().given() + ": the file could not be written completely");
      }
      f.writer().close();
    }
    return failures;
  }

  private static List<OpenFile> openAll(List<OutputTarget> targets) throws CannotWrite {
    Map<Path, OutputTarget> seen = new HashMap<>();
    for (OutputTarget t : targets) {
      OutputTarget before = seen.put(t.file().toAbsolutePath().normalize(), t);
      if (before != null) {
        throw new CannotWrite(
            "-o " + before.given() + " and -o " + t.given() + " name the same file");
      }
    }
    List<OpenFile> opened = new ArrayList<>();
    for (OutputTarget t : targets) {
      try {
        opened.add(
            new OpenFile(
                t, new PrintWriter(Files.newBufferedWriter(t.file(), StandardCharsets.UTF_8))));
      } catch (IOException e) {
        opened.forEach(o -> o.writer().close());
        throw new CannotWrite("-o " + t.given() + ": cannot write the file (" + reason(e) + ")");
      }
    }
    return opened;
  }

  private static String reason(IOException e) {
    if (e instanceof NoSuchFileException) {
      return "its folder does not exist";
    }
    if (e instanceof AccessDeniedException) {
      return "permission denied";
    }
    if (e instanceof FileSystemException fs && fs.getReason() != null) {
      return fs.getReason();
    }
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
  }
}
