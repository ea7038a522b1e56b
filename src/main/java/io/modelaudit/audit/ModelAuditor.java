package io.modelaudit.audit;

import io.modelaudit.detect.FormatDetector;
import io.modelaudit.detect.ModelFormat;
import io.modelaudit.formats.ArchitectureException;
import io.modelaudit.formats.ImportOptions;
import io.modelaudit.formats.ImportedModel;
import io.modelaudit.formats.ModelFileException;
import io.modelaudit.infer.GraphInference;
import io.modelaudit.infer.InferenceBudgetException;
import io.modelaudit.infer.InferredGraph;
import io.modelaudit.ir.DimensionOverflowException;
import io.modelaudit.ir.Shape;
import io.modelaudit.reference.Reference;
import io.modelaudit.reference.Subject;
import io.modelaudit.reference.Verdict;
import io.modelaudit.reference.recorded.RecordedReference;
import io.modelaudit.reference.stored.StoredReference;
import io.modelaudit.report.ModelReport;
import io.modelaudit.report.ModelReport.ErrorInfo;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The pipeline for one file: detect → import → infer → ask every reference → assemble the report.
 * Reading the file (detection, import, inference) and the in-process references run under the time
 * limit; a reference with a process of its own (DL4J) is asked afterwards, under its own limit. A
 * problem with the file becomes an error report; only a bug in this tool escapes as an exception.
 */
public final class ModelAuditor implements AutoCloseable {
  private final Map<String, Shape> inputShapes;
  private final ImportOptions options;
  private final List<Reference> references = new ArrayList<>();
  private final TimeLimit timeLimit;
  private final long batchSize;

  public ModelAuditor(Map<String, Shape> inputShapes) {
    this(inputShapes, null);
  }

  public ModelAuditor(Map<String, Shape> inputShapes, Path architecture) {
    this(inputShapes, architecture, List.of(), null);
  }

  /**
   * @param inputShapes dims that fix a model input's unknown dims, by input name
   * @param architecture the architecture JSON for weights-only HDF5 files ({@code --config}); when
   *     null, one is looked for beside each such file
   * @param references asked in this order after the stored and recorded references, which are
   *     always asked
   * @param limit how long reading one file may take, or null for no limit (then it is read on the
   *     calling thread)
   */
  public ModelAuditor(
      Map<String, Shape> inputShapes,
      Path architecture,
      List<Reference> references,
      Duration limit) {
    this(inputShapes, architecture, references, limit, 1);
  }

  /**
   * @param batchSize the examples per batch the activation memory is reported for ({@code
   *     --batch-size})
   */
  public ModelAuditor(
      Map<String, Shape> inputShapes,
      Path architecture,
      List<Reference> references,
      Duration limit,
      long batchSize) {
    this.batchSize = batchSize;
    this.inputShapes = Map.copyOf(inputShapes);
    this.options = new ImportOptions(architecture, ArchitectureSiblings::find);
    this.references.add(new StoredReference());
    this.references.add(new RecordedReference());
    this.references.addAll(references);
    this.timeLimit = limit == null ? null : new TimeLimit(limit);
  }

  /** Audits one file. */
  public ModelReport audit(Path file) {
    return audit(file, null);
  }

  /**
   * Audits one file whose format a folder scan has already detected ({@code detected}; null: detect
   * it here).
   */
  public ModelReport audit(Path file, ModelFormat detected) {
    Examined examined =
        timeLimit == null
            ? examine(file, detected)
            : timeLimit.run(
                () -> examine(file, detected),
                () ->
                    new Examined(
                        ModelReport.error(
                            file.toString(),
                            null,
                            new ErrorInfo(
                                "timeout",
                                "gave up after "
                                    + timeLimit.limit().toSeconds()
                                    + " s: the file's structure may be hostile or damaged"))));
    if (examined.error() != null) {
      return examined.error();
    }
    Subject subject = examined.subject();
    List<Verdict> verdicts = new ArrayList<>(examined.verdicts());
    for (Reference reference : references) {
      if (reference.outOfProcess()) {
        verdicts.add(reference.compare(subject));
      }
    }
    return ReportAssembler.assemble(file.toString(), subject.ours(), verdicts, batchSize);
  }

  /** What reading one file gave: the subject and the in-process verdicts, or an error report. */
  private record Examined(Subject subject, List<Verdict> verdicts, ModelReport error) {
    Examined(ModelReport error) {
      this(null, List.of(), error);
    }
  }

  private Examined examine(Path file, ModelFormat detected) {
    String shown = file.toString();
    ModelFormat format = ModelFormat.UNKNOWN;
    try {
      if (!Files.exists(file)) {
        throw new ModelFileException("not_found", "no such file");
      }
      if (Files.isDirectory(file)) {
        throw new ModelFileException("no_models", "no model files in this folder");
      }
      if (!Files.isRegularFile(file)) {
        throw new ModelFileException("not_a_model", "not a regular file");
      }
      format = detected != null ? detected : FormatDetector.detect(file);
      ImportedModel model = Importers.importFile(file, format, options);
      InputShapeOverrides.check(model.graph(), inputShapes);
      InferredGraph inferred = GraphInference.infer(model.graph(), inputShapes);
      Subject subject = new Subject(file, model, inferred, null);
      List<Verdict> verdicts = new ArrayList<>();
      for (Reference reference : references) {
        if (!reference.outOfProcess()) {
          Verdict verdict = reference.compare(subject);
          verdicts.add(verdict);
          if (verdict.table() != null) {
            subject = subject.withOurs(verdict.table());
          }
        }
      }
      return new Examined(subject, verdicts, null);
    } catch (ArchitectureException e) {
      return new Examined(
          ModelReport.error(
              shown,
              format.id(),
              new ErrorInfo(e.kind(), e.getMessage()),
              e.architecture().toString()));
    } catch (ModelFileException e) {
      return new Examined(
          ModelReport.error(shown, format.id(), new ErrorInfo(e.kind(), e.getMessage())));
    } catch (InferenceBudgetException e) {
      return new Examined(
          ModelReport.error(
              shown,
              format.id(),
              new ErrorInfo("too_complex", "the model is too large to audit: " + e.getMessage())));
    } catch (DimensionOverflowException e) {
      return new Examined(
          ModelReport.error(
              shown,
              format.id(),
              new ErrorInfo("corrupt", "counts overflow: the file's numbers are impossible")));
    } catch (NoSuchFileException e) {
      return new Examined(
          ModelReport.error(shown, format.id(), new ErrorInfo("not_found", "no such file")));
    } catch (IOException e) {
      return new Examined(
          ModelReport.error(
              shown,
              format.id(),
              new ErrorInfo("unreadable", "cannot read the file: " + e.getMessage())));
    }
  }

  @Override
  public void close() {
    if (timeLimit != null) {
      timeLimit.close();
    }
  }
}
