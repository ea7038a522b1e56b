package io.modelaudit.report.html;

import io.modelaudit.report.TerminalText;

/** Text from a model file made safe inside HTML and SVG: element content and quoted attributes. */
final class HtmlText {
  private HtmlText() {}

  static String escape(String s) {
    if (s == null) {
      return "";
    }
    String flat = TerminalText.escape(s);
    StringBuilder b = new StringBuilder(flat.length() + 16);
    for (int i = 0; i < flat.length(); i++) {
      char c = flat.charAt(i);
      switch (c) {
        case '&' -> b.append("&amp;");
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        case '"' -> b.append("&quot;");
        case '\'' -> b.append("&#39;");
        default -> b.append(c);
      }
    }
    return b.toString();
  }
}
