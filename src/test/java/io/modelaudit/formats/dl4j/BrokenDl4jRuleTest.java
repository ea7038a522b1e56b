package io.modelaudit.formats.dl4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modelaudit.cli.Main;
import io.modelaudit.ir.layers.IdentityKind;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A bug in a layer or vertex rule is ours, not the file's: it must reach the user as an internal
 * error (exit 4), never as a finding that the configuration cannot be read.
 */
class BrokenDl4jRuleTest {
  /** Class names no DL4J writes: only this test binds them. */
  private static final String BROKEN_LAYER = "BrokenLayerOfBrokenDl4jRuleTest";

  private static final String BROKEN_VERTEX = "BrokenVertexOfBrokenDl4jRuleTest";

  private static final String NETWORK =
      "{'confs': [{'layer': {'@class': 'org.example." + BROKEN_LAYER + "', 'nin': 3, 'nout': 2}}]}";
  private static final String GRAPH =
      "{'networkInputs': ['in'], 'networkOutputs': ['v'], 'vertexInputs': {'v': ['in']},"
          + " 'vertices': {'v': {'@class': 'org.example."
          + BROKEN_VERTEX
          + "'}}}";

  @TempDir Path dir;

  @BeforeAll
  static void registerBrokenRules() {
    Dl4jLayerBindings.register(
        IdentityKind.class,
        Dl4jLayerTraits.takes(Dl4jLayerBindings.FF),
        a -> {
          throw new NullPointerException("a deliberate bug in a layer rule");
        },
        BROKEN_LAYER);
    Dl4jVertexBindings.register(
        IdentityKind.class,
        a -> {
          throw new NullPointerException("a deliberate bug in a vertex rule");
        },
        BROKEN_VERTEX);
  }

  @AfterAll
  static void unregisterBrokenRules() {
    Dl4jLayerBindings.unregister(BROKEN_LAYER);
    Dl4jVertexBindings.unregister(BROKEN_VERTEX);
  }

  private Path configuration(String which) throws Exception {
    Path file = dir.resolve(which + ".json");
    Files.writeString(file, (which.equals("layer") ? NETWORK : GRAPH).replace('\'', '"'));
    return file;
  }

  private static String[] run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(new PrintWriter(out), new PrintWriter(err), false, args);
    return new String[] {String.valueOf(code), out.toString(), err.toString()};
  }

  @ParameterizedTest
  @ValueSource(strings = {"layer", "vertex"})
  void aBugInARuleIsAnInternalErrorNotAFinding(String which) throws Exception {
    Path file = configuration(which);
    String[] r = run(file.toString());
    assertEquals("4", r[0], r[1] + r[2]);
    assertEquals(
        "model-audit: "
            + file
            + ": internal error: java.lang.NullPointerException: a deliberate bug in a "
            + which
            + " rule"
            + " (run with --stacktrace for details)\n",
        r[2].replace(System.lineSeparator(), "\n"));
    assertFalse(r[1].contains("CONFIG_INVALID"), r[1]);
  }

  @ParameterizedTest
  @ValueSource(strings = {"layer", "vertex"})
  void theStackTraceNamesTheRule(String which) throws Exception {
    Path file = configuration(which);
    String[] r = run("--stacktrace", file.toString());
    assertEquals("4", r[0], r[1] + r[2]);
    String message = "java.lang.NullPointerException: a deliberate bug in a " + which + " rule";
    assertTrue(
        r[2].startsWith(
            "model-audit: "
                + file
                + ": internal error: "
                + message
                + System.lineSeparator()
                + message),
        r[2]);
    assertTrue(r[2].contains("at " + BrokenDl4jRuleTest.class.getName() + ".lambda$"), r[2]);
  }
}
