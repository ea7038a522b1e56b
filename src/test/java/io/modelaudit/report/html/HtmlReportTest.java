package io.modelaudit.report.html;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.modelaudit.TestPaths;
import io.modelaudit.cli.Main;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

/**
 * The HTML report of every test model: a section per model, a drawn graph for each readable one.
 */
class HtmlReportTest {
  @Test
  void everyTestModelGetsItsSectionAndItsGraph() {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code =
        Main.run(
            new PrintWriter(out),
            new PrintWriter(err),
            false,
            "--format",
            "html",
            "--fail-on",
            "never",
            TestPaths.testModels().toString());
    assertNotEquals(4, code, err.toString());
    String html = out.toString();
    assertFalse(html.contains(HtmlRenderer.NOT_LAID_OUT), "ELK failed on a test model");
    Document page = Jsoup.parse(html);
    int models = page.select("section.model").size();
    int unreadable = page.select("section.model > p.meta > span.status.error").size();
    int graphs = page.select("section.model svg.graph").size();
    assertEquals(models - unreadable, graphs, "a graph for every readable model");
    assertEquals(
        page.select("table.layers tbody tr").size(),
        page.select("svg.graph g.layer").size(),
        "every layer in the tables is drawn");
    System.out.printf(
        "HtmlReportTest: %d models, %d graphs, %d layers drawn%n",
        models, graphs, page.select("svg.graph g.layer").size());
  }
}
