package io.modelaudit.cost;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modelaudit.TestPaths;
import io.modelaudit.audit.ModelAuditor;
import io.modelaudit.report.ModelReport;
import io.modelaudit.report.ModelReport.CostTotals;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Each Keras Applications architecture in test-models/keras/applications, at its default input
 * size, against the multiply-accumulate count a named source publishes, within 2 %. Every source
 * counts convolution and fully connected products only (one multiply-add per MAC, bias adds, batch
 * normalisation, activations and pooling left out), which is our {@code macs}: batch normalisation,
 * activations, merges and pooling have 0 MACs here (their work is in {@code flops}). Several
 * sources call these numbers "FLOPs" or "multiply-adds"; they are MACs.
 */
class PublishedMacsTest {

  /** A published MAC count, where it is published, and why our count may differ from it. */
  private record Published(double macs, String source) {}

  private static final Map<String, Published> PUBLISHED =
      Map.of(
          // torchvision's model table (docs "Classification" weights, GFLOPS column, which counts
          // MACs): vgg16 15.47. Keras' VGG16 is the same network (13 3×3 convolutions, 3 dense).
          "vgg16", new Published(15.47e9, "torchvision VGG16_Weights GFLOPS 15.47"),
          // He et al. 2016, "Deep Residual Learning", Table 1: 50-layer, 3.8 × 10⁹ FLOPs
          // (multiply-adds). Keras' ResNet50 is that v1 network, with the stride in the first 1×1
          // convolution of a block; torchvision's 4.09 is v1.5 (stride in the 3×3), a different
          // network, so it is not the reference here. The paper rounds to two digits.
          "resnet50", new Published(3.8e9, "He et al. 2016, Table 1: 3.8 × 10⁹ multiply-adds"),
          // Sandler et al. 2018, "MobileNetV2", Table 4: 300M multiply-adds at 224, width 1.0.
          "mobilenet_v2", new Published(300e6, "Sandler et al. 2018, Table 4: 300M MAdds"),
          // Tan & Le 2019, "EfficientNet", Table 2: B0 0.39B FLOPs (multiply-adds); torchvision
          // EfficientNet_B0_Weights GFLOPS 0.39 agrees.
          "efficientnet_b0", new Published(0.39e9, "Tan & Le 2019, Table 2: B0 0.39B FLOPs"),
          // torchvision DenseNet121_Weights GFLOPS 2.83 (MACs); the same DenseNet-BC-121.
          "densenet121", new Published(2.83e9, "torchvision DenseNet121_Weights GFLOPS 2.83"),
          // torchvision Inception_V3_Weights GFLOPS 5.71 at 299×299 (MACs, auxiliary head not
          // run at inference); Keras' InceptionV3 has no auxiliary head.
          "inception_v3", new Published(5.71e9, "torchvision Inception_V3_Weights GFLOPS 5.71"),
          // Tan & Le 2019, "EfficientNet", Table 2: Xception 8.4B FLOPs (multiply-adds), 299×299.
          "xception", new Published(8.4e9, "Tan & Le 2019, Table 2: Xception 8.4B FLOPs"));

  private static final double TOLERANCE = 0.02;

  @TestFactory
  Stream<DynamicTest> everyApplicationIsWithinTwoPercentOfItsPublishedMacs() {
    return PUBLISHED.keySet().stream()
        .sorted()
        .map(name -> DynamicTest.dynamicTest(name, () -> check(name, PUBLISHED.get(name))));
  }

  private static void check(String name, Published published) {
    Path model = TestPaths.kerasModels().resolve("applications").resolve(name + ".json");
    ModelReport report = new ModelAuditor(Map.of()).audit(model);
    CostTotals cost = report.totals().cost();
    assertNotNull(cost, name);
    assertEquals(0, cost.unknownLayers(), name + ": every layer's cost is known");
    double off = (cost.macs() - published.macs()) / published.macs();
    assertTrue(
        Math.abs(off) <= TOLERANCE,
        () ->
            String.format(
                "%s: %,d MACs, %+.2f %% from %s",
                name, cost.macs(), off * 100, published.source()));
  }
}
