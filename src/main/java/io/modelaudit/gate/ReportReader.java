package io.modelaudit.gate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads a model back from a JSON report written by {@code model-audit --format json}. */
public final class ReportReader {
  /** Larger files are not taken for reports. */
  static final long MAX_BYTES = 512L * 1024 * 1024;

  private static final ObjectMapper MAPPER = new ObjectMapper();

  static {
    MAPPER
        .getFactory()
        .setStreamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(64).build());
  }

  private ReportReader() {}

  /** Whether the file starts like a JSON report ({@code {"schema_version" : ...}). */
  public static boolean looksLikeReport(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      String head = new String(in.readNBytes(64), java.nio.charset.StandardCharsets.UTF_8);
      return head.replaceAll("\\s", "").startsWith("{\"schema_version\":");
    } catch (IOException e) {
      return false;
    }
  }

  /**
   * The one model of a JSON report.
   *
   * @throws LockException (with the reason) when the file is not such a report, holds other than
   *     one model, or that model could not be audited
   */
  public static ModelSnapshot read(Path file) throws LockException, IOException {
    if (Files.size(file) > MAX_BYTES) {
      throw new LockException("larger than " + MAX_BYTES + " bytes");
    }
    JsonNode root;
    try {
      root = MAPPER.readTree(file.toFile());
    } catch (JsonProcessingException e) {
      throw new LockException("not a JSON report: " + e.getOriginalMessage(), e);
    }
    if (root == null
        || root.path("schema_version").asInt() != 1
        || !root.path("models").isArray()) {
      throw new LockException("not a model-audit JSON report (schema_version 1)");
    }
    JsonNode models = root.get("models");
    if (models.size() != 1) {
      throw new LockException(
          "the report holds " + models.size() + " models; diff compares reports of one model");
    }
    JsonNode m = models.get(0);
    if ("error".equals(SnapshotJson.text(m, "status"))) {
      throw new LockException(
          "the report's model could not be audited: "
              + m.path("error").path("message").asText("no message"));
    }
    return new ModelSnapshot(
        SnapshotJson.text(m, "path"),
        null,
        SnapshotJson.text(m, "format"),
        SnapshotJson.readFramework(m.get("framework")),
        SnapshotJson.readTotals(m.get("totals")),
        SnapshotJson.readLayers(m.path("layers")));
  }
}
