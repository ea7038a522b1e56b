package io.modelaudit.report;

/**
 * Makes text that comes from a model file safe to print on a terminal: names, versions, messages
 * and paths must not be able to move the cursor, clear the screen, start a new line or reorder what
 * follows them. JSON output does not need this (Jackson escapes control characters).
 */
public final class TerminalText {
  private TerminalText() {}

  /**
   * The text with every control character written as a visible escape: C0 and C1 controls and DEL
   * (ESC, so ANSI/CSI/OSC sequences, CR, LF and TAB among them) as {@code \xHH} or {@code \n}-style
   * escapes, and the Unicode line separators and bidirectional controls as {@code \}{@code uHHHH}.
   * Other text, backslashes included, is unchanged; null stays null.
   */
  public static String escape(String text) {
    if (text == null) {
      return null;
    }
    int i = 0;
    while (i < text.length() && !unsafe(text.charAt(i))) {
      i++;
    }
    if (i == text.length()) {
      return text;
    }
    StringBuilder b = new StringBuilder(text.length() + 16).append(text, 0, i);
    for (; i < text.length(); i++) {
      char c = text.charAt(i);
      if (!unsafe(c)) {
        b.append(c);
      } else if (c == '\n') {
        b.append("\\n");
      } else if (c == '\r') {
        b.append("\\r");
      } else if (c == '\t') {
        b.append("\\t");
      } else if (c <= 0xff) {
        b.append(String.format("\\x%02x", (int) c));
      } else {
        b.append(String.format("\\u%04x", (int) c));
      }
    }
    return b.toString();
  }

  private static boolean unsafe(char c) {
    return c < 0x20
        || (c >= 0x7f && c <= 0x9f)
        || c == '\u061c' // Arabic letter mark
        || c == '\u200e' // left-to-right mark
        || c == '\u200f' // right-to-left mark
        || c == '\u2028' // line separator
        || c == '\u2029' // paragraph separator
        || (c >= '\u202a' && c <= '\u202e') // embeddings and overrides
        || (c >= '\u2066' && c <= '\u2069'); // isolates
  }
}
