package io.modelaudit.report.html;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.modelaudit.cli.Main;
import java.awt.image.BufferedImage;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import javax.imageio.ImageIO;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The HTML report as a browser shows it: headless Chromium loads the page, runs its scripts (which
 * write each layer box's rendered position into {@code data-box}) and takes a screenshot. Checked
 * against the JSON report of the same model: every layer is drawn once with its name, class and
 * output shape, no two boxes overlap (a nested layer lies inside its model's box), a mismatching
 * layer is marked in words and drawn in red, and the screenshot is a real picture.
 */
class HtmlBrowserTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String SEED = "test-models/keras/seed_cnn.h5";
  private static final String NESTED = "test-models/keras/functional_nested.h5";
  private static final String WRONG_KERNEL = "test-models/keras/variants/seed_cnn_wrong_kernel.h5";
  private static final int WIDTH = 1280;

  @TempDir Path work;

  /** One layer as the JSON report gives it. */
  private record Layer(String path, String name, String className, String shape, String status) {}

  /** One drawn layer box: its rendered rectangle in page pixels. */
  private record Box(String path, double x, double y, double w, double h) {
    boolean overlaps(Box o) {
      double dx = Math.min(x + w, o.x + o.w) - Math.max(x, o.x);
      double dy = Math.min(y + h, o.y + o.h) - Math.max(y, o.y);
      return dx > 0.5 && dy > 0.5;
    }

    boolean inside(Box o) {
      return x >= o.x - 0.5
          && y >= o.y - 0.5
          && x + w <= o.x + o.w + 0.5
          && y + h <= o.y + o.h + 0.5;
    }
  }

  @Test
  void theSeedModelIsDrawnLayerByLayer() throws Exception {
    Document dom = renderAndCheck(SEED, false);
    Element conv = drawn(dom, 0).get("conv2d");
    assertTrue(lines(conv).contains("(None, 28, 28, 6)"), lines(conv).toString());
    assertTrue(lines(conv).contains("456 params"), lines(conv).toString());
    Element conv1 = drawn(dom, 0).get("conv2d_1");
    assertTrue(lines(conv1).contains("(None, 24, 24, 10)"), lines(conv1).toString());
    assertTrue(lines(conv1).contains("1,510 params"), lines(conv1).toString());
    assertEquals(1, dom.select("svg.graph path.edge").size(), "conv2d → conv2d_1");
  }

  @Test
  void aFunctionalModelWithNestedModelsAndASharedLayer() throws Exception {
    Document dom = renderAndCheck(NESTED, false);
    Map<String, Element> drawn = drawn(dom, 0);
    assertTrue(drawn.get("seq_block").hasClass("group"), "a nested Sequential is a group");
    assertTrue(drawn.get("func_block").hasClass("group"), "a nested functional model is a group");
    assertTrue(lines(drawn.get("shared_dense")).contains("(None, 4) ×2 calls"));
    // The shared layer takes both nested models' outputs and feeds both heads.
    int sharedEdges = dom.select("svg.graph path.edge").size();
    assertEquals(11, sharedEdges, "one edge per distinct connection");
  }

  @Test
  void aMismatchingLayerIsMarkedInWordsAndInRed() throws Exception {
    Document dom = renderAndCheck(WRONG_KERNEL, true);
    Element bad = drawn(dom, 0).get("conv2d_1");
    assertTrue(bad.hasClass("mismatch"));
    assertTrue(lines(bad).contains("✗ MISMATCH"), lines(bad).toString());
    assertFalse(drawn(dom, 0).get("conv2d").hasClass("mismatch"));
  }

  @Test
  void theLayerTableSortsByAColumnWhenItsHeaderIsClicked() throws Exception {
    HeadlessChromium chromium = HeadlessChromium.find(work);
    Path page = work.resolve("sorted.html");
    // After the page's own script: click "Params" once (ascending), record the rows' order.
    String click =
        "<script>var t = document.querySelector('table.layers');"
            + "Array.prototype.filter.call(t.tHead.rows[0].cells,"
            + " function (h) { return h.textContent === 'Params'; })[0].click();"
            + "document.documentElement.setAttribute('data-sorted',"
            + " Array.prototype.map.call(t.tBodies[0].rows,"
            + " function (r) { return r.getAttribute('data-layer'); }).join(','));</script>";
    Files.writeString(page, run("html", NESTED).replace("</body>", click + "</body>"));
    Document dom = Jsoup.parse(chromium.dumpDom(page, WIDTH));

    JsonNode layers = JSON.readTree(run("json", NESTED)).at("/models/0/layers");
    List<JsonNode> byParams = new ArrayList<>();
    layers.forEach(byParams::add);
    byParams.sort((a, b) -> Long.compare(a.get("params").asLong(), b.get("params").asLong()));
    String expected =
        byParams.stream().map(l -> l.get("path").asText()).collect(Collectors.joining(","));
    assertEquals(expected, dom.selectFirst("html").attr("data-sorted"));
    assertEquals(
        "ascending",
        dom.select("table.layers th").stream()
            .filter(h -> h.text().equals("Params"))
            .findFirst()
            .orElseThrow()
            .attr("aria-sort"));
  }

  @Test
  void thePageNeedsNoNetwork() {
    for (String model : List.of(SEED, NESTED, WRONG_KERNEL)) {
      String html = run("html", model);
      String withoutSvgNamespace = html.replace("xmlns=\"http://www.w3.org/2000/svg\"", "");
      for (String outside : List.of("http:", "https:", "src=", "@import", "url(/", "<link")) {
        assertFalse(withoutSvgNamespace.contains(outside), model + " refers outside: " + outside);
      }
    }
  }

  /** Renders the model's page in Chromium and checks it against the model's JSON report. */
  private Document renderAndCheck(String model, boolean expectMismatch) throws Exception {
    HeadlessChromium chromium = HeadlessChromium.find(work);
    Path page = work.resolve(Path.of(model).getFileName() + ".html");
    Files.writeString(page, run("html", model));
    Document dom = Jsoup.parse(chromium.dumpDom(page, WIDTH));
    assertEquals("true", dom.selectFirst("html").attr("data-rendered"), "the page's script ran");

    List<Layer> layers = layers(model);
    Map<String, Element> drawn = drawn(dom, 0);
    assertEquals(
        layers.stream().map(Layer::path).toList(),
        new ArrayList<>(drawn.keySet()),
        "one box per layer, in the report's order");
    assertEquals(layers.size(), dom.select("svg.graph g.layer").size(), "no layer drawn twice");

    List<Box> boxes = new ArrayList<>();
    for (Layer l : layers) {
      Element g = drawn.get(l.path());
      String text = g.hasClass("group") ? g.selectFirst("text.group-title").text() : "";
      List<String> lines = lines(g);
      if (g.hasClass("group")) {
        assertTrue(text.contains(l.name()) && text.contains(l.className()), text);
      } else {
        assertEquals(l.name(), lines.get(0), l.path());
        assertEquals(l.className(), lines.get(1), l.path());
        assertTrue(lines.get(2).startsWith(l.shape()), lines + " should show " + l.shape());
      }
      boolean mismatch = "mismatch".equals(l.status());
      assertEquals(mismatch, g.hasClass("mismatch"), l.path() + " marked as mismatching");
      assertEquals(
          mismatch,
          lines.contains("✗ MISMATCH") || text.contains("✗ MISMATCH"),
          l.path() + " says it mismatches");
      boxes.add(box(g));
    }
    for (int i = 0; i < boxes.size(); i++) {
      for (int j = i + 1; j < boxes.size(); j++) {
        Box a = boxes.get(i);
        Box b = boxes.get(j);
        if (b.path().startsWith(a.path() + "/")) {
          assertTrue(b.inside(a), b + " should lie inside its model " + a);
        } else if (!a.path().startsWith(b.path() + "/")) {
          assertFalse(a.overlaps(b), a + " overlaps " + b);
        }
      }
    }

    double bottom = boxes.stream().mapToDouble(b -> b.y() + b.h()).max().orElse(0);
    int height = (int) Math.min(4000, Math.ceil(bottom) + 40);
    Path png = chromium.screenshot(page, WIDTH, height);
    BufferedImage image = ImageIO.read(png.toFile());
    assertNotNull(image, png + " is not a PNG");
    assertEquals(WIDTH, image.getWidth());
    assertEquals(height, image.getHeight());
    assertPicture(image);
    for (Layer l : layers) {
      Box b = boxes.get(layers.indexOf(l));
      boolean red = redBorder(image, b);
      assertEquals("mismatch".equals(l.status()), red, l.path() + "'s box drawn in red");
    }
    assertEquals(expectMismatch, layers.stream().anyMatch(l -> "mismatch".equals(l.status())));
    return dom;
  }

  /** Not blank: many colours, and a fair share of the page is not background. */
  private static void assertPicture(BufferedImage image) {
    Set<Integer> colours = new HashSet<>();
    long inked = 0;
    for (int y = 0; y < image.getHeight(); y += 2) {
      for (int x = 0; x < image.getWidth(); x += 2) {
        int rgb = image.getRGB(x, y) & 0xffffff;
        colours.add(rgb);
        if (rgb != 0xffffff) {
          inked++;
        }
      }
    }
    long sampled = (long) (image.getHeight() / 2) * (image.getWidth() / 2);
    assertTrue(colours.size() > 20, colours.size() + " colours");
    assertTrue(inked > sampled / 50, inked + " of " + sampled + " sampled pixels inked");
  }

  /**
   * Whether most of the box's left border is red (the mismatch colour, #c62828). A mismatching
   * box's stroke is 2.5 px wide around its edge, so the pixel column at the edge lies within it.
   */
  private static boolean redBorder(BufferedImage image, Box b) {
    int x = (int) Math.floor(b.x());
    int red = 0;
    int seen = 0;
    for (int y = (int) Math.ceil(b.y() + 6); y < b.y() + b.h() - 6; y++) {
      int rgb = image.getRGB(x, y);
      int r = (rgb >> 16) & 0xff;
      int g = (rgb >> 8) & 0xff;
      int bl = rgb & 0xff;
      seen++;
      if (r > 150 && g < 110 && bl < 110) {
        red++;
      }
    }
    return seen > 0 && red > seen / 2;
  }

  private static Box box(Element g) {
    String[] v = g.attr("data-box").trim().split(" ");
    assertEquals(4, v.length, "data-box of " + g.attr("data-layer") + ": " + g.attr("data-box"));
    Box b =
        new Box(
            g.attr("data-layer"),
            Double.parseDouble(v[0]),
            Double.parseDouble(v[1]),
            Double.parseDouble(v[2]),
            Double.parseDouble(v[3]));
    assertTrue(b.w() > 10 && b.h() > 10, b + " is drawn with a size");
    return b;
  }

  private static List<String> lines(Element g) {
    return g.select("tspan").eachText();
  }

  /** The layer boxes of the n-th model's graph, by layer path, in document order. */
  private static Map<String, Element> drawn(Document dom, int n) {
    Element svg = dom.select("section.model").get(n).selectFirst("svg.graph");
    Map<String, Element> byPath = new LinkedHashMap<>();
    // Groups come first in the SVG (behind their layers): restore the report's order by index.
    List<Element> all = svg.select("g.layer");
    all.sort((a, b) -> Integer.compare(order(a), order(b)));
    for (Element g : all) {
      byPath.put(g.attr("data-layer"), g);
    }
    return byPath;
  }

  private static int order(Element g) {
    return Integer.parseInt(g.attr("data-index"));
  }

  private static List<Layer> layers(String model) throws Exception {
    JsonNode m = JSON.readTree(run("json", model)).at("/models/0");
    List<Layer> out = new ArrayList<>();
    for (JsonNode l : m.get("layers")) {
      JsonNode dims = l.at("/output_shapes/0");
      String shape =
          StreamSupport.stream(dims.spliterator(), false)
              .map(d -> d.isNull() ? "None" : d.asText())
              .collect(Collectors.joining(", ", "(", dims.size() == 1 ? ",)" : ")"));
      out.add(
          new Layer(
              l.get("path").asText(),
              l.get("name").asText(),
              l.get("class").asText(),
              shape,
              l.get("status").asText()));
    }
    return out;
  }

  private static String run(String format, String model) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    Main.run(
        new PrintWriter(out),
        new PrintWriter(err),
        false,
        "--format",
        format,
        "--fail-on",
        "never",
        model);
    return out.toString();
  }
}
