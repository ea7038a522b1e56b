package io.modelaudit.dl4j;

import io.modelaudit.dl4j.GenerateDl4jFixtures.Built;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.conf.CacheMode;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.memory.MemoryReport;
import org.deeplearning4j.nn.conf.memory.MemoryType;
import org.deeplearning4j.nn.conf.memory.MemoryUseMode;
import org.deeplearning4j.nn.conf.memory.NetworkMemoryReport;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.shade.jackson.databind.ObjectMapper;
import org.nd4j.shade.jackson.databind.SerializationFeature;
import org.nd4j.shade.jackson.databind.node.ObjectNode;

/**
 * Writes {@code test-models/dl4j/NAME.memory.json}: DL4J's own memory report
 * ({@code getMemoryReport(InputType)} of the configuration) for some fixtures of {@link
 * Dl4jFixtureModels}, at inference, minibatch 1, float32: per layer the activation bytes (the
 * layer's output) and the parameter bytes, and the network's totals. The main project compares its
 * activation memory with these (docs/compute-cost.md explains where the conventions differ).
 *
 * <pre>
 * cd dl4j-reference && mvn -q -B test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=io.modelaudit.dl4j.GenerateDl4jMemoryReports -Dexec.args=../test-models/dl4j
 * </pre>
 */
public final class GenerateDl4jMemoryReports {
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  /** Fixtures whose every layer DL4J's memory report covers. */
  static final List<String> MODELS =
      List.of(
          "mlp",
          "cnn",
          "cnn_more",
          "conv1d",
          "lstm",
          "bidirectional",
          "embedding",
          "embedding_sequence",
          "graph_merge",
          "channels_last");

  private GenerateDl4jMemoryReports() {}

  public static void main(String[] args) throws IOException {
    Path dir = Path.of(args.length > 0 ? args[0] : "../test-models/dl4j");
    for (String name : MODELS) {
      Built built = Dl4jFixtureModels.all().get(name).get();
      NetworkMemoryReport report;
      try {
        report = report(built);
        total(report);
      } catch (NullPointerException | ClassCastException e) {
        // DL4J 1.0.0-M2.1 fails to report some layers (no report, or a wrong InputType cast).
        System.out.println(name + ": DL4J cannot report its memory (" + e + ")");
        continue;
      }
      ObjectNode root = JSON.createObjectNode();
      root.put("generator", "GenerateDl4jMemoryReports");
      root.put("dl4j_version", "1.0.0-M2.1");
      root.put("model", name + ".zip");
      root.put("minibatch", 1);
      root.put("mode", "INFERENCE");
      root.put("data_type", "FLOAT");
      root.put("total_bytes", total(report));
      root.put("activation_bytes", bytes(report, MemoryType.ACTIVATIONS));
      root.put("parameter_bytes", bytes(report, MemoryType.PARAMETERS));
      root.put("working_memory_bytes", bytes(report, MemoryType.WORKING_MEMORY_VARIABLE));
      ObjectNode layers = root.putObject("layers");
      for (Map.Entry<String, MemoryReport> e : report.getLayerAndVertexReports().entrySet()) {
        ObjectNode l = layers.putObject(e.getKey());
        l.put("class", e.getValue().getReportClass().getSimpleName());
        l.put("activation_bytes", bytes(e.getValue(), MemoryType.ACTIVATIONS));
        l.put("parameter_bytes", bytes(e.getValue(), MemoryType.PARAMETERS));
      }
      Files.writeString(
          dir.resolve(name + ".memory.json"), JSON.writeValueAsString(root) + "\n");
      System.out.println(name + ": " + total(report) + " bytes");
    }
  }

  private static NetworkMemoryReport report(Built built) {
    if (built.model() instanceof MultiLayerNetwork net) {
      InputType in = built.inputs().values().iterator().next();
      return (NetworkMemoryReport) net.getLayerWiseConfigurations().getMemoryReport(in);
    }
    ComputationGraph graph = (ComputationGraph) built.model();
    List<String> names = graph.getConfiguration().getNetworkInputs();
    InputType[] types = new InputType[names.size()];
    for (int i = 0; i < types.length; i++) {
      types[i] = built.inputs().get(names.get(i));
    }
    return graph.getConfiguration().getMemoryReport(types);
  }

  private static long total(MemoryReport r) {
    return r.getTotalMemoryBytes(1, MemoryUseMode.INFERENCE, CacheMode.NONE, DataType.FLOAT);
  }

  private static long bytes(MemoryReport r, MemoryType type) {
    return r.getMemoryBytes(type, 1, MemoryUseMode.INFERENCE, CacheMode.NONE, DataType.FLOAT);
  }
}
