package io.modelaudit.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import io.modelaudit.TestPaths;
import io.modelaudit.cli.Main;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The Markdown, CSV and HTML reports of the seed model, of a functional model with nested models
 * and a shared layer, and of a model with a mismatch are the committed files of docs/examples/
 * (which the docs show as examples). With {@code -Dgolden.write=true} the test rewrites them
 * instead: {@value #REWRITE}.
 */
class ReportFormatsGoldenTest {
  static final String REWRITE = "mvn test -Dtest=ReportFormatsGoldenTest -Dgolden.write=true";
  private static final Path FOLDER = TestPaths.projectRoot().resolve("docs/examples");

  private record Case(String name, String model) {}

  private static final List<Case> CASES =
      List.of(
          new Case("seed_cnn", "test-models/keras/seed_cnn.h5"),
          new Case("functional_nested", "test-models/keras/functional_nested.h5"),
          new Case("seed_cnn_wrong_kernel", "test-models/keras/variants/seed_cnn_wrong_kernel.h5"));

  private static final List<String[]> FORMATS =
      List.of(
          new String[] {"text", "txt"},
          new String[] {"json", "json"},
          new String[] {"sarif", "sarif"},
          new String[] {"junit", "junit.xml"},
          new String[] {"markdown", "md"},
          new String[] {"csv", "csv"},
          new String[] {"html", "html"});

  /** SARIF names the directory the run started in; the golden files name it so. */
  private static final String RUN_DIRECTORY = "file:///RUN-DIRECTORY/";

  @TestFactory
  Stream<DynamicTest> reportsMatchTheirGoldenFiles() {
    boolean write = Boolean.getBoolean("golden.write");
    return CASES.stream()
        .flatMap(
            c ->
                FORMATS.stream()
                    .map(
                        f ->
                            DynamicTest.dynamicTest(
                                c.name() + "." + f[1],
                                () ->
                                    check(c, f[0], FOLDER.resolve(c.name() + "." + f[1]), write))));
  }

  private static void check(Case c, String format, Path golden, boolean write) throws IOException {
    String report = render(format, c.model());
    assertEquals(report, render(format, c.model()), "the same report twice (layout included)");
    if (write) {
      Files.createDirectories(FOLDER);
      Files.writeString(golden, report);
      return;
    }
    String current = Files.isRegularFile(golden) ? Files.readString(golden) : "(missing)";
    if (!current.equals(report)) {
      fail(
          "docs/examples/"
              + golden.getFileName()
              + " differs ("
              + firstDifference(report, current)
              + "): if the change is meant, rewrite it with "
              + REWRITE);
    }
  }

  private static String render(String format, String model) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code =
        Main.run(
            new PrintWriter(out),
            new PrintWriter(err),
            false,
            "--format",
            format,
            "--fail-on",
            "never",
            model);
    assertEquals(0, code, err.toString());
    return out.toString().replace(ArtifactUri.directoryUri(Path.of("")), RUN_DIRECTORY);
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
}
