package io.modelaudit.report.summary;

import com.ibm.icu.lang.UCharacter;
import com.ibm.icu.lang.UProperty;

/**
 * How many terminal cells text takes: East Asian Wide and Fullwidth characters take 2 (CJK
 * ideographs, kana, Hangul, fullwidth forms, most emoji), combining marks and format characters
 * (zero-width joiner, variation selectors) 0, every other character 1. The widths come from ICU's
 * Unicode data.
 */
public final class DisplayWidth {
  private DisplayWidth() {}

  /** Cells of the whole text. */
  public static int of(String text) {
    int cells = 0;
    for (int i = 0; i < text.length(); ) {
      int cp = text.codePointAt(i);
      cells += of(cp);
      i += Character.charCount(cp);
    }
    return cells;
  }

  /** Cells of one code point: 0, 1 or 2. */
  public static int of(int codePoint) {
    if (codePoint < 0x300) {
      return 1; // Latin, and every ASCII character: the common case, without a table look-up
    }
    int type = Character.getType(codePoint);
    if (type == Character.NON_SPACING_MARK
        || type == Character.ENCLOSING_MARK
        || type == Character.FORMAT) {
      return 0;
    }
    int width = UCharacter.getIntPropertyValue(codePoint, UProperty.EAST_ASIAN_WIDTH);
    return width == UCharacter.EastAsianWidth.WIDE || width == UCharacter.EastAsianWidth.FULLWIDTH
        ? 2
        : 1;
  }

  /**
   * The text cut to at most {@code cells} cells, ending with an ellipsis when cut; a wide character
   * that would straddle the limit is left out (the result may be a cell short then).
   */
  public static String truncate(String text, int cells) {
    if (of(text) <= cells) {
      return text;
    }
    if (cells <= 0) {
      return "";
    }
    int budget = cells - 1; // the ellipsis takes one cell
    StringBuilder b = new StringBuilder();
    int used = 0;
    for (int i = 0; i < text.length(); ) {
      int cp = text.codePointAt(i);
      int w = of(cp);
      if (used + w > budget) {
        break;
      }
      b.appendCodePoint(cp);
      used += w;
      i += Character.charCount(cp);
    }
    return b.append('…').toString();
  }

  /** The text followed by spaces up to {@code cells} cells. */
  public static String padRight(String text, int cells) {
    return text + " ".repeat(Math.max(0, cells - of(text)));
  }

  /** Spaces, then the text, up to {@code cells} cells. */
  public static String padLeft(String text, int cells) {
    return " ".repeat(Math.max(0, cells - of(text))) + text;
  }
}
