package io.modelaudit.formats.dl4j;

import com.fasterxml.jackson.databind.JsonNode;
import io.modelaudit.formats.BoundedJson;
import io.modelaudit.formats.ImportedModel;
import io.modelaudit.formats.ModelFileException;
import io.modelaudit.ir.Checked;
import io.modelaudit.ir.InvalidConfigException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Imports a ModelSerializer archive or a configuration JSON written by Deeplearning4j. */
public final class Dl4jImporter {
  public static final String FORMAT_ZIP = "dl4j-zip";
  public static final String FORMAT_JSON = "dl4j-json";
  public static final String FRAMEWORK = "dl4j";

  private Dl4jImporter() {}

  /** A ModelSerializer archive: its configuration, and the length of its parameter vector. */
  public static ImportedModel importArchive(Path file) {
    Dl4jArchive archive = Dl4jArchive.read(file);
    NdArrayHeader coefficients = archive.coefficients();
    if (coefficients != null) {
      checkCoefficients(coefficients, archive.coefficientsEntrySize());
    }
    Dl4jModel model = build(parse(archive.configuration(), Dl4jArchive.CONFIGURATION));
    return imported(FORMAT_ZIP, model, coefficients);
  }

  /** A configuration JSON: it stores no parameters. */
  public static ImportedModel importJson(Path file) throws IOException {
    if (Files.size(file) > Dl4jArchive.MAX_CONFIGURATION_BYTES) {
      throw new ModelFileException(
          "too_large",
          "the configuration is larger than "
              + (Dl4jArchive.MAX_CONFIGURATION_BYTES >> 20)
              + " MB");
    }
    return imported(
        FORMAT_JSON,
        build(parse(BoundedJson.decode(Files.readAllBytes(file)), "the configuration")),
        null);
  }

  private static ImportedModel imported(
      String format, Dl4jModel model, NdArrayHeader coefficients) {
    String dtype = coefficients == null ? null : Dl4jParameters.numpyName(coefficients.dataType());
    return new ImportedModel(
        format,
        FRAMEWORK,
        null,
        null,
        model.graph(),
        new Dl4jParameters(
            model.variables(),
            model.parameterOrder(),
            coefficients == null ? null : coefficients.length(),
            dtype,
            dtype == null ? 0 : coefficients.elementSize()));
  }

  private static Dl4jModel build(JsonNode root) {
    try {
      return Dl4jGraphBuilder.build(root);
    } catch (Dl4jConfigException | InvalidConfigException e) {
      throw new ModelFileException(
          "corrupt", "unreadable DL4J configuration: " + e.getMessage(), e);
    }
  }

  private static JsonNode parse(String text, String what) {
    return BoundedJson.parseObject(text, what);
  }

  /** The vector must be a row [1, N] (or [N]) whose bytes the entry really holds. */
  private static void checkCoefficients(NdArrayHeader h, long entrySize) {
    if (h.shape().size() > 2 || (h.shape().size() == 2 && h.shape().get(0) != 1)) {
      throw new ModelFileException(
          "corrupt", Dl4jArchive.COEFFICIENTS + " is not a parameter vector: shape " + h.shape());
    }
    if (h.length() > 0 && entrySize >= 0 && entrySize <= h.headerBytes()) {
      // Also for compressed data, whose size the header does not fix.
      throw new ModelFileException(
          "corrupt",
          Dl4jArchive.COEFFICIENTS
              + " announces "
              + h.length()
              + " "
              + h.dataType()
              + " values but holds no data after its header");
    }
    int elementSize = h.elementSize();
    if (entrySize >= 0 && elementSize > 0) {
      long expected = Checked.add(h.headerBytes(), Checked.multiply(h.length(), elementSize));
      if (entrySize != expected) {
        throw new ModelFileException(
            "corrupt",
            Dl4jArchive.COEFFICIENTS
                + " holds "
                + entrySize
                + " bytes, its header announces "
                + h.length()
                + " "
                + h.dataType()
                + " values ("
                + expected
                + " bytes)");
      }
    }
  }
}
