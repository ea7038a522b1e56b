package io.modelaudit.dl4j;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.modelimport.keras.KerasModel;
import org.deeplearning4j.nn.modelimport.keras.KerasSequentialModel;
import org.deeplearning4j.nn.modelimport.keras.utils.KerasModelBuilder;
import org.deeplearning4j.nn.modelimport.keras.utils.KerasModelUtils;
import org.nd4j.shade.jackson.databind.ObjectMapper;

/**
 * DL4J's Keras import of a full-model HDF5 file (or of a weights-only one with its architecture
 * JSON, as {@code KerasModelImport} takes both), configuration only. DL4J reads the model
 * configuration from the file exactly as {@code KerasModelImport} does; the weights are never
 * read, so DL4J never copies a weight whose shape it gets wrong into its native buffers. The
 * training configuration is not enforced: it changes losses, not parameters.
 */
final class KerasReference {
  private KerasReference() {}

  /** Architecture JSON beyond this is not a real model's. */
  private static final long MAX_ARCHITECTURE_BYTES = 64L << 20;

  private static final ObjectMapper STRINGS = new ObjectMapper();

  static ReferenceResult inspect(Path file, Path architecture) {
    String modelJson;
    try {
      modelJson = unwrapped(architecture == null ? modelJsonOf(file) : architectureJson(architecture));
    } catch (Exception e) {
      return ReferenceResult.failed(file, ReferenceResult.KERAS_H5, null, e);
    }
    List<String> layerNames = new ArrayList<>();
    boolean sequential;
    try {
      Map<String, Object> config = KerasModelUtils.parseJsonString(modelJson);
      sequential = "Sequential".equals(config.get("class_name"));
      collectNames(config.get("config"), layerNames);
    } catch (Exception e) {
      return ReferenceResult.failed(file, ReferenceResult.KERAS_H5, null, e);
    }
    try {
      KerasModelBuilder builder = new KerasModel().modelBuilder().modelJson(modelJson).enforceTrainingConfig(false);
      if (sequential) {
        KerasSequentialModel model = builder.buildSequential();
        return NetworkReader.multiLayer(file, ReferenceResult.KERAS_H5, model.getMultiLayerConfiguration(), model.getOutputTypes());
      }
      KerasModel model = builder.buildModel();
      return NetworkReader.graph(file, ReferenceResult.KERAS_H5, model.getComputationGraphConfiguration(), model.getOutputTypes());
    } catch (Exception | StackOverflowError e) {
      return ReferenceResult.failed(file, ReferenceResult.KERAS_H5, layerNamedIn(e.getMessage(), layerNames), e);
    }
  }

  private static String modelJsonOf(Path file) throws Exception {
    try (KerasModelBuilder reader = new KerasModel().modelBuilder()) {
      reader.modelHdf5Filename(file.toString());
      return reader.getModelJson();
    }
  }

  private static String architectureJson(Path architecture) throws java.io.IOException {
    if (java.nio.file.Files.size(architecture) > MAX_ARCHITECTURE_BYTES) {
      throw new java.io.IOException("the architecture JSON " + architecture.getFileName() + " is larger than 64 MB");
    }
    return java.nio.file.Files.readString(architecture);
  }

  /**
   * The model's JSON, also when it was written encoded as one JSON string ({@code
   * json.dump(model.to_json(), f)}, once or twice), which model-audit reads and DL4J's parser
   * does not.
   */
  static String unwrapped(String json) throws java.io.IOException {
    if (json == null) {
      return null;
    }
    String text = json.strip();
    for (int i = 0; i < 2 && text.startsWith("\""); i++) {
      text = STRINGS.readValue(text, String.class).strip();
    }
    return text;
  }

  /** Layer names of the configuration, at any depth. */
  private static void collectNames(Object node, List<String> names) {
    if (node instanceof Map) {
      Map<?, ?> map = (Map<?, ?>) node;
      Object layers = map.get("layers");
      if (layers instanceof List) {
        for (Object layer : (List<?>) layers) {
          if (layer instanceof Map) {
            Object config = ((Map<?, ?>) layer).get("config");
            if (config instanceof Map && ((Map<?, ?>) config).get("name") instanceof String) {
              names.add((String) ((Map<?, ?>) config).get("name"));
            }
            collectNames(config, names);
          }
        }
      }
    } else if (node instanceof List) {
      // Keras 2.0-2.1 Sequential: the configuration is the list of layers.
      Map<String, Object> wrapper = Map.of("layers", node);
      collectNames(wrapper, names);
    }
  }

  /** The longest layer name that DL4J's message mentions as a word, or null. */
  static String layerNamedIn(String message, List<String> names) {
    if (message == null) {
      return null;
    }
    String best = null;
    for (String name : names) {
      int at = message.indexOf(name);
      while (at >= 0) {
        int end = at + name.length();
        boolean word = (at == 0 || !isNameChar(message.charAt(at - 1))) && (end == message.length() || !isNameChar(message.charAt(end)));
        if (word && (best == null || name.length() > best.length())) {
          best = name;
          break;
        }
        at = message.indexOf(name, at + 1);
      }
    }
    return best;
  }

  private static boolean isNameChar(char c) {
    return Character.isLetterOrDigit(c) || c == '_';
  }
}
