package io.modelaudit.formats.keras;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.modelaudit.TestPaths;
import io.modelaudit.audit.ModelAuditor;
import io.modelaudit.compare.Rule;
import io.modelaudit.ir.Shape;
import io.modelaudit.ir.layers.OpaqueOpKind;
import io.modelaudit.report.LayerReport;
import io.modelaudit.report.ModelReport;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Layers the audit cannot infer still count what the file stores for them, in every form Keras
 * writes (the fixtures custom_layer and jax_layer are checked by {@link KerasFixtureTest}).
 */
class OpaqueLayerTotalsTest {
  private static final Path GQA = TestPaths.kerasModels().resolve("unsupported_builtin");

  @ParameterizedTest
  @ValueSource(strings = {"JaxLayer", "FlaxLayer", "TorchModuleWrapper", "TFSMLayer"})
  void layersWrappingOtherCodeAreOpaque(String className) throws IOException {
    JsonNode config = new ObjectMapper().readTree("{\"name\": \"w\", \"trainable\": true}");
    assertInstanceOf(OpaqueOpKind.class, KerasLayerBindings.bind(className, config));
  }

  /**
   * Each wrapper class written by Keras 3.15.1 itself (generate_opaque.py; TorchModuleWrapper on
   * the torch backend, TFSMLayer on tensorflow): in .h5 and .keras the layer is opaque, lists every
   * variable Keras gave it with its stored shape, and counts them; totals are Keras' count_params.
   */
  @ParameterizedTest
  @ValueSource(
      strings = {
        "jax_layer.h5",
        "jax_layer.keras",
        "flax_layer.h5",
        "flax_layer.keras",
        "torch_module_wrapper.h5",
        "torch_module_wrapper.keras",
        "tfsm_layer.h5",
        "tfsm_layer.keras"
      })
  void wrapperVariablesWrittenByKerasAreListedAndCounted(String file) throws IOException {
    Path model = TestPaths.kerasModels().resolve(file);
    String name = file.substring(0, file.lastIndexOf('.'));
    JsonNode expected =
        new ObjectMapper().readTree(model.resolveSibling(name + ".expected.json").toFile());
    ModelReport report = new ModelAuditor(Map.of()).audit(model);
    assertNull(report.error());
    assertEquals(expected.get("totals").get("params").asLong(), report.totals().params());
    assertEquals(expected.get("totals").get("params").asLong(), report.totals().stored());
    for (JsonNode layer : expected.get("layers")) {
      if (!layer.path("opaque").asBoolean(false)) {
        continue;
      }
      LayerReport row =
          report.layers().stream()
              .filter(l -> l.name().equals(layer.get("name").asText()))
              .findFirst()
              .orElseThrow();
      assertEquals(LayerReport.UNVERIFIED, row.status(), row.note());
      assertEquals(layer.get("params").asLong(), row.params());
      assertEquals("stored", row.paramsSource());
      List<String> theirs = new ArrayList<>();
      for (JsonNode w : layer.get("weights")) {
        List<Long> dims = new ArrayList<>();
        w.get("shape").forEach(d -> dims.add(d.asLong()));
        theirs.add(Shape.of(dims).toString());
      }
      List<String> ours = new ArrayList<>();
      row.weights().forEach(w -> ours.add(String.valueOf(w.storedShape())));
      theirs.sort(null);
      ours.sort(null);
      assertEquals(theirs, ours, layer.get("name").asText() + " stored variables");
    }
  }

  /**
   * A TorchModuleWrapper around a module with buffers (BatchNorm1d), written by Keras 3.15.1 on
   * torch: the .h5 stores Keras' variables, the .keras archive the module's whole state_dict,
   * running statistics and the int64 batch counter too (h5py's counts, in counts.json). Each file's
   * stored variables are listed and counted as stored; Keras' count_params, which leaves the
   * buffers out, is met by the .h5 only.
   */
  @ParameterizedTest
  @ValueSource(strings = {"torch_buffers.h5", "torch_buffers.keras"})
  void aWrappedTorchModuleCountsWhatEachFileStores(String file) throws IOException {
    Path dir = TestPaths.kerasModels().resolve("torch_buffers");
    JsonNode counts =
        new ObjectMapper().readTree(dir.resolve("torch_buffers.counts.json").toFile());
    ModelReport report = new ModelAuditor(Map.of()).audit(dir.resolve(file));
    assertNull(report.error());
    long stored = counts.get("stored_params_by_file").get(file).asLong();
    assertEquals(stored, report.totals().stored());
    assertEquals(stored, report.totals().params());
    LayerReport row =
        report.layers().stream()
            .filter(l -> l.name().equals("torch_norm"))
            .findFirst()
            .orElseThrow();
    assertEquals(LayerReport.UNVERIFIED, row.status(), row.note());
    assertEquals(stored - counts.get("layers").get("encoder").asLong(), row.params());
    if (file.endsWith(".h5")) {
      assertEquals(counts.get("params").asLong(), report.totals().params());
    } else {
      assertEquals(counts.get("state_dict").size(), row.weights().size(), row.weights().toString());
    }
  }

  @Test
  void archiveGroupsAreNamedAfterThePythonClass() {
    assertEquals("grouped_query_attention", KerasArchiveWeights.storageBase("GroupQueryAttention"));
    assertEquals("dense", KerasArchiveWeights.storageBase("Dense"));
    assertEquals("gated_projection", KerasArchiveWeights.storageBase("GatedProjection"));
  }

  /**
   * GroupQueryAttention (a public class Keras exports under another name than its Python class)
   * written by Keras 3.15.1 as .h5 and .keras: Keras' count_params (recorded by generate_opaque.py)
   * in both, whether the class has a rule or not.
   */
  @ParameterizedTest
  @ValueSource(strings = {"group_query_attention.h5", "group_query_attention.keras"})
  void aBuiltInClassStoredUnderItsPythonNameIsCounted(String file) throws IOException {
    JsonNode counts =
        new ObjectMapper().readTree(GQA.resolve("group_query_attention.counts.json").toFile());
    ModelReport report = new ModelAuditor(Map.of()).audit(GQA.resolve(file));
    assertNull(report.error());
    assertEquals(counts.get("params").asLong(), report.totals().params());
    assertEquals(counts.get("params").asLong(), report.totals().stored());
    counts
        .get("layers")
        .fields()
        .forEachRemaining(
            e -> {
              LayerReport row =
                  report.layers().stream()
                      .filter(l -> l.name().equals(e.getKey()))
                      .findFirst()
                      .orElseThrow();
              assertEquals(e.getValue().asLong(), row.params(), e.getKey());
            });
    assertEquals(
        0,
        report.findings().stream().filter(f -> f.rule() == Rule.STORED_LAYER_UNKNOWN).count(),
        report.findings().toString());
  }
}
