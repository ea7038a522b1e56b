package io.modelaudit.report;

import io.modelaudit.compare.Finding;
import io.modelaudit.compare.Severity;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * JUnit XML as CI servers read it (docs/ci.md): one {@code <testsuite>} per model (named by its
 * path), one {@code <testcase>} per layer, a {@code <failure>} per error finding, warnings and
 * notices in the test case's {@code <system-out>}, layers that could not be verified skipped, and a
 * file that could not be audited a suite with one {@code <error>}. Each suite is written as its
 * model comes; the counts are on each suite.
 */
public final class JunitRenderer implements ReportRenderer {
  /** The test case of findings about the whole model rather than a layer. */
  public static final String MODEL_CASE = "(model)";

  /** The test case of a file that could not be audited. */
  public static final String FILE_CASE = "(file)";

  /** The test case of what a command adds about a model (check: the model against the lock). */
  public static final String ADDED_CASE = "(baseline)";

  /** The suite of added results about no audited model (check: models of the lock not found). */
  public static final String ADDED_SUITE = "(baseline)";

  private final AddedResults added;

  public JunitRenderer() {
    this(AddedResults.NONE);
  }

  /** {@code added}: results a command (check) adds, one more test case in the model's suite. */
  public JunitRenderer(AddedResults added) {
    this.added = added;
  }

  @Override
  public ReportStream open(String toolVersion, PrintWriter out) {
    try {
      XMLStreamWriter x = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
      x.writeStartDocument("UTF-8", "1.0");
      x.writeCharacters("\n");
      x.writeStartElement("testsuites");
      x.writeAttribute("name", "model-audit " + toolVersion);
      return new Stream(x, out, added);
    } catch (XMLStreamException e) {
      throw failed(e);
    }
  }

  private static final class Stream implements ReportStream {
    private final XMLStreamWriter x;
    private final PrintWriter out;
    private final AddedResults added;

    Stream(XMLStreamWriter x, PrintWriter out, AddedResults added) {
      this.x = x;
      this.out = out;
      this.added = added;
    }

    @Override
    public void model(ModelReport m) {
      try {
        if (m.error() != null) {
          unreadable(x, m);
        } else {
          suite(x, m, added.model(m));
        }
        x.flush();
      } catch (XMLStreamException e) {
        throw failed(e);
      }
    }

    @Override
    public void finish(ReportCounts counts) {
      try {
        List<AddedResults.AddedResult> end = added.end();
        if (!end.isEmpty()) {
          addedSuite(x, end);
        }
        x.writeCharacters("\n");
        x.writeEndElement();
        x.writeEndDocument();
        x.flush();
      } catch (XMLStreamException e) {
        throw failed(e);
      }
      out.println();
      out.flush();
    }
  }

  /** One test case: a layer, or the model itself, with the findings about it. */
  private record Case(String name, LayerReport layer, List<Finding> findings) {
    boolean failed() {
      return findings.stream().anyMatch(JunitRenderer::failure);
    }

    boolean skipped() {
      return !failed()
          && layer != null
          && (LayerReport.UNVERIFIED.equals(layer.status())
              || LayerReport.UNSUPPORTED.equals(layer.status()));
    }
  }

  /** An error that no suppression file entry accepts. */
  private static boolean failure(Finding f) {
    return f.severity() == Severity.ERROR && f.suppressed() == null;
  }

  private static List<Case> cases(ModelReport m) {
    Map<String, Case> byPath = new LinkedHashMap<>();
    for (LayerReport l : m.layers()) {
      byPath.putIfAbsent(l.path(), new Case(l.path(), l, new ArrayList<>()));
    }
    for (Finding f : m.findings()) {
      String name = f.layer() == null ? MODEL_CASE : f.layer();
      byPath.computeIfAbsent(name, n -> new Case(n, null, new ArrayList<>())).findings().add(f);
    }
    return new ArrayList<>(byPath.values());
  }

