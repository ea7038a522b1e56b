package io.modelaudit.report.summary;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DisplayWidthTest {
  @ParameterizedTest(name = "{0}: {1} cells")
  @CsvSource({
    "conv2d, 6",
    "畳み込み層, 10", // CJK ideographs and hiragana: East Asian Wide
    "밀집_층, 7", // Hangul syllables: Wide
    "ＡＢ, 4", // fullwidth forms
    "e\u0301, 1", // a combining acute accent takes no cell
    "a\u200db, 2", // zero-width joiner: a format character
    "ｶﾀｶﾅ, 4", // halfwidth katakana: one cell each
    "…, 1"
  })
  void cells(String text, int cells) {
    assertEquals(cells, DisplayWidth.of(text));
  }

  @ParameterizedTest(name = "{0} in {1} cells: {2}")
  @CsvSource({
    "conv2d_1 (Conv2D), 10, conv2d_1 …",
    "short, 10, short",
    "畳み込み層 (Conv2D), 6, 畳み…", // 4 cells of ideographs and the ellipsis: 5
    "畳み込み層 (Conv2D), 7, 畳み込…"
  })
  void truncate(String text, int cells, String expected) {
    assertEquals(expected, DisplayWidth.truncate(text, cells));
  }
}
