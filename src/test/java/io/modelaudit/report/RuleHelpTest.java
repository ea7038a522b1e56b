package io.modelaudit.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modelaudit.TestPaths;
import io.modelaudit.compare.Rule;
import java.nio.file.Files;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every rule's help comes from its entry in docs/findings.md, which the jar carries. */
class RuleHelpTest {
  @Test
  void everyRuleHasAnEntryInTheFindingsPage() throws Exception {
    Map<String, String> page =
        RuleHelp.parse(Files.readString(TestPaths.projectRoot().resolve("docs/findings.md")));
    for (Rule r : Rule.values()) {
      assertNotNull(page.get(r.name()), r.name() + " has no entry '- `" + r.name() + "`: ...'");
      assertEquals(page.get(r.name()), RuleHelp.markdown(r), "the bundled page is the same");
    }
  }

  @Test
  void entriesRunOverTheirContinuationLinesAndLoseTheirLinks() {
    Map<String, String> help =
        RuleHelp.parse(
            "- `A_RULE` (warning): first line\n"
                + "  second, see [Shapes](#shapes).\n"
                + "- `B_RULE`: other\n"
                + "\n"
                + "  not part of B\n");
    assertEquals("first line second, see Shapes.", help.get("A_RULE"));
    assertEquals("other", help.get("B_RULE"));
    assertTrue(RuleHelp.text(Rule.CONFIG_INVALID).contains("target_shape"));
  }
}
