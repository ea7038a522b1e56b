package io.modelaudit.docs;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.modelaudit.TestPaths;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * docs/generated/ must be what the registries say today, and docs/usage.md's copy of {@code --help}
 * what the command prints. With {@code -Ddocs.write=true} the test rewrites them instead of
 * checking them.
 */
class GeneratedDocsTest {
  private static final Path FOLDER = TestPaths.projectRoot().resolve("docs/generated");

  @TestFactory
  Stream<DynamicTest> generatedDocsAreUpToDate() {
    boolean write = Boolean.getBoolean("docs.write");
    return GeneratedDocs.all().stream()
        .map(
            doc ->
                DynamicTest.dynamicTest(
                    doc.file(),
                    () -> {
                      Path file = FOLDER.resolve(doc.file());
                      if (write) {
                        Files.createDirectories(FOLDER);
                        Files.writeString(file, doc.text());
                        return;
                      }
                      String current = current(file);
                      if (!current.equals(doc.text())) {
                        fail(
                            "docs/generated/"
                                + doc.file()
                                + " is stale ("
                                + firstDifference(doc.text(), current)
                                + "): rewrite it with "
                                + GeneratedDocs.REWRITE);
                      }
                    }));
  }

  private static final String HELP_INTRO = "`model-audit --help` prints:\n\n```\n";

  /** docs/usage.md shows {@code model-audit --help} as it is. */
  @Test
  void usageDocHoldsTheHelpAsItIs() throws Exception {
    Path usage = TestPaths.projectRoot().resolve("docs/usage.md");
    String doc = Files.readString(usage);
    int start = doc.indexOf(HELP_INTRO);
    assertTrue(start >= 0, "docs/usage.md introduces the help with " + HELP_INTRO);
    start += HELP_INTRO.length();
    int end = doc.indexOf("```\n", start);
    String help = CommandDocsTest.help();
    if (Boolean.getBoolean("docs.write")) {
      Files.writeString(usage, doc.substring(0, start) + help + doc.substring(end));
      return;
    }
    if (!doc.substring(start, end).equals(help)) {
      fail("docs/usage.md holds an old --help: rewrite it with " + GeneratedDocs.REWRITE);
    }
  }

  private static String firstDifference(String expected, String current) {
    String[] e = expected.split("\n", -1);
    String[] c = current.split("\n", -1);
    for (int i = 0; i < Math.max(e.length, c.length); i++) {
      String want = i < e.length ? e[i] : "(end of file)";
      String have = i < c.length ? c[i] : "(end of file)";
      if (!want.equals(have)) {
        return "line " + (i + 1) + " should be '" + want + "', is '" + have + "'";
      }
    }
    return "line endings differ";
  }

  private static String current(Path file) throws IOException {
    return Files.isRegularFile(file) ? Files.readString(file) : "(missing)";
  }
}
