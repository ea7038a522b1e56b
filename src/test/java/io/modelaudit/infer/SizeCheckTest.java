package io.modelaudit.infer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modelaudit.audit.ModelAuditor;
import io.modelaudit.compare.Finding;
import io.modelaudit.compare.Rule;
import io.modelaudit.report.ModelReport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Negative and zero sizes are findings whatever the rule, checked once by the walker. */
class SizeCheckTest {
  @TempDir Path dir;

  private List<Finding> findings(String layer) throws Exception {
    return findings("[null,4,8]", layer);
  }

  private List<Finding> findings(String inputShape, String layer) throws Exception {
    Path file = dir.resolve("model.json");
    Files.writeString(
        file,
        ("{'class_name':'Functional','config':{'name':'f','layers':["
                + "{'class_name':'InputLayer','name':'in','config':{'batch_shape':"
                + inputShape
                + ",'name':'in'},'inbound_nodes':[]},"
                + layer
                + "],'input_layers':[['in',0,0]],'output_layers':[['out',0,0]]}}")
            .replace('\'', '"'));
    ModelReport report = new ModelAuditor(Map.of()).audit(file);
    assertEquals(null, report.error());
    assertTrue(report.totals().params() >= 0, "total params " + report.totals().params());
    return report.findings().stream()
        .filter(f -> f.rule() != Rule.UNSUPPORTED_LAYER)
        .collect(Collectors.toList());
  }

  @Test
  void aNegativeUnitCountIsAnInvalidConfigurationNotANegativeTotal() throws Exception {
    List<Finding> found =
        findings(
            "{'class_name':'Dense','name':'out','config':{'name':'out','units':-1,'use_bias':true},"
                + "'inbound_nodes':[[['in',0,0,{}]]]}");
    assertEquals(1, found.size(), found::toString);
    assertEquals(Rule.CONFIG_INVALID, found.get(0).rule());
    assertEquals("out", found.get(0).layer());
    assertTrue(found.get(0).message().contains("negative size"), found.get(0).message());
  }

  @Test
  void zeroAttentionHeadsMakeADegenerateLayer() throws Exception {
    List<Finding> found =
        findings(
            "{'class_name':'MultiHeadAttention','name':'out','config':{'name':'out',"
                + "'num_heads':0,'key_dim':2},'inbound_nodes':[[['in',0,0,{}],['in',0,0,{}]]]}");
    assertEquals(1, found.size(), found::toString);
    assertEquals(Rule.DEGENERATE_SHAPE, found.get(0).rule());
    assertTrue(found.get(0).message().contains("empty"), found.get(0).message());
  }

  @Test
  void aZeroSizedOutputIsDegenerate() throws Exception {
    List<Finding> found =
        findings(
            "[null,8]",
            "{'class_name':'RepeatVector','name':'out','config':{'name':'out','n':0},"
                + "'inbound_nodes':[[['in',0,0,{}]]]}");
    assertEquals(1, found.size(), found::toString);
    assertEquals(Rule.DEGENERATE_SHAPE, found.get(0).rule());
  }
}
