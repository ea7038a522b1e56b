package io.modelaudit.suppress;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.modelaudit.compare.Rule;
import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.regex.PatternSyntaxException;

/**
 * Reads a suppression file ({@code .model-audit.yml}):
 *
 * <pre>
 * suppressions:
 *   - rule: PARAM_MISMATCH          # required: a rule id
 *     path: "models/legacy/**"      # optional: glob over the model's path
 *     layer: "conv2d_*"             # optional: layer name or glob
 *     reason: "retrained in #42"    # required
 * </pre>
 *
 * Anything else in the file (an unknown key, a missing reason, an unknown rule) makes it malformed:
 * a typo must not silently suppress nothing, or everything.
 */
public final class SuppressionFile {
  /** The file looked for in the current directory when {@code --suppressions} is not given. */
  public static final String DEFAULT_NAME = ".model-audit.yml";

  private static final Set<String> ENTRY_KEYS = Set.of("rule", "path", "layer", "reason");
  private static final YAMLMapper YAML = new YAMLMapper();

  private SuppressionFile() {}

  public static Suppressions read(Path file) throws MalformedSuppressionsException {
    JsonNode root;
    try {
      root = YAML.readTree(file.toFile());
    } catch (JsonProcessingException e) {
      throw malformed(
          file, "not valid YAML (" + firstLine(e.getOriginalMessage()) + where(e) + ")");
    } catch (IOException e) {
      throw malformed(file, "cannot be read (" + e.getMessage() + ")");
    }
    if (root == null || root.isMissingNode() || root.isNull()) {
      return new Suppressions(file, List.of());
    }
    if (!root.isObject()) {
      throw malformed(file, "expected a mapping with the key 'suppressions'");
    }
    for (Iterator<String> keys = root.fieldNames(); keys.hasNext(); ) {
      String key = keys.next();
      if (!key.equals("suppressions")) {
        throw malformed(file, "unknown key '" + key + "' (only 'suppressions' is read)");
      }
    }
    JsonNode list = root.path("suppressions");
    if (list.isNull() || list.isMissingNode()) {
      return new Suppressions(file, List.of());
    }
    if (!list.isArray()) {
      throw malformed(file, "'suppressions' must be a list of entries");
    }
    List<SuppressionEntry> entries = new ArrayList<>();
    for (int i = 0; i < list.size(); i++) {
      entries.add(entry(file, i + 1, list.get(i)));
    }
    return new Suppressions(file, entries);
  }

  private static SuppressionEntry entry(Path file, int number, JsonNode n)
      throws MalformedSuppressionsException {
    String at = "entry " + number + ": ";
    if (!n.isObject()) {
      throw malformed(file, at + "expected a mapping with rule, reason and optionally path, layer");
    }
    for (Iterator<String> keys = n.fieldNames(); keys.hasNext(); ) {
      String key = keys.next();
      if (!ENTRY_KEYS.contains(key)) {
        throw malformed(file, at + "unknown key '" + key + "' (keys: rule, path, layer, reason)");
      }
    }
    String ruleName = text(file, at, n, "rule", true);
    Rule rule;
    try {
      rule = Rule.valueOf(ruleName);
    } catch (IllegalArgumentException e) {
      throw malformed(file, at + "no rule '" + ruleName + "' (see docs/generated/rules.md)");
    }
    String reason = text(file, at, n, "reason", true);
    String path = text(file, at, n, "path", false);
    String layer = text(file, at, n, "layer", false);
    return new SuppressionEntry(
        number,
        rule,
        path,
        glob(file, at, "path", path),
        layer,
        glob(file, at, "layer", layer),
        reason);
  }

  private static String text(Path file, String at, JsonNode n, String key, boolean required)
      throws MalformedSuppressionsException {
    JsonNode v = n.get(key);
    if (v == null || v.isNull()) {
      if (required) {
        throw malformed(file, at + "'" + key + "' is required");
      }
      return null;
    }
    if (!v.isValueNode() || v.asText().isBlank()) {
      throw malformed(file, at + "'" + key + "' must be a non-empty text");
    }
    return v.asText();
  }

  private static PathMatcher glob(Path file, String at, String key, String glob)
      throws MalformedSuppressionsException {
    if (glob == null) {
      return null;
    }
    try {
      return FileSystems.getDefault().getPathMatcher("glob:" + glob);
    } catch (PatternSyntaxException e) {
      throw malformed(file, at + "'" + key + "' is not a glob (" + e.getDescription() + ")");
    }
  }

  private static String where(JsonProcessingException e) {
    return e.getLocation() == null ? "" : ", line " + e.getLocation().getLineNr();
  }

  private static String firstLine(String message) {
    return message == null ? "syntax error" : message.lines().findFirst().orElse("syntax error");
  }

  private static MalformedSuppressionsException malformed(Path file, String problem) {
    return new MalformedSuppressionsException(file + ": " + problem);
  }
}
