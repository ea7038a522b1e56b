package io.modelaudit.report;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.modelaudit.compare.Explanation;
import io.modelaudit.compare.Finding;
import io.modelaudit.ir.Shape;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * The JSON report, schema_version 1 (docs/json-report.md, docs/report.schema.json): key names are a
 * public contract.
 */
public final class JsonRenderer implements ReportRenderer {
  public static final int SCHEMA_VERSION = 1;
  private static final ObjectMapper MAPPER =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
  private final JsonSections sections;

  public JsonRenderer() {
    this(JsonSections.NONE);
  }

  public JsonRenderer(JsonSections sections) {
    this.sections = sections;
  }

  @Override
  public ReportStream open(String toolVersion, PrintWriter out) {
    try {
      JsonGenerator g = MAPPER.createGenerator(out);
      g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
      g.writeStartObject();
      g.writeNumberField("schema_version", SCHEMA_VERSION);
      g.writeObjectFieldStart("tool");
      g.writeStringField("name", "model-audit");
      g.writeStringField("version", toolVersion);
      g.writeEndObject();
      g.writeArrayFieldStart("models");
      return new Stream(g, out, sections);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Each model is built as a tree and written at once; only one model's tree exists at a time. */
  private static final class Stream implements ReportStream {
    private final JsonGenerator g;
    private final PrintWriter out;
    private final JsonSections sections;

    Stream(JsonGenerator g, PrintWriter out, JsonSections sections) {
      this.g = g;
      this.out = out;
      this.sections = sections;
    }

    @Override
    public void model(ModelReport m) {
      ObjectNode n = MAPPER.createObjectNode();
      JsonRenderer.model(n, m);
      sections.model(m, n);
      try {
        MAPPER.writeTree(g, n);
        g.flush();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    @Override
    public void finish(ReportCounts counts) {
      try {
        g.writeEndArray();
        g.writeObjectFieldStart("summary");
        g.writeNumberField("models", counts.models());
        g.writeNumberField("ok", counts.ok());
        g.writeNumberField("mismatch", counts.mismatch());
        g.writeNumberField("error", counts.error());
        if (counts.skipped() > 0) {
          g.writeNumberField("skipped", counts.skipped());
        }
        g.writeEndObject();
        ObjectNode extra = MAPPER.createObjectNode();
        sections.end(extra);
        for (var e : extra.properties()) {
          g.writeFieldName(e.getKey());
          MAPPER.writeTree(g, e.getValue());
        }
        g.writeEndObject();
        g.close();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      out.println();
      out.flush();
    }
  }

  private static void model(ObjectNode n, ModelReport m) {
    n.put("path", m.path());
    n.put("format", m.format());
    if (m.architecture() != null) {
      n.put("architecture", m.architecture());
    }
    if (m.framework() == null) {
      n.putNull("framework");
    } else {
      ObjectNode f = n.putObject("framework");
      f.put("name", m.framework().name());
      f.put("version", m.framework().version());
      f.put("backend", m.framework().backend());
    }
    n.put("model_name", m.modelName());
    n.put("status", m.status());
    if (m.error() == null) {
      n.putNull("error");
    } else {
      ObjectNode e = n.putObject("error");
      e.put("kind", m.error().kind());
      e.put("message", m.error().message());
    }
    ArrayNode layers = n.putArray("layers");
    for (LayerReport l : m.layers()) {
      layer(layers.addObject(), l, m.dl4j(), m.dl4jExplanations().get(l.name()));
    }
    if (m.totals() == null) {
      n.putNull("totals");
    } else {
      ObjectNode t = n.putObject("totals");
      t.put("params", m.totals().params());
      t.put("trainable", m.totals().trainable());
      t.put("non_trainable", m.totals().nonTrainable());
      t.put("unverified", m.totals().unverified());
      t.put("complete", m.totals().complete());
      ObjectNode refs = t.putObject("references");
      if (m.totals().stored() != null) {
        refs.put("stored", m.totals().stored());
      }
      if (m.dl4j() != null && m.dl4j().totalParams() != null) {
        refs.put("dl4j", m.dl4j().totalParams());
      }
    }
    if (m.dl4j() != null) {
      dl4jModel(n.putObject("references").putObject("dl4j"), m);
    }
    ArrayNode findings = n.putArray("findings");
    for (Finding f : m.findings()) {
      finding(findings.addObject(), f);
    }
  }

  private static void layer(ObjectNode n, LayerReport l, Dl4jAnswer dl4j, Explanation dl4jWhy) {
    n.put("name", l.name());
    n.put("path", l.path());
    n.put("class", l.className());
    ArrayNode inbound = n.putArray("inbound");
    l.inbound().forEach(inbound::add);
    shapes(n, "output_shapes", l.outputShapes());
    if (l.calls() == null) {
      n.putNull("calls");
    } else {
      ArrayNode calls = n.putArray("calls");
      for (LayerReport.CallReport c : l.calls()) {
        ObjectNode cn = calls.addObject();
        ArrayNode in = cn.putArray("inbound");
        c.inbound().forEach(in::add);
        shapes(cn, "output_shapes", c.outputShapes());
      }
    }
    n.put("params", l.params());
    n.put("trainable", l.trainable());
    n.put("non_trainable", l.nonTrainable());
    n.put("params_source", l.paramsSource());
    if (l.activation() != null) {
      n.put("activation", l.activation());
    }
    ArrayNode weights = n.putArray("weights");
    for (LayerReport.WeightReport w : l.weights()) {
      ObjectNode wn = weights.addObject();
      wn.put("name", w.name());
      shape(wn, "shape", w.shape());
      shape(wn, "stored_shape", w.storedShape());
      wn.put("stored_name", w.storedName());
      wn.put("stored_path", w.storedPath());
      if (w.trainable() != null) {
        wn.put("trainable", w.trainable());
      }
    }
    ObjectNode refs = n.putObject("references");
    if (l.storedParams() != null) {
      refs.putObject("stored").put("params", l.storedParams());
    }
    if (l.recorded() != null) {
      ObjectNode r = refs.putObject("recorded");
      shapes(r, "input_shapes", l.recorded().inputShapes());
      r.put("source", l.recorded().source());
      r.put("resumed", l.recorded().resumed());
    }
    // DL4J's layers carry top-level names (its Keras import keeps Keras' names).
    Dl4jAnswer.Layer dl4jLayer = dl4j == null || l.depth() > 0 ? null : dl4j.layer(l.name());
    if (dl4jLayer != null) {
      ObjectNode d = refs.putObject("dl4j");
      dl4jLayer(d, dl4jLayer, dl4j.built());
      if (dl4jWhy != null) {
        explanation(d, dl4jWhy);
      }
    }
    n.put("status", l.status());
    n.put("formula", l.formula());
    if (l.note() != null) {
      n.put("note", l.note());
    }
    n.put("config_pointer", l.configPointer());
    if (!l.config().isEmpty()) {
      n.set("config", MAPPER.valueToTree(l.config()));
    }
  }

  /**
   * DL4J's answer for the model; its layers that no row of ours carries are listed here so none is
   * lost.
   */
  private static void dl4jModel(ObjectNode n, ModelReport m) {
    Dl4jAnswer d = m.dl4j();
    n.put("status", d.status());
    n.put("version", d.dl4jVersion());
    n.put("model_class", d.modelClass());
    if (d.totalParams() != null) {
      n.put("params", d.totalParams());
      n.put("built", d.built());
    }
    if (d.failure() != null) {
      ObjectNode f = n.putObject("failure");
      f.put("layer", d.failure().layer());
      f.put("exception", d.failure().exception());
      f.put("message", d.failure().message());
    }
    if (d.message() != null) {
      n.put("message", d.message());
    }
    ArrayNode others = n.putArray("unmatched_layers");
    for (Dl4jAnswer.Layer l : d.layers()) {
      boolean matched =
          m.layers().stream().anyMatch(r -> r.depth() == 0 && r.name().equals(l.name()));
      if (!matched) {
        ObjectNode o = others.addObject();
        o.put("name", l.name());
        dl4jLayer(o, l, d.built());
      }
    }
  }

  /**
   * {@code built}: false when DL4J counted without building the network, so it has no parameter
   * table.
   */
  private static void dl4jLayer(ObjectNode n, Dl4jAnswer.Layer l, boolean built) {
    n.put("params", l.params());
    n.put("class", l.className());
    if (built) {
      ObjectNode table = n.putObject("param_table");
      l.paramTable()
          .forEach(
              (name, dims) -> {
                ArrayNode a = table.putArray(name);
                dims.forEach(a::add);
              });
    }
    n.put("activation", l.activation());
    n.put("output_type", l.outputType());
  }

  private static void finding(ObjectNode n, Finding f) {
    n.put("rule", f.rule().name());
    n.put("severity", f.severity().id());
    n.put("layer", f.layer());
    n.put("reference", f.reference());
    value(n, "expected", f.expected());
    value(n, "actual", f.actual());
    n.put("message", f.message());
    if (f.formula() != null) {
      n.put("formula", f.formula());
    }
    if (f.explanation() != null) {
      explanation(n, f.explanation());
    }
    if (f.suppressed() != null) {
      n.putObject("suppressed").put("reason", f.suppressed().reason());
    }
  }

  private static void explanation(ObjectNode n, Explanation why) {
    ObjectNode e = n.putObject("explanation");
    e.put("kind", why.kind());
    e.put("expected", why.expected());
    e.put("message", why.message());
  }

  private static void value(ObjectNode n, String key, Object v) {
    if (v == null) {
      n.putNull(key);
    } else if (v instanceof Number) {
      n.put(key, ((Number) v).longValue());
    } else {
      n.put(key, v.toString());
    }
  }

  private static void shapes(ObjectNode n, String key, List<Shape> shapes) {
    if (shapes == null) {
      n.putNull(key);
      return;
    }
    ArrayNode a = n.putArray(key);
    for (Shape s : shapes) {
      if (s == null) {
        a.addNull();
      } else {
        dims(a.addArray(), s);
      }
    }
  }

  private static void shape(ObjectNode n, String key, Shape s) {
    if (s == null) {
      n.putNull(key);
    } else {
      dims(n.putArray(key), s);
    }
  }

  private static void dims(ArrayNode a, Shape s) {
    for (Long d : s.dims()) {
      if (d == null) {
        a.addNull();
      } else {
        a.add(d);
      }
    }
  }
}
