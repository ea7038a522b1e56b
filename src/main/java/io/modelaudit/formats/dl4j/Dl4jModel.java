package io.modelaudit.formats.dl4j;

import io.modelaudit.ir.ModelGraph;
import java.util.List;
import java.util.Map;

/**
 * A DL4J configuration read into our representation, with the facts the file records beside it.
 *
 * @param networkClass MultiLayerNetwork or ComputationGraph
 * @param jsonForm {@code legacy} (wrapper keys, 0.5 – 1.0.0-alpha) or {@code @class} (1.0.0-beta+)
 * @param variables per layer, the parameter names DL4J recorded ({@code variables}); empty when the
 *     configuration records none (never initialised)
 * @param parameterOrder layer names in the order DL4J flattens their parameters into the vector
 * @param dataType the network's data type when recorded (1.0.0-beta4+)
 */
public record Dl4jModel(
    ModelGraph graph,
    String networkClass,
    String jsonForm,
    Map<String, List<String>> variables,
    List<String> parameterOrder,
    String dataType) {}
