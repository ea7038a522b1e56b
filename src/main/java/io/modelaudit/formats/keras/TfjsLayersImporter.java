package io.modelaudit.formats.keras;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.IntNode;
import io.modelaudit.formats.ImportedModel;
import io.modelaudit.formats.ModelFileException;
import io.modelaudit.formats.StoredTensor;
import io.modelaudit.ir.ModelGraph;
import io.modelaudit.ir.Shape;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Imports a TensorFlow.js layers model ({@code model.json}): {@code modelTopology} is a Keras
 * configuration and the {@code weightsManifest} lists every stored weight's name and shape, which
 * is the reference. The weight shards themselves are never read.
 */
public final class TfjsLayersImporter {
  public static final String FORMAT = "tfjs-layers";

  private TfjsLayersImporter() {}

  public static ImportedModel importFile(Path file) {
    JsonNode document = KerasJsonImporter.readDocument(file, "TF.js model.json");
    JsonNode topology = document.get("modelTopology");
    JsonNode kind = document.get("format");
    if (kind != null && kind.isTextual() && kind.asText().equals("graph-model")
        || topology != null && topology.has("node")) {
      throw new ModelFileException(
          "unsupported_format",
          "TF.js graph model (a TensorFlow graph, not Keras layers): not supported");
    }
    if (topology == null || !topology.isObject()) {
      throw new ModelFileException(
          "not_a_model",
          "TF.js model.json without a modelTopology: the model's architecture is missing");
    }
    String version = KerasModelSpec.kerasVersion(topology);
    JsonNode spec = KerasModelSpec.unwrap(topology, "modelTopology");
    if (spec != null) {
      reshapeUnknownAsMinusOne(spec);
    }
    ModelGraph graph = KerasModelSpec.graph(spec, version, "modelTopology");
    JsonNode manifest = document.get("weightsManifest");
    if (manifest == null) {
      return new ImportedModel(
          FORMAT, "keras", version, KerasModelSpec.backend(topology), graph, null);
    }
    return new ImportedModel(
        FORMAT,
        "keras",
        version,
        KerasModelSpec.backend(topology),
        graph,
        WeightOwners.group(manifestTensors(manifest), graph));
  }

  /**
   * TF.js keeps a Reshape's {@code -1} as {@code null} and writes {@code target_shape: [null, 4]}
   * (tfjs-layers' Reshape turns every unknown dimension into null, and reads null back as -1): the
   * Keras form is {@code -1}.
   */
  private static void reshapeUnknownAsMinusOne(JsonNode node) {
    if (node.isObject()) {
      JsonNode target = node.path("config").path("target_shape");
      if ("Reshape".equals(node.path("class_name").asText()) && target.isArray()) {
        ArrayNode dims = (ArrayNode) target;
        for (int i = 0; i < dims.size(); i++) {
          if (dims.get(i).isNull()) {
            dims.set(i, IntNode.valueOf(-1));
          }
        }
      }
    }
    if (node.isContainerNode()) {
      node.forEach(TfjsLayersImporter::reshapeUnknownAsMinusOne);
    }
  }

  private static List<StoredTensor> manifestTensors(JsonNode manifest) {
    if (!manifest.isArray()) {
      throw new ModelFileException("corrupt", "weightsManifest is not a list");
    }
    List<StoredTensor> tensors = new ArrayList<>();
    for (int g = 0; g < manifest.size(); g++) {
      JsonNode weights = manifest.get(g).get("weights");
      if (weights == null || !weights.isArray()) {
        throw new ModelFileException("corrupt", "weightsManifest[" + g + "] has no weights list");
      }
      for (int i = 0; i < weights.size(); i++) {
        JsonNode w = weights.get(i);
        String where = "weightsManifest[" + g + "].weights[" + i + "]";
        JsonNode name = w.get("name");
        if (name == null || !name.isTextual()) {
          throw new ModelFileException("corrupt", where + " has no name");
        }
        String dtype = storedDtype(w);
        tensors.add(
            new StoredTensor(
                name.asText(),
                shape(w.get("shape"), where),
                where,
                dtype,
                dtype == null ? 0 : TFJS_ITEM_BYTES.getOrDefault(dtype, 0)));
      }
    }
    return tensors;
  }

  /**
   * Bytes per element of the dtypes a TF.js weights manifest names (strings have no fixed size).
   */
  private static final java.util.Map<String, Integer> TFJS_ITEM_BYTES =
      java.util.Map.of(
          "float32", 4, "int32", 4, "float16", 2, "uint16", 2, "int16", 2, "uint8", 1, "int8", 1,
          "bool", 1);

  /**
   * The dtype of the stored bytes: a quantized weight is stored as its {@code quantization.dtype}
   * (uint8, uint16, float16) and widened to {@code dtype} when loaded.
   */
  private static String storedDtype(JsonNode w) {
    JsonNode quantized = w.path("quantization").path("dtype");
    JsonNode dtype = quantized.isTextual() ? quantized : w.get("dtype");
    return dtype != null && dtype.isTextual() ? dtype.asText() : null;
  }

  private static Shape shape(JsonNode dims, String where) {
    if (dims == null || !dims.isArray()) {
      throw new ModelFileException("corrupt", where + " has no shape");
    }
    long[] out = new long[dims.size()];
    for (int i = 0; i < out.length; i++) {
      JsonNode d = dims.get(i);
      if (!d.canConvertToExactIntegral() || !d.canConvertToLong() || d.asLong() < 0) {
        throw new ModelFileException("corrupt", where + " has an impossible shape " + dims);
      }
      out[i] = d.asLong();
    }
    Shape shape = Shape.ofKnown(out);
    try {
      shape.size();
    } catch (ArithmeticException e) {
      throw new ModelFileException("corrupt", where + " claims an impossible shape " + dims);
    }
    return shape;
  }
}