  private static void suite(XMLStreamWriter x, ModelReport m, List<AddedResults.AddedResult> more)
      throws XMLStreamException {
    List<Case> cases = cases(m);
    long failures = cases.stream().filter(Case::failed).count();
    long skipped = cases.stream().filter(Case::skipped).count();
    boolean moreFails = more.stream().anyMatch(r -> r.level() == AddedResults.Level.FAIL);
    startSuite(
        x,
        m.path(),
        cases.size() + (more.isEmpty() ? 0 : 1),
        failures + (moreFails ? 1 : 0),
        0,
        skipped);
    properties(x, m);
    for (Case c : cases) {
      indent(x, 4);
      if (!c.skipped() && c.findings().isEmpty()) {
        x.writeEmptyElement("testcase");
        x.writeAttribute("classname", XmlText.line(m.path()));
        x.writeAttribute("name", XmlText.line(c.name()));
        continue;
      }
      x.writeStartElement("testcase");
      x.writeAttribute("classname", XmlText.line(m.path()));
      x.writeAttribute("name", XmlText.line(c.name()));
      for (Finding f : c.findings()) {
        if (failure(f)) {
          indent(x, 6);
          x.writeStartElement("failure");
          x.writeAttribute("message", XmlText.line(f.message()));
          x.writeAttribute("type", f.rule().name());
          x.writeCharacters(failureText(f));
          x.writeEndElement();
        }
      }
      if (c.skipped()) {
        indent(x, 6);
        x.writeEmptyElement("skipped");
        String note = c.layer().note() == null ? "" : ": " + c.layer().note();
        x.writeAttribute("message", XmlText.line(c.layer().status() + note));
      }
      List<String> notices = new ArrayList<>();
      for (Finding f : c.findings()) {
        if (f.suppressed() != null) {
          notices.add(
              "suppressed "
                  + f.severity().id()
                  + " "
                  + f.rule().name()
                  + ": "
                  + XmlText.line(f.message())
                  + " (reason: "
                  + XmlText.line(f.suppressed().reason())
                  + ")");
        } else if (f.severity() != Severity.ERROR) {
          notices.add(f.severity().id() + " " + f.rule().name() + ": " + XmlText.line(f.message()));
        }
      }
      endCase(x, notices);
    }
    if (!more.isEmpty()) {
      addedCase(x, m.path(), ADDED_CASE, more);
    }
    indent(x, 2);
    x.writeEndElement();
  }

  /** One test case of added results: a failure per failing one, the others in system-out. */
  private static void addedCase(
      XMLStreamWriter x, String classname, String name, List<AddedResults.AddedResult> results)
      throws XMLStreamException {
    indent(x, 4);
    if (results.stream().allMatch(r -> r.level() == AddedResults.Level.PASS)) {
      x.writeEmptyElement("testcase");
      x.writeAttribute("classname", XmlText.line(classname));
      x.writeAttribute("name", XmlText.line(name));
      return;
    }
    x.writeStartElement("testcase");
    x.writeAttribute("classname", XmlText.line(classname));
    x.writeAttribute("name", XmlText.line(name));
    List<String> notices = new ArrayList<>();
    for (AddedResults.AddedResult r : results) {
      if (r.level() == AddedResults.Level.FAIL) {
        indent(x, 6);
        x.writeStartElement("failure");
        x.writeAttribute("message", XmlText.line(r.message()));
        x.writeAttribute("type", r.ruleId());
        List<String> lines = new ArrayList<>();
        lines.add(XmlText.line(r.message()));
        r.details().forEach(d -> lines.add(XmlText.line(d)));
        x.writeCharacters(String.join("\n", lines));
        x.writeEndElement();
      } else if (r.level() == AddedResults.Level.NOTE) {
        notices.add(r.ruleId() + ": " + XmlText.line(r.message()));
      }
    }
    endCase(x, notices);
  }

  /** The notices of a test case in its {@code <system-out>}, then the case's end tag. */
  private static void endCase(XMLStreamWriter x, List<String> notices) throws XMLStreamException {
    if (!notices.isEmpty()) {
      indent(x, 6);
      x.writeStartElement("system-out");
      x.writeCharacters(String.join("\n", notices));
      x.writeEndElement();
    }
    indent(x, 4);
    x.writeEndElement();
  }

