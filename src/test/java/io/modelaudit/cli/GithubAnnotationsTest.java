package io.modelaudit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modelaudit.TestPaths;
import io.modelaudit.report.WorkflowCommand;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Under GitHub Actions ({@code GITHUB_ACTIONS=true}) each finding and each unreadable file is also
 * a workflow command on stderr, escaped as GitHub documents; stdout stays the report.
 */
class GithubAnnotationsTest {
  private static final Map<String, String> GITHUB = Map.of("GITHUB_ACTIONS", "true");
  private static final String WRONG_KERNEL = "test-models/keras/variants/seed_cnn_wrong_kernel.h5";
  private static final String WEIGHTS_ONLY = "test-models/keras/variants/seed_cnn_weights_only.h5";
  private static final String ATTENTION = "test-models/keras/attention.h5";
  private static final String UNSUPPORTED = "test-models/keras/crafted_forms/tfjs_valid.json";

  private static List<String> commands(String err) {
    return err.lines().filter(l -> l.startsWith("::")).toList();
  }

  @Test
  void eachFindingIsAnAnnotationOnStderrAndStdoutIsUnchanged() {
    String[] plain = CliEnvRun.of(Map.of(), WRONG_KERNEL, ATTENTION, WEIGHTS_ONLY);
    String[] github = CliEnvRun.of(GITHUB, WRONG_KERNEL, ATTENTION, WEIGHTS_ONLY);
    assertEquals(plain[0], github[0]);
    assertEquals("3", github[0]);
    assertEquals(plain[1], github[1], "stdout is the same report");
    assertTrue(commands(plain[2]).isEmpty(), plain[2]);

    List<String> commands = commands(github[2]);
    assertTrue(
        commands.contains(
            "::error file="
                + WRONG_KERNEL
                + ",title=PARAM_MISMATCH::conv2d_1: expected 1,510 parameters, the file stores"
                + " 1,360 [ours: 10 × (5·5·6 + 1) = 1,510]"),
        String.join("\n", commands));
    assertTrue(
        commands.stream()
            .anyMatch(
                c ->
                    c.startsWith(
                        "::warning file="
                            + ATTENTION
                            + ",title=RUNTIME_SHAPE_MISMATCH::mha_key: Keras 3 declares")),
        String.join("\n", commands));
    assertTrue(
        commands.contains(
            "::error file="
                + WEIGHTS_ONLY
                + ",title=FILE_NOT_AUDITED::weights-only Keras HDF5 file (no model_config"
                + " attribute): give its architecture with --config ARCH.json"),
        String.join("\n", commands));
    // The stderr line of the unreadable file is still there.
    assertTrue(github[2].contains("model-audit: " + WEIGHTS_ONLY + ": weights-only"));
  }

  @Test
  void noticesForInfoFindings() {
    String[] run = CliEnvRun.of(GITHUB, "--format", "json", UNSUPPORTED);
    List<String> commands = commands(run[2]);
    assertFalse(run[1].contains("::"), "the JSON on stdout has no annotation");
    assertTrue(commands.stream().allMatch(c -> c.startsWith("::notice file=")), run[2]);
  }

  @Test
  void onlyWhenGithubActionsIsTrue() {
    for (Map<String, String> env :
        List.of(
            Map.<String, String>of(), Map.of("GITHUB_ACTIONS", "false"), Map.of("CI", "true"))) {
      String[] run = CliEnvRun.of(env, WRONG_KERNEL);
      assertTrue(commands(run[2]).isEmpty(), env + ": " + run[2]);
    }
  }

  @Test
  void hostilePathsAndNamesStayInOneCommand(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("a,b:c%d\n::error::x.json");
    Files.copy(TestPaths.testModels().resolve("malformed/terminal_names.json"), file);
    String[] run = CliEnvRun.of(GITHUB, "--fail-on", "never", file.toString());
    List<String> commands = commands(run[2]);
    String c =
        commands.stream()
            .filter(l -> l.contains("STORED_LAYER_UNKNOWN"))
            .findFirst()
            .orElseThrow(() -> new AssertionError(run[2]));
    assertTrue(c.startsWith("::warning file="), c);
    assertTrue(
        c.contains("a%2Cb%3Ac%25d\\n%3A%3Aerror%3A%3Ax.json,title=STORED_LAYER_UNKNOWN::"), c);
    assertTrue(c.contains("stray\\x1b]0;owned\\x07"), c);
    assertFalse(c.contains("\u001b"), c);
  }

  @Test
  void escapingAsGithubDocumentsIt() {
    assertEquals("50%25 done%0D%0Anext: a, b", WorkflowCommand.data("50% done\r\nnext: a, b"));
    assertEquals("a%3A b%2C c%25%0A", WorkflowCommand.property("a: b, c%\n"));
  }
}
