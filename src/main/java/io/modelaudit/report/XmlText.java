package io.modelaudit.report;

/**
 * Text from a model file made fit for an XML 1.0 document: characters XML cannot hold at all
 * (control characters, unpaired surrogates, U+FFFE and U+FFFF) would make the whole report
 * unreadable, so they are written as visible escapes instead, as in the text report. The writer
 * escapes {@code <}, {@code &} and quotes.
 */
public final class XmlText {
  private XmlText() {}

  /** For attributes and one-line text: control characters, line breaks included, escaped. */
  public static String line(String text) {
    return text == null ? null : xmlChars(TerminalText.escape(text));
  }

  private static String xmlChars(String s) {
    StringBuilder b = null;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      boolean pair =
          Character.isHighSurrogate(c)
              && i + 1 < s.length()
              && Character.isLowSurrogate(s.charAt(i + 1));
      if (pair) {
        if (b != null) {
          b.append(c).append(s.charAt(i + 1));
        }
        i++;
        continue;
      }
      boolean bad = Character.isSurrogate(c) || c == '\uFFFE' || c == '\uFFFF';
      if (bad && b == null) {
        b = new StringBuilder(s.length() + 16).append(s, 0, i);
      }
      if (b != null) {
        if (bad) {
          b.append(String.format("\\u%04x", (int) c));
        } else {
          b.append(c);
        }
      }
    }
    return b == null ? s : b.toString();
  }
}
