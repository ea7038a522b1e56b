package io.modelaudit.report;

import io.modelaudit.compare.Rule;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Each rule's help text, taken from its entry in docs/findings.md (bundled into the jar by the
 * build), so the page stays the one place it is written.
 */
public final class RuleHelp {
  static final String RESOURCE = "findings.md";
  private static final Pattern ENTRY =
      Pattern.compile("^- `([A-Z0-9_]+)`(?: \\([a-z]+\\))?: (.*)$");
  private static final Pattern LINK = Pattern.compile("\\[([^\\]]*)\\]\\([^)]*\\)");
  private static final Map<String, String> MARKDOWN = load();

  private RuleHelp() {}

  /** The rule's entry as Markdown (links to other pages reduced to their text), or null. */
  public static String markdown(Rule rule) {
    return MARKDOWN.get(rule.name());
  }

  /** The same as plain text: without Markdown's backticks and emphasis. */
  public static String text(Rule rule) {
    String md = markdown(rule);
    return md == null ? null : md.replace("`", "").replace("**", "");
  }

  private static Map<String, String> load() {
    try (InputStream in = RuleHelp.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        return Map.of();
      }
      return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Entries are list items {@code - `RULE`: text} (or {@code - `RULE` (warning): text}). */
  static Map<String, String> parse(String page) {
    Map<String, String> help = new HashMap<>();
    String rule = null;
    StringBuilder text = new StringBuilder();
    for (String line : page.split("\r?\n", -1)) {
      Matcher entry = ENTRY.matcher(line);
      boolean continues = rule != null && line.startsWith("  ") && !line.isBlank();
      if (continues) {
        text.append(' ').append(line.trim());
        continue;
      }
      if (rule != null) {
        help.put(rule, LINK.matcher(text.toString()).replaceAll("$1"));
        rule = null;
      }
      if (entry.matches()) {
        rule = entry.group(1);
        text.setLength(0);
        text.append(entry.group(2).trim());
      }
    }
    if (rule != null) {
      help.put(rule, LINK.matcher(text.toString()).replaceAll("$1"));
    }
    return Collections.unmodifiableMap(help);
  }
}
