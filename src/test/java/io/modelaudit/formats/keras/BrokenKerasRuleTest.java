package io.modelaudit.formats.keras;

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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A bug in a rule is ours, not the file's: it must reach the user as an internal error (exit 4),
 * never as a finding that the layer's configuration cannot be read.
 */
class BrokenKerasRuleTest {
  /** A class name no Keras writes: only this test binds it. */
  private static final String BROKEN = "BrokenRuleOfBrokenKerasRuleTest";

  @TempDir Path dir;

  @BeforeAll
  static void registerBrokenRule() {
    KerasLayerBindings.register(
        IdentityKind.class,
        a -> {
          throw new NullPointerException("a deliberate bug in a rule");
        },
        BROKEN);
  }

  @AfterAll
  static void unregisterBrokenRule() {
    KerasLayerBindings.unregister(BROKEN);
  }

  private Path model() throws Exception {
    Path file = dir.resolve("broken.json");
    Files.writeString(
        file,
        ("{'class_name': 'Sequential', 'config': {'name': 's', 'layers': ["
                + "{'class_name': 'Dense', 'config': {'name': 'd', 'units': 2, 'batch_input_shape': [null, 3]}},"
                + "{'class_name': '"
                + BROKEN
                + "', 'config': {'name': 'b'}}]}}")
            .replace('\'', '"'));
    return file;
  }

  private static String[] run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(new PrintWriter(out), new PrintWriter(err), false, args);
    return new String[] {String.valueOf(code), out.toString(), err.toString()};
  }

  @Test
  void aBugInARuleIsAnInternalErrorNotAFinding() throws Exception {
    Path file = model();
    String[] r = run(file.toString());
    assertEquals("4", r[0], r[1] + r[2]);
    assertEquals(
        "model-audit: "
            + file
            + ": internal error: java.lang.NullPointerException: a deliberate bug in a rule"
            + " (run with --stacktrace for details)\n",
        r[2].replace(System.lineSeparator(), "\n"));
    assertFalse(r[1].contains("cannot read its configuration"), r[1]);
  }

  @Test
  void theStackTraceNamesTheRule() throws Exception {
    Path file = model();
    String[] r = run("--stacktrace", file.toString());
    assertEquals("4", r[0], r[1] + r[2]);
    assertTrue(
        r[2].startsWith(
            "model-audit: "
                + file
                + ": internal error: java.lang.NullPointerException: a deliberate bug in a rule"
                + System.lineSeparator()
                + "java.lang.NullPointerException: a deliberate bug in a rule"),
        r[2]);
    assertTrue(r[2].contains("at " + BrokenKerasRuleTest.class.getName() + ".lambda$"), r[2]);
  }
}
