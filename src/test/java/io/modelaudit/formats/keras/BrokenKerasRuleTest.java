package io.modelaudit.formats.keras;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modelaudit.cli.Main;
import io.modelaudit.ir.LayerKind;
import io.modelaudit.ir.Shape;
import io.modelaudit.ir.layers.IdentityKind;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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

  /**
   * Bugs that look like a bad configuration: JDK exceptions of the types rules once raised for one,
   * thrown while the rule is built and while it computes shapes.
   */
  private static final Map<String, String> LOOKALIKES = new LinkedHashMap<>();

  static {
    LOOKALIKES.put(
        "BrokenBindArgumentOfBrokenKerasRuleTest",
        "java.lang.NumberFormatException: For input string: \"oops\"");
    LOOKALIKES.put(
        "BrokenBindDivisionOfBrokenKerasRuleTest", "java.lang.ArithmeticException: / by zero");
    LOOKALIKES.put(
        "BrokenShapeArgumentOfBrokenKerasRuleTest",
        "java.lang.NumberFormatException: For input string: \"oops\"");
    LOOKALIKES.put(
        "BrokenShapeDivisionOfBrokenKerasRuleTest", "java.lang.ArithmeticException: / by zero");
  }

  @BeforeAll
  static void registerLookalikes() {
    KerasLayerBindings.register(
        IdentityKind.class,
        a -> IdentityKind.INSTANCE.equals(Integer.parseInt("oops")) ? null : IdentityKind.INSTANCE,
        "BrokenBindArgumentOfBrokenKerasRuleTest");
    KerasLayerBindings.register(
        IdentityKind.class,
        a -> IdentityKind.INSTANCE.equals(1 / zero()) ? null : IdentityKind.INSTANCE,
        "BrokenBindDivisionOfBrokenKerasRuleTest");
    KerasLayerBindings.register(
        LayerKind.class,
        a -> inputs -> List.of(Shape.of(null, (long) Integer.parseInt("oops"))),
        "BrokenShapeArgumentOfBrokenKerasRuleTest");
    KerasLayerBindings.register(
        LayerKind.class,
        a -> inputs -> List.of(Shape.of(null, 1L / (inputs.size() - 1))),
        "BrokenShapeDivisionOfBrokenKerasRuleTest");
  }

  /** A bug whose message quotes the file: the layer's {@code note} setting, in the cause too. */
  private static final String ECHOING = "EchoingBrokenRuleOfBrokenKerasRuleTest";

  @BeforeAll
  static void registerEchoingRule() {
    KerasLayerBindings.register(
        IdentityKind.class,
        a -> {
          String note = a.getString("", "note");
          throw new IllegalStateException(
              "a deliberate bug about " + note, new IllegalArgumentException(note));
        },
        ECHOING);
  }

  private static int zero() {
    return 0;
  }

  @AfterAll
  static void unregisterBrokenRule() {
    KerasLayerBindings.unregister(BROKEN);
    LOOKALIKES.keySet().forEach(KerasLayerBindings::unregister);
    KerasLayerBindings.unregister(ECHOING);
  }

  /** A bug that throws what a bad file once made rules throw is still a bug: exit 4, no finding. */
  @Test
  void aBugThatLooksLikeABadConfigurationIsStillAnInternalError() throws Exception {
    for (Map.Entry<String, String> e : LOOKALIKES.entrySet()) {
      Path file = model(e.getKey());
      String[] r = run(file.toString());
      assertEquals("4", r[0], e.getKey() + ": " + r[1] + r[2]);
      assertEquals(
          "model-audit: "
              + file
              + ": internal error: "
              + e.getValue()
              + " (run with --stacktrace for details)\n",
          r[2].replace(System.lineSeparator(), "\n"),
          e.getKey());
    }
  }

  private Path model() throws Exception {
    return model(BROKEN);
  }

  private Path model(String brokenClass) throws Exception {
    return model(brokenClass, "");
  }

  private Path model(String brokenClass, String note) throws Exception {
    Path file = dir.resolve(brokenClass + ".json");
    Files.writeString(
        file,
        ("{'class_name': 'Sequential', 'config': {'name': 's', 'layers': ["
                + "{'class_name': 'Dense', 'config': {'name': 'd', 'units': 2, 'batch_input_shape': [null, 3]}},"
                + "{'class_name': '"
                + brokenClass
                + "', 'config': {'name': 'b', 'note': 'NOTE'}}]}}")
            .replace('\'', '"')
            .replace("NOTE", note));
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

  /** Text from the file inside an exception's message is escaped in the stack trace too. */
  @Test
  void theStackTraceEscapesTextFromTheFile() throws Exception {
    Path file = model(ECHOING, "x\\u001b[2J\\nFindings: none\\u202e");
    String[] r = run("--stacktrace", file.toString());
    assertEquals("4", r[0], r[1] + r[2]);
    String escaped = "x\\x1b[2J\\nFindings: none\\u202e";
    assertTrue(
        r[2].contains(
            System.lineSeparator()
                + "java.lang.IllegalStateException: a deliberate bug about "
                + escaped
                + System.lineSeparator()),
        r[2]);
    assertTrue(
        r[2].contains(
            System.lineSeparator()
                + "Caused by: java.lang.IllegalArgumentException: "
                + escaped
                + System.lineSeparator()),
        r[2]);
    assertTrue(r[2].contains("\tat " + BrokenKerasRuleTest.class.getName() + ".lambda$"), r[2]);
    for (char c : r[2].toCharArray()) {
      assertFalse(c == 0x1b || c == '\u202e', "printed as it is: " + r[2]);
    }
    assertFalse(r[2].lines().anyMatch(l -> l.startsWith("Findings")), r[2]);
  }
}
