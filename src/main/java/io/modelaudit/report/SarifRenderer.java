package io.modelaudit.report;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.modelaudit.compare.Finding;
import io.modelaudit.compare.Rule;
import io.modelaudit.compare.Severity;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * SARIF 2.1.0 (docs/ci.md): one run whose driver lists every rule with its help, and one result per
 * finding, located at the model file (relative to {@code %SRCROOT%}, the current directory) and at
 * the layer ({@code model/layer}). A file that could not be audited is a result of the tool rule
 * {@link ToolRule#FILE_NOT_AUDITED}. Results are written as each model comes.
 */
public final class SarifRenderer implements ReportRenderer {
  public static final String SCHEMA =
      "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";
  public static final String SRCROOT = "%SRCROOT%";
  private static final String FINGERPRINT = "modelAuditFinding/v1";
  private static final ObjectMapper MAPPER =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private final Path base;
  private final AddedResults added;

  /** Paths are written relative to {@code base}, the directory the run was started in. */
  public SarifRenderer(Path base) {
    this(base, AddedResults.NONE);
  }

  /**
   * {@code added}: results a command (check) adds, under rules listed after the audit's own;
   * passing ones are left out.
   */
  public SarifRenderer(Path base, AddedResults added) {
    this.base = base;
    this.added = added;
  }

  @Override
  public ReportStream open(String toolVersion, PrintWriter out) {
    try {
      JsonGenerator g = MAPPER.createGenerator(out);
      g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
      g.writeStartObject();
      g.writeStringField("$schema", SCHEMA);
      g.writeStringField("version", "2.1.0");
      g.writeArrayFieldStart("runs");
      g.writeStartObject();
      g.writeFieldName("tool");
      MAPPER.writeTree(g, tool(toolVersion, added.rules()));
      g.writeObjectFieldStart("originalUriBaseIds");
      g.writeObjectFieldStart(SRCROOT);
      g.writeStringField("uri", ArtifactUri.directoryUri(base));
      g.writeEndObject();
      g.writeEndObject();
      g.writeArrayFieldStart("results");
      return new Stream(g, out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private final class Stream implements ReportStream {
    private final JsonGenerator g;
    private final PrintWriter out;

    Stream(JsonGenerator g, PrintWriter out) {
      this.g = g;
      this.out = out;
    }

    @Override
    public void model(ModelReport m) {
      try {
        if (m.error() != null) {
          MAPPER.writeTree(g, notAudited(m));
        }
        for (Finding f : m.findings()) {
          MAPPER.writeTree(g, result(m, f));
        }
        writeAdded(added.model(m));
        g.flush();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    private void writeAdded(List<AddedResults.AddedResult> results) throws IOException {
      for (AddedResults.AddedResult r : results) {
        if (r.level() != AddedResults.Level.PASS) {
          MAPPER.writeTree(g, addedResult(r));
        }
      }
    }

    @Override
    public void finish(ReportCounts counts) {
      try {
        writeAdded(added.end());
        g.writeEndArray();
        g.writeEndObject();
        g.writeEndArray();
        g.writeEndObject();
        g.close();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      out.println();
      out.flush();
    }
  }

  /**
   * The driver, with every rule in the order of the enum, then the tool rule, then the rules of
   * added results.
   */
  private static ObjectNode tool(String toolVersion, List<AddedResults.AddedRule> addedRules) {
    ObjectNode tool = MAPPER.createObjectNode();
    ObjectNode driver = tool.putObject("driver");
    driver.put("name", "model-audit");
    driver.put("version", toolVersion);
    driver.put("semanticVersion", toolVersion);
    if (ToolInfo.INFORMATION_URI != null) {
      driver.put("informationUri", ToolInfo.INFORMATION_URI);
    }
    ArrayNode rules = driver.putArray("rules");
    for (Rule r : Rule.values()) {
      String help = RuleHelp.text(r);
      String markdown = RuleHelp.markdown(r);
      rule(
          rules.addObject(),
          r.name(),
          r.description(),
          help == null ? r.description() : help,
          markdown,
          level(r.severity()));
    }
    rule(
        rules.addObject(),
        ToolRule.FILE_NOT_AUDITED,
        ToolRule.FILE_NOT_AUDITED_DESCRIPTION,
        ToolRule.FILE_NOT_AUDITED_HELP,
        null,
        "error");
    for (AddedResults.AddedRule r : addedRules) {
      rule(rules.addObject(), r.id(), r.description(), r.help(), null, "error");
    }
    return tool;
  }

  private static void rule(
      ObjectNode n, String id, String description, String help, String markdown, String level) {
    n.put("id", id);
    n.put("name", name(id));
    n.putObject("shortDescription").put("text", sentence(description));
    n.putObject("fullDescription").put("text", sentence(help));
    ObjectNode h = n.putObject("help");
    h.put("text", sentence(help));
    if (markdown != null) {
      h.put("markdown", sentence(markdown));
    }
    n.putObject("defaultConfiguration").put("level", level);
  }

  private ObjectNode result(ModelReport m, Finding f) {
    ObjectNode r = MAPPER.createObjectNode();
    r.put("ruleId", f.rule().name());
    r.put("ruleIndex", f.rule().ordinal());
    r.put("level", level(f.severity()));
    StringBuilder text = new StringBuilder();
    if (f.layer() != null) {
      text.append(f.layer()).append(": ");
    }
    text.append(f.message()).append(CountFormula.suffix(f));
    r.putObject("message").put("text", text.toString());
    locations(r, m, f.layer());
    r.putObject("partialFingerprints")
        .put(FINGERPRINT, fingerprint(f.rule().name(), relativePath(m), f.layer(), f.message()));
    ObjectNode p = r.putObject("properties");
    p.put("reference", f.reference());
    value(p, "expected", f.expected());
    value(p, "actual", f.actual());
    if (f.formula() != null) {
      p.put("formula", f.formula());
    }
    if (f.explanation() != null) {
      ObjectNode e = p.putObject("explanation");
      e.put("kind", f.explanation().kind());
      e.put("expected", f.explanation().expected());
      e.put("message", f.explanation().message());
    }
    if (f.suppressed() != null) {
      ObjectNode s = r.putArray("suppressions").addObject();
      s.put("kind", "external");
      s.put("status", "accepted");
      s.put("justification", f.suppressed().reason());
    }
    return r;
  }

  private ObjectNode addedResult(AddedResults.AddedResult a) {
    ObjectNode r = MAPPER.createObjectNode();
    r.put("ruleId", a.ruleId());
    r.put("ruleIndex", Rule.values().length + 1 + addedRuleIndex(a.ruleId()));
    r.put("level", a.level() == AddedResults.Level.FAIL ? "error" : "note");
    r.putObject("message").put("text", a.message());
    String path = ArtifactUri.relativePath(a.path(), base);
    ObjectNode location = r.putArray("locations").addObject();
    ObjectNode artifact = location.putObject("physicalLocation").putObject("artifactLocation");
    artifact.put("uri", ArtifactUri.uri(path));
    artifact.put("uriBaseId", SRCROOT);
    r.putObject("partialFingerprints")
        .put(FINGERPRINT, fingerprint(a.ruleId(), path, null, a.message()));
    if (!a.details().isEmpty()) {
      ArrayNode details = r.putObject("properties").putArray("details");
      a.details().forEach(details::add);
    }
    return r;
  }

  private int addedRuleIndex(String id) {
    List<AddedResults.AddedRule> rules = added.rules();
    for (int i = 0; i < rules.size(); i++) {
      if (rules.get(i).id().equals(id)) {
        return i;
      }
    }
    throw new IllegalStateException("a result names no rule: " + id);
  }

  private ObjectNode notAudited(ModelReport m) {
    ObjectNode r = MAPPER.createObjectNode();
    r.put("ruleId", ToolRule.FILE_NOT_AUDITED);
    r.put("ruleIndex", Rule.values().length);
    r.put("level", "error");
    r.putObject("message").put("text", m.error().message());
    locations(r, m, null);
    r.putObject("partialFingerprints")
        .put(FINGERPRINT, fingerprint(ToolRule.FILE_NOT_AUDITED, relativePath(m), null, null));
    r.putObject("properties").put("kind", m.error().kind());
    return r;
  }

  private void locations(ObjectNode r, ModelReport m, String layer) {
    ObjectNode location = r.putArray("locations").addObject();
    ObjectNode artifact = location.putObject("physicalLocation").putObject("artifactLocation");
    artifact.put("uri", ArtifactUri.uri(relativePath(m)));
    artifact.put("uriBaseId", SRCROOT);
    String model = modelName(m);
    ObjectNode logical = location.putArray("logicalLocations").addObject();
    if (layer == null) {
      logical.put("name", model);
      logical.put("fullyQualifiedName", model);
      logical.put("kind", "module");
    } else {
      logical.put("name", layer);
      logical.put("fullyQualifiedName", model + "/" + layer);
      logical.put("kind", "member");
    }
  }

  private String relativePath(ModelReport m) {
    return ArtifactUri.relativePath(m.path(), base);
  }

  /** The model's name as the file gives it, else the file's name. */
  private static String modelName(ModelReport m) {
    if (m.modelName() != null && !m.modelName().isEmpty()) {
      return m.modelName();
    }
    String p = m.path().replace('\\', '/');
    return p.substring(p.lastIndexOf('/') + 1);
  }

  static String level(Severity s) {
    return switch (s) {
      case ERROR -> "error";
      case WARNING -> "warning";
      case INFO -> "note";
    };
  }

  /** SARIF asks for descriptions as sentences. */
  private static String sentence(String s) {
    String t = Character.toUpperCase(s.charAt(0)) + s.substring(1);
    return t.endsWith(".") ? t : t + ".";
  }

  /** {@code PARAM_MISMATCH} to {@code ParamMismatch}, SARIF's style for a rule's name. */
  private static String name(String id) {
    StringBuilder b = new StringBuilder();
    for (String part : id.toLowerCase(java.util.Locale.ROOT).split("_")) {
      if (!part.isEmpty()) {
        b.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
      }
    }
    return b.toString();
  }

  /** The same finding in the same file gives the same print from one run to the next. */
  private static String fingerprint(String rule, String path, String layer, String message) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      String key = rule + '\0' + path + '\0' + layer + '\0' + message;
      return HexFormat.of().formatHex(sha.digest(key.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void value(ObjectNode n, String key, Object v) {
    if (v == null) {
      n.putNull(key);
    } else if (v instanceof Number) {
      n.put(key, ((Number) v).longValue());
    } else {
      n.put(key, v.toString());
    }
  }
}
