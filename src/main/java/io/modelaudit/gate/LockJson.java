package io.modelaudit.gate;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.MinimalPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The lock file's text: JSON, 2-space indentation, keys in a fixed order, one model per block and
 * one line per layer (so that a change to a layer is a one-line change in review), '\n' line ends.
 */
public final class LockJson {
  /** Larger lock files are refused rather than read. */
  static final long MAX_BYTES = 256L * 1024 * 1024;

  private static final ObjectMapper MAPPER = SnapshotJson.MAPPER;

  private LockJson() {}

  public static String write(LockFile lock) {
    StringWriter text = new StringWriter();
    try (JsonGenerator g = MAPPER.createGenerator(text)) {
      g.setPrettyPrinter(blockPrinter());
      g.writeStartObject();
      g.writeNumberField("lock_version", LockFile.LOCK_VERSION);
      if (!lock.limits().isEmpty()) {
        g.writeFieldName("limits");
        g.writeStartObject();
        if (lock.limits().maxParams() != null) {
          g.writeNumberField("max_params", lock.limits().maxParams());
        }
        if (lock.limits().maxFileBytes() != null) {
          g.writeNumberField("max_file_bytes", lock.limits().maxFileBytes());
        }
        if (lock.limits().maxMacs() != null) {
          g.writeNumberField("max_macs", lock.limits().maxMacs());
        }
        if (lock.limits().maxWeightBytes() != null) {
          g.writeNumberField("max_weight_bytes", lock.limits().maxWeightBytes());
        }
        g.writeEndObject();
      }
      g.writeFieldName("models");
      g.writeStartArray();
      for (ModelSnapshot m : lock.models()) {
        model(g, m);
      }
      g.writeEndArray();
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return text + "\n";
  }

  private static void model(JsonGenerator g, ModelSnapshot m) throws IOException {
    g.writeStartObject();
    g.writeStringField("path", m.path());
    g.writeStringField("sha256", m.sha256());
    g.writeStringField("format", m.format());
    g.writeFieldName("framework");
    if (m.framework() == null) {
      g.writeNull();
    } else {
      g.writeRawValue(line(SnapshotJson.framework(m.framework())));
    }
    g.writeFieldName("totals");
    g.writeRawValue(line(SnapshotJson.totals(m.totals())));
    g.writeFieldName("layers");
    if (m.layers().isEmpty()) {
      g.writeRawValue("[]");
    } else {
      g.writeStartArray();
      for (LayerSnapshot l : m.layers()) {
        g.writeRawValue(line(SnapshotJson.layer(l)));
      }
      g.writeEndArray();
    }
    g.writeEndObject();
  }

  public static void write(LockFile lock, Path file) throws IOException {
    Files.writeString(file, write(lock), StandardCharsets.UTF_8);
  }

  public static LockFile read(Path file) throws LockException {
    String text;
    try {
      if (Files.size(file) > MAX_BYTES) {
        throw new LockException(file + ": larger than " + MAX_BYTES + " bytes, not a lock file");
      }
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw new LockException(file + ": no such file");
    } catch (IOException e) {
      throw new LockException(file + ": " + e.getMessage(), e);
    }
    try {
      return parse(MAPPER.readTree(text));
    } catch (JsonProcessingException e) {
      throw new LockException(file + ": not a model-audit lock file: " + e.getOriginalMessage(), e);
    } catch (LockException e) {
      throw new LockException(file + ": not a model-audit lock file: " + e.getMessage(), e);
    }
  }

  static LockFile parse(JsonNode root) throws LockException {
    if (root == null || !root.isObject() || !root.path("lock_version").isInt()) {
      throw new LockException("no lock_version");
    }
    int version = root.get("lock_version").asInt();
    if (version != LockFile.LOCK_VERSION) {
      throw new LockException(
          "lock_version " + version + " (this model-audit reads " + LockFile.LOCK_VERSION + ")");
    }
    JsonNode limits = root.path("limits");
    Limits parsedLimits =
        new Limits(
            limit(limits, "max_params"),
            limit(limits, "max_file_bytes"),
            limit(limits, "max_macs"),
            limit(limits, "max_weight_bytes"));
    JsonNode models = root.path("models");
    if (!models.isArray()) {
      throw new LockException("no models list");
    }
    List<ModelSnapshot> out = new ArrayList<>();
    for (JsonNode m : models) {
      String path = SnapshotJson.text(m, "path");
      if (path == null) {
        throw new LockException("a model has no path");
      }
      out.add(
          new ModelSnapshot(
              path,
              SnapshotJson.text(m, "sha256"),
              SnapshotJson.text(m, "format"),
              SnapshotJson.readFramework(m.get("framework")),
              SnapshotJson.readTotals(m.get("totals")),
              SnapshotJson.readLayers(m.path("layers"))));
    }
    return new LockFile(parsedLimits, out);
  }

  private static Long limit(JsonNode limits, String key) throws LockException {
    JsonNode v = limits.path(key);
    if (v.isMissingNode() || v.isNull()) {
      return null;
    }
    if (!v.isIntegralNumber() || v.asLong() < 0) {
      throw new LockException("limits." + key + " is not a whole number");
    }
    return v.asLong();
  }

  /** A value on one line, with a space after ':' and ','. */
  private static String line(JsonNode n) throws IOException {
    StringWriter w = new StringWriter();
    try (JsonGenerator g = MAPPER.createGenerator(w)) {
      g.setPrettyPrinter(new OneLinePrinter());
      MAPPER.writeTree(g, n);
    }
    return w.toString();
  }

  private static DefaultPrettyPrinter blockPrinter() {
    DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
    DefaultPrettyPrinter p =
        new DefaultPrettyPrinter()
            .withSeparators(
                Separators.createDefaultInstance()
                    .withObjectFieldValueSpacing(Separators.Spacing.AFTER));
    p.indentObjectsWith(indenter);
    p.indentArraysWith(indenter);
    return p;
  }

  private static final class OneLinePrinter extends MinimalPrettyPrinter {
    @Override
    public void writeObjectFieldValueSeparator(JsonGenerator g) throws IOException {
      g.writeRaw(": ");
    }

    @Override
    public void writeObjectEntrySeparator(JsonGenerator g) throws IOException {
      g.writeRaw(", ");
    }

    @Override
    public void writeArrayValueSeparator(JsonGenerator g) throws IOException {
      g.writeRaw(", ");
    }
  }
}
