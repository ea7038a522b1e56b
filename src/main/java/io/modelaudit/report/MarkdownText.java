package io.modelaudit.report;

/**
 * Text from a model file made safe for GitHub-flavoured Markdown, inside a table cell or a
 * paragraph: it cannot end a cell, start markup or raw HTML, or break the line.
 */
final class MarkdownText {
  private static final String SPECIAL = "\\`*_[]<>|~&";

  private MarkdownText() {}

  /** Plain text: Markdown's special characters backslash-escaped. */
  static String text(String s) {
    if (s == null) {
      return "";
    }
    String flat = TerminalText.escape(s);
    StringBuilder b = new StringBuilder(flat.length() + 8);
    for (int i = 0; i < flat.length(); i++) {
      char c = flat.charAt(i);
      if (SPECIAL.indexOf(c) >= 0) {
        b.append('\\');
      }
      b.append(c);
    }
    return b.toString();
  }

  /**
   * A code span: fenced with one backtick more than the longest run inside it (padded with spaces
   * when the text starts or ends with one), and pipes escaped, which GFM undoes inside tables.
   */
  static String code(String s) {
    if (s == null || s.isEmpty()) {
      return "";
    }
    String flat = TerminalText.escape(s).replace("|", "\\|");
    int longest = 0;
    int run = 0;
    for (int i = 0; i < flat.length(); i++) {
      run = flat.charAt(i) == '`' ? run + 1 : 0;
      longest = Math.max(longest, run);
    }
    String fence = "`".repeat(longest + 1);
    boolean pad = flat.startsWith("`") || flat.endsWith("`") || flat.isBlank();
    String inner = pad ? " " + flat + " " : flat;
    return fence + inner + fence;
  }
}
