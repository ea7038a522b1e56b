package io.modelaudit.audit;

import io.modelaudit.compare.Dl4jVectorComparison;
import io.modelaudit.compare.StoredWeightComparison;
import io.modelaudit.detect.FormatDetector;
import io.modelaudit.detect.ModelFormat;
import io.modelaudit.formats.ArchitectureException;
import io.modelaudit.formats.ImportedModel;
import io.modelaudit.formats.ModelFileException;
import io.modelaudit.formats.dl4j.Dl4jImporter;
import io.modelaudit.formats.dl4j.Dl4jModel;
import io.modelaudit.formats.ZipArchive;
import io.modelaudit.formats.keras.ArchitectureSiblings;
import io.modelaudit.formats.keras.KerasArchiveImporter;
import io.modelaudit.formats.keras.KerasH5Importer;
import io.modelaudit.formats.keras.KerasJsonImporter;
import io.modelaudit.formats.keras.TfjsLayersImporter;
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
  private final Path architecture;

  public ModelAuditor(Map<String, Shape> inputShapes) {
    this(inputShapes, null);
  }

  /**
   * @param inputShapes dims that fix a model input's unknown dims, by input name
   * @param architecture the architecture JSON for weights-only HDF5 files ({@code --config}); when
   *     null, one is looked for beside each such file
   */
  public ModelAuditor(Map<String, Shape> inputShapes, Path architecture) {
    this.inputShapes = Map.copyOf(inputShapes);
    this.architecture = architecture;
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
      InputShapeOverrides.check(model.graph(), inputShapes);
      InferredGraph graph = GraphInference.infer(model.graph(), inputShapes);
      StoredWeightComparison comparison = model.stored() == null ? null : StoredWeightComparison.compare(graph, model.stored());
      Long storedTotal = model.stored() == null ? null : model.stored().totalSize();
      return ReportAssembler.assemble(shown, model.format(), model.architecture(), new Framework(model.framework(), model.frameworkVersion(), model.backend()),
          graph, comparison, storedTotal);
    } catch (ArchitectureException e) {
      return ModelReport.error(shown, format.id(), new ErrorInfo(e.kind(), e.getMessage()), e.architecture().toString());
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
    InputShapeOverrides.check(model.graph(), inputShapes);
    InferredGraph graph = GraphInference.infer(model.graph(), inputShapes);
    StoredWeightComparison comparison = Dl4jVectorComparison.compare(graph, model.variables(), model.parameterOrder(), imported.storedLength());
    return ReportAssembler.assemble(shown, imported.format(), null, new Framework(Dl4jImporter.FRAMEWORK, null, null), graph, comparison,
        imported.storedLength());
  }

  private ImportedModel importModel(Path file, ModelFormat format) {
    switch (format) {
      case HDF5:
        return KerasH5Importer.importFile(file, architecture != null ? architecture : ArchitectureSiblings.find(file));
      case KERAS_V3:
        return KerasArchiveImporter.importFile(file);
      case KERAS_JSON:
        return KerasJsonImporter.importFile(file);
      case TFJS_LAYERS:
        return TfjsLayersImporter.importFile(file);
      case ZIP:
        ZipArchive.open(file).close(); // a damaged archive is reported as such
        throw new ModelFileException("not_a_model", "zip archive that is neither a Keras 3 .keras archive nor a Deeplearning4j model");
      case JSON:
        throw new ModelFileException("not_a_model", "JSON that is neither a Keras architecture, a TF.js model nor a Deeplearning4j configuration");
      case AMBIGUOUS:
        throw new ModelFileException("ambiguous", "the file is both an HDF5 file and a zip archive: Keras reads one or the other"
            + " depending on its name (.h5 or .keras), so no audit could speak for both");
      case EMPTY:
        throw new ModelFileException("not_a_model", "empty file: not a model file");
      default:
        throw new ModelFileException("not_a_model", "not a model file (neither HDF5, zip nor JSON)");
    }
  }
}
