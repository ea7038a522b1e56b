package io.modelaudit.dl4j;

import java.nio.file.Path;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.nd4j.shade.jackson.databind.JsonNode;
import org.nd4j.shade.jackson.databind.ObjectMapper;

/** DL4J's view of a DL4J model: the network DL4J builds from the stored configuration. */
final class Dl4jModelReference {
  private static final ObjectMapper JSON = new ObjectMapper();

  private Dl4jModelReference() {}

  static ReferenceResult inspect(Path file, String format, String configuration) {
    JsonNode root;
    try {
      root = JSON.readTree(configuration);
    } catch (Exception e) {
      return ReferenceResult.error(file, format, "unreadable", "configuration is not JSON: " + e.getMessage());
    }
    // ModelSerializer decides by which restore method is called; the configuration's keys say the same.
    if (root != null && root.has("vertices")) {
      ComputationGraphConfiguration conf = ComputationGraphConfiguration.fromJson(configuration);
      // The stored configuration records no input types, so DL4J cannot name its activation types here.
      return NetworkReader.graph(file, format, conf, null);
    }
    if (root != null && root.has("confs")) {
      return NetworkReader.multiLayer(file, format, MultiLayerConfiguration.fromJson(configuration), null);
    }
    return ReferenceResult.error(file, format, "not_a_model", "configuration has neither confs nor vertices");
  }
}
