package io.modelaudit.reference.recorded;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modelaudit.TestPaths;
import io.modelaudit.audit.ModelAuditor;
import io.modelaudit.compare.Rule;
import io.modelaudit.report.LayerReport;
import io.modelaudit.report.ModelReport;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * tf.keras 2.13+ writes each layer's {@code build_config.input_shape} into a {@code .keras}
 * archive, as Keras 3 does. Two real archives from the shared corpus, written by tf.keras 2.13.1
 * (no tf.keras 2.x can be installed here to write a fixture): every layer but the input is compared
 * with the shape the file records, and all agree.
 */
class TfKerasBuildConfigTest {
  @ParameterizedTest
  @ValueSource(
      strings = {
        "github/DimimiS__image-compression/autoencoder.keras",
        "github/AliElgamel9__FastNeuralStyleTransfer/model.keras"
      })
  void everyLayerIsComparedWithItsRecordedBuildShape(String file) {
    Path model = TestPaths.corpus().resolve(file);
    ModelReport report = new ModelAuditor(Map.of()).audit(model);
    assertNull(report.error());
    assertEquals("2.13.1", report.framework().version());
    List<LayerReport> layers =
        report.layers().stream()
            .filter(l -> l.depth() == 0 && !l.className().equals("InputLayer"))
            .toList();
    assertTrue(layers.size() > 10, "layers: " + layers.size());
    for (LayerReport layer : layers) {
      assertEquals(LayerReport.OK, layer.status(), layer.name() + ": " + layer.note());
      assertNotNull(layer.recorded(), layer.name() + " has no recorded shape");
      assertEquals("build_config.input_shape", layer.recorded().source(), layer.name());
      assertTrue(
          layer.recorded().inputShapes().stream().allMatch(java.util.Objects::nonNull),
          layer.name() + " " + layer.recorded().inputShapes());
    }
    assertEquals(
        0,
        report.findings().stream().filter(f -> f.rule() == Rule.RECORDED_SHAPE_MISMATCH).count(),
        report.findings().toString());
    assertTrue(report.totals().complete());
    assertEquals(report.totals().stored(), report.totals().params());
  }
}
