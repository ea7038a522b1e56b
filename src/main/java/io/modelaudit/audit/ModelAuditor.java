package io.modelaudit.audit;

import io.modelaudit.compare.Dl4jVectorComparison;
import io.modelaudit.compare.StoredWeightComparison;
import io.modelaudit.detect.FormatDetector;
import io.modelaudit.detect.ModelFormat;
import io.modelaudit.formats.ImportedModel;
import io.modelaudit.formats.ModelFileException;
import io.modelaudit.formats.dl4j.Dl4jImporter;
import io.modelaudit.formats.dl4j.Dl4jModel;
import io.modelaudit.formats.keras.KerasH5Importer;
import io.modelaudit.infer.GraphInference;
import io.modelaudit.infer.InferenceBudgetException;
import io.modelaudit.infer.InferredGraph;
import io.modelaudit.ir.Shape;
import io.modelaudit.report.ModelReport;
import io.modelaudit.report.ModelReport.ErrorInfo;
import io.modelaudit.report.ModelReport.Framework;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;

/** The pipeline for one file: detect, import, infer, compare, assemble. */
public final class ModelAuditor {
  private final Map<String, Shape> inputShapes;

  public ModelAuditor(Map<String, Shape> inputShapes) {
    this.inputShapes = Map.copyOf(inputShapes);
  }

  /**
   * Audits one file. Problems with the file become an error report; only a bug in this tool
   * escapes as an exception.
   */
  public ModelReport audit(Path file) {
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
      format = FormatDetector.detect(file);
      if (format == ModelFormat.DL4J_ZIP || format == ModelFormat.DL4J_JSON) {
        return auditDl4j(shown, file, format);
      }
      if (format == ModelFormat.ND4J_ARRAY) {
        throw new ModelFileException("not_a_model", "an ND4J array (" + FormatDetector.describeArray(file) + "), not a model");
      }
      ImportedModel model = importModel(file, format);
      InferredGraph graph = GraphInference.infer(model.graph(), inputShapes);
      StoredWeightComparison comparison = model.stored() == null ? null : StoredWeightComparison.compare(graph, model.stored());
      Long storedTotal = model.stored() == null ? null : model.stored().totalSize();
      return ReportAssembler.assemble(shown, model.format(), new Framework(model.framework(), model.frameworkVersion(), model.backend()),
          graph, comparison, storedTotal);
    } catch (ModelFileException e) {
      return ModelReport.error(shown, format.id(), new ErrorInfo(e.kind(), e.getMessage()));
    } catch (InferenceBudgetException e) {
      return ModelReport.error(shown, format.id(), new ErrorInfo("too_complex", "the model is too large to audit: " + e.getMessage()));
    } catch (ArithmeticException e) {
      return ModelReport.error(shown, format.id(), new ErrorInfo("corrupt", "counts overflow: the file's numbers are impossible"));
    } catch (NoSuchFileException e) {
      return ModelReport.error(shown, format.id(), new ErrorInfo("not_found", "no such file"));
    } catch (IOException e) {
      return ModelReport.error(shown, format.id(), new ErrorInfo("unreadable", "cannot read the file: " + e.getMessage()));
    }
  }

  private ModelReport auditDl4j(String shown, Path file, ModelFormat format) throws IOException {
    Dl4jImporter.Imported imported = format == ModelFormat.DL4J_ZIP ? Dl4jImporter.importArchive(file) : Dl4jImporter.importJson(file);
    Dl4jModel model = imported.model();
    InferredGraph graph = GraphInference.infer(model.graph(), inputShapes);
    StoredWeightComparison comparison = Dl4jVectorComparison.compare(graph, model.variables(), model.parameterOrder(), imported.storedLength());
    return ReportAssembler.assemble(shown, imported.format(), new Framework(Dl4jImporter.FRAMEWORK, null, null), graph, comparison,
        imported.storedLength());
  }

  private static ImportedModel importModel(Path file, ModelFormat format) {
    switch (format) {
      case HDF5:
        return KerasH5Importer.importFile(file);
      case ZIP:
        throw new ModelFileException("unsupported_format", "zip archive (Keras .keras or Deeplearning4j): not supported yet, only Keras HDF5 files are");
      case JSON:
        throw new ModelFileException("unsupported_format", "JSON file: architecture-only files are not supported yet, only Keras HDF5 files are");
      default:
        throw new ModelFileException("not_a_model", "not a model file (neither HDF5, zip nor JSON)");
    }
  }
}
