package io.modelaudit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.modelaudit.TestPaths;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The text summary, golden files in google-java-format's style: {@code
 * src/test/resources/summary/NAME.args} holds the arguments, one a line ({@code env:NAME=VALUE}
 * lines set environment variables, such as {@code COLUMNS}), and {@code NAME.output} what the
 * command prints. With {@code -Dgolden.write=true} the test rewrites the outputs instead of
 * checking them (then read the diff before committing it).
 */
class TextSummaryGoldenTest {
  private static final Path FOLDER = TestPaths.projectRoot().resolve("src/test/resources/summary");

  @TestFactory
  Stream<DynamicTest> outputsMatchTheGoldenFiles() throws IOException {
    boolean write = Boolean.getBoolean("golden.write");
    List<Path> cases;
    try (Stream<Path> files = Files.list(FOLDER)) {
      cases = files.filter(p -> p.toString().endsWith(".args")).sorted().toList();
    }
    return cases.stream()
        .map(
            args ->
                DynamicTest.dynamicTest(
                    args.getFileName().toString(),
                    () -> {
                      String name = args.getFileName().toString().replace(".args", "");
                      String actual = run(args);
                      Path golden = FOLDER.resolve(name + ".output");
                      if (write) {
                        Files.writeString(golden, actual, StandardCharsets.UTF_8);
                      } else {
                        assertEquals(Files.readString(golden, StandardCharsets.UTF_8), actual);
                      }
                    }));
  }

  /** Runs the arguments of an {@code .args} file; returns what went to stdout. */
  static String run(Path argsFile) throws IOException {
    Map<String, String> environment = new HashMap<>();
    List<String> args = new ArrayList<>();
    for (String line : Files.readAllLines(argsFile, StandardCharsets.UTF_8)) {
      if (line.startsWith("env:")) {
        String[] kv = line.substring(4).split("=", 2);
        environment.put(kv[0], kv[1]);
      } else if (!line.isEmpty()) {
        args.add(line);
      }
    }
    String[] result = CliEnvRun.of(environment, args.toArray(String[]::new));
    assertEquals("0", result[0], result[2]);
    return result[1];
  }
}