  /** Results about no audited model: a suite with a test case each. */
  private static void addedSuite(XMLStreamWriter x, List<AddedResults.AddedResult> results)
      throws XMLStreamException {
    long failures = results.stream().filter(r -> r.level() == AddedResults.Level.FAIL).count();
    startSuite(x, ADDED_SUITE, results.size(), failures, 0, 0);
    for (AddedResults.AddedResult r : results) {
      addedCase(x, ADDED_SUITE, r.path(), List.of(r));
    }
    indent(x, 2);
    x.writeEndElement();
  }

  private static void unreadable(XMLStreamWriter x, ModelReport m) throws XMLStreamException {
    startSuite(x, m.path(), 1, 0, 1, 0);
    indent(x, 4);
    x.writeStartElement("testcase");
    x.writeAttribute("classname", XmlText.line(m.path()));
    x.writeAttribute("name", FILE_CASE);
    indent(x, 6);
    x.writeStartElement("error");
    x.writeAttribute("message", XmlText.line(m.error().message()));
    x.writeAttribute("type", XmlText.line(m.error().kind()));
    x.writeCharacters(XmlText.line(m.error().kind() + ": " + m.error().message()));
    x.writeEndElement();
    indent(x, 4);
    x.writeEndElement();
    indent(x, 2);
    x.writeEndElement();
  }

  private static void startSuite(
      XMLStreamWriter x, String path, long tests, long failures, long errors, long skipped)
      throws XMLStreamException {
    indent(x, 2);
    x.writeStartElement("testsuite");
    x.writeAttribute("name", XmlText.line(path));
    x.writeAttribute("tests", Long.toString(tests));
    x.writeAttribute("failures", Long.toString(failures));
    x.writeAttribute("errors", Long.toString(errors));
    x.writeAttribute("skipped", Long.toString(skipped));
  }

  private static void properties(XMLStreamWriter x, ModelReport m) throws XMLStreamException {
    Map<String, String> p = new LinkedHashMap<>();
    p.put("format", m.format());
    if (m.framework() != null) {
      p.put("framework", m.framework().name());
      p.put("framework_version", m.framework().version());
    }
    p.put("model_name", m.modelName());
    p.put("status", m.status());
    if (m.totals() != null) {
      p.put("params", Long.toString(m.totals().params()));
      p.put("trainable", Long.toString(m.totals().trainable()));
      p.put("non_trainable", Long.toString(m.totals().nonTrainable()));
      if (m.totals().stored() != null) {
        p.put("stored_params", Long.toString(m.totals().stored()));
      }
    }
    p.values().removeIf(v -> v == null);
    indent(x, 4);
    x.writeStartElement("properties");
    for (Map.Entry<String, String> e : p.entrySet()) {
      indent(x, 6);
      x.writeEmptyElement("property");
      x.writeAttribute("name", e.getKey());
      x.writeAttribute("value", XmlText.line(e.getValue()));
    }
    indent(x, 4);
    x.writeEndElement();
  }

  /** The message, both numbers, and our formula, one per line. */
  private static String failureText(Finding f) {
    List<String> lines = new ArrayList<>();
    lines.add(XmlText.line(f.message()));
    if (f.expected() != null) {
      lines.add("expected (ours): " + XmlText.line(f.expected().toString()));
    }
    if (f.actual() != null) {
      String ref = f.reference() == null ? "" : " (" + XmlText.line(f.reference()) + ")";
      lines.add("actual" + ref + ": " + XmlText.line(f.actual().toString()));
    }
    if (f.formula() != null) {
      lines.add("formula: " + XmlText.line(f.formula()));
    }
    if (f.explanation() != null) {
      lines.add(
          "why ("
              + XmlText.line(f.explanation().kind())
              + "): "
              + XmlText.line(f.explanation().message()));
    }
    return String.join("\n", lines);
  }

  private static void indent(XMLStreamWriter x, int spaces) throws XMLStreamException {
    x.writeCharacters("\n" + " ".repeat(spaces));
  }

  private static UncheckedIOException failed(XMLStreamException e) {
    return new UncheckedIOException(new IOException(e.getMessage(), e));
  }
}
