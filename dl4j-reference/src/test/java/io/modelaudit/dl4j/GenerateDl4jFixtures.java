package io.modelaudit.dl4j;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.zoo.ZooModel;
import org.deeplearning4j.zoo.model.Darknet19;
import org.deeplearning4j.zoo.model.ResNet50;
import org.deeplearning4j.zoo.model.SqueezeNet;
import org.deeplearning4j.zoo.model.UNet;
import org.deeplearning4j.zoo.model.VGG16;
import org.deeplearning4j.zoo.model.Xception;
import org.deeplearning4j.util.ModelSerializer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.shade.jackson.databind.ObjectMapper;
import org.nd4j.shade.jackson.databind.SerializationFeature;
import org.nd4j.shade.jackson.databind.node.ArrayNode;
import org.nd4j.shade.jackson.databind.node.ObjectNode;

/**
 * Writes {@code test-models/dl4j/}: small models built and saved by DL4J 1.0.0-M2.1 itself
 * ({@code ModelSerializer.writeModel}, zip) and DL4J's zoo architectures as configuration JSON,
 * each with {@code NAME.expected.json} holding DL4J's own numbers: per layer {@code numParams()},
 * parameter table shapes, activation and the InputType after the layer
 * ({@code getLayerActivationTypes}), and the totals. The main project's tests read only these
 * files; they never need DL4J.
 *
 * <pre>
 * cd dl4j-reference && mvn -q -B test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=io.modelaudit.dl4j.GenerateDl4jFixtures -Dexec.args=../test-models/dl4j [NAME...]
 * </pre>
 */
public final class GenerateDl4jFixtures {
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  /** A model and the input types it was configured for (DL4J's configuration does not keep them). */
  record Built(Model model, Map<String, InputType> inputs) {}

  private GenerateDl4jFixtures() {}

  public static void main(String[] args) throws IOException {
    Path dir = Path.of(args.length > 0 ? args[0] : "../test-models/dl4j");
    List<String> only = args.length > 1 ? List.of(args).subList(1, args.length) : List.of();
    Files.createDirectories(dir.resolve("zoo"));
    Map<String, Supplier<Built>> models = Dl4jFixtureModels.all();
    for (Map.Entry<String, Supplier<Built>> e : models.entrySet()) {
      if (!only.isEmpty() && !only.contains(e.getKey())) {
        continue;
      }
      Built built = e.getValue().get();
      writeModel(dir, e.getKey(), built);
      System.out.println(e.getKey() + ": " + built.model().numParams() + " parameters");
    }
    for (Map.Entry<String, Supplier<ZooModel>> e : zoo().entrySet()) {
      if (!only.isEmpty() && !only.contains(e.getKey())) {
        continue;
      }
      writeZoo(dir.resolve("zoo"), e.getKey(), e.getValue().get());
    }
  }

  private static Map<String, Supplier<ZooModel>> zoo() {
    Map<String, Supplier<ZooModel>> m = new LinkedHashMap<>();
    m.put("vgg16", () -> VGG16.builder().numClasses(1000).build());
    m.put("resnet50", () -> ResNet50.builder().numClasses(1000).build());
    m.put("darknet19", () -> Darknet19.builder().numClasses(1000).build());
    m.put("unet", () -> UNet.builder().numClasses(1).build());
    m.put("xception", () -> Xception.builder().numClasses(1000).build());
    m.put("squeezenet", () -> SqueezeNet.builder().numClasses(1000).build());
    return m;
  }

  static void writeModel(Path dir, String name, Built built) throws IOException {
    File zip = dir.resolve(name + ".zip").toFile();
    ModelSerializer.writeModel(built.model(), zip, false);
    ObjectNode root = JSON.createObjectNode();
    root.put("file", zip.getName());
    root.put("dl4j_version", ReferenceResult.DL4J_VERSION);
    ArrayNode layers;
    if (built.model() instanceof MultiLayerNetwork net) {
      InputType in = built.inputs().values().iterator().next();
      List<InputType> types = net.getLayerWiseConfigurations().getLayerActivationTypes(in);
      header(root, "MultiLayerNetwork", built.inputs(), net.numParams(), net.params().length());
      layers = root.putArray("layers");
      Layer[] ls = net.getLayers();
      for (int i = 0; i < ls.length; i++) {
        String layerName = ls[i].conf().getLayer().getLayerName();
        ReferenceResult.writeLayer(layers.addObject(), i, NetworkReader.layerInfo(ls[i], Map.of(layerName, types.get(i))));
      }
      runtime(layers, () -> {
        List<INDArray> acts = net.feedForward(zeros(in), false);
        Map<String, long[]> shapes = new LinkedHashMap<>();
        for (int i = 0; i < ls.length; i++) {
          shapes.put(ls[i].conf().getLayer().getLayerName(), acts.get(i + 1).shape());
        }
        return shapes;
      }, root);
      if (name.equals("mlp")) {
        Files.writeString(dir.resolve(name + ".json"), net.getLayerWiseConfigurations().toJson(), StandardCharsets.UTF_8);
      }
    } else {
      ComputationGraph net = (ComputationGraph) built.model();
      ComputationGraphConfiguration conf = net.getConfiguration();
      Map<String, InputType> types = conf.getLayerActivationTypes(orderedInputs(conf, built.inputs()));
      header(root, "ComputationGraph", built.inputs(), net.numParams(), net.params().length());
      layers = root.putArray("layers");
      int i = 0;
      for (String vertexName : conf.getVertices().keySet()) {
        org.deeplearning4j.nn.graph.vertex.GraphVertex v = net.getVertex(vertexName);
        ReferenceResult.LayerInfo info = v.hasLayer() ? NetworkReader.layerInfo(v.getLayer(), types)
            : new ReferenceResult.LayerInfo(vertexName, conf.getVertices().get(vertexName).getClass().getSimpleName(),
                v.numParams(), NetworkReader.shapes(v.paramTable(false)), null, outputType(types.get(vertexName)));
        ReferenceResult.writeLayer(layers.addObject(), i++, info);
      }
      runtime(layers, () -> {
        Map<String, long[]> shapes = new LinkedHashMap<>();
        INDArray[] arrays = conf.getNetworkInputs().stream().map(n -> zeros(built.inputs().get(n))).toArray(INDArray[]::new);
        net.feedForward(arrays, false).forEach((k, v) -> shapes.put(k, v.shape()));
        return shapes;
      }, root);
    }
    Files.writeString(dir.resolve(name + ".expected.json"), JSON.writeValueAsString(root) + "\n", StandardCharsets.UTF_8);
  }

  /** Zoo architectures are large: the configuration only, and DL4J's numbers from a network built on a zero vector. */
  private static void writeZoo(Path dir, String name, ZooModel model) throws IOException {
    int[] shape = model.metaData().getInputShape()[0];
    // VGG16 declares its input flattened (convolutionalFlat) and unflattens it before the first convolution.
    InputType in = model instanceof VGG16 ? InputType.convolutionalFlat(shape[1], shape[2], shape[0])
        : InputType.convolutional(shape[1], shape[2], shape[0]);
    ComputationGraphConfiguration conf = confOf(model, in);
    Path file = dir.resolve(name + ".json");
    ReferenceResult result = NetworkReader.graph(file, ReferenceResult.DL4J_JSON, conf, conf.getLayerActivationTypes(in));
    writeZooExpected(dir, name, result, Map.of(conf.getNetworkInputs().get(0), in));
    Files.writeString(file, conf.toJson(), StandardCharsets.UTF_8);
    System.out.println("zoo " + name + ": " + JSON.readTree(result.toJson()).get("total_params"));
  }

  private static void writeZooExpected(Path dir, String name, ReferenceResult result, Map<String, InputType> inputs) throws IOException {
    ObjectNode r = (ObjectNode) JSON.readTree(result.toJson());
    ObjectNode root = JSON.createObjectNode();
    root.put("file", name + ".json");
    root.put("dl4j_version", ReferenceResult.DL4J_VERSION);
    header(root, r.get("model_class").asText(), inputs, r.get("total_params").asLong(), r.get("total_params").asLong());
    root.set("layers", r.get("layers"));
    Files.writeString(dir.resolve(name + ".expected.json"), JSON.writeValueAsString(root) + "\n", StandardCharsets.UTF_8);
  }

  /** As each zoo model's init() builds it (UNet, Xception and SqueezeNet add their input there). */
  private static ComputationGraphConfiguration confOf(ZooModel model, InputType in) {
    if (model instanceof VGG16 v) {
      return v.conf();
    }
    if (model instanceof Darknet19 d) {
      return d.conf();
    }
    if (model instanceof ResNet50 r) {
      return r.graphBuilder().build();
    }
    if (model instanceof UNet u) {
      return u.graphBuilder().addInputs("input").setInputTypes(in).build();
    }
    if (model instanceof Xception x) {
      return x.graphBuilder().addInputs("input").setInputTypes(in).build();
    }
    return ((SqueezeNet) model).graphBuilder().addInputs("input").setInputTypes(in).build();
  }

  private static InputType[] orderedInputs(ComputationGraphConfiguration conf, Map<String, InputType> inputs) {
    List<InputType> ordered = new ArrayList<>();
    for (String input : conf.getNetworkInputs()) {
      ordered.add(inputs.get(input));
    }
    return ordered.toArray(new InputType[0]);
  }

  private static void header(ObjectNode root, String modelClass, Map<String, InputType> inputs, long params, long vector) {
    root.put("model_class", modelClass);
    ObjectNode in = root.putObject("input_types");
    inputs.forEach((k, t) -> {
      ObjectNode n = in.putObject(k);
      n.put("type", t.toString());
      // A flat image is fed as [mb, h·w·d], though getShape(false) says [d, h, w].
      ReferenceResult.dims(n.putArray("shape"), t instanceof InputType.InputTypeConvolutionalFlat f ? new long[] {f.getFlattenedSize()} : t.getShape(false));
    });
    root.put("total_params", params);
    root.put("params_vector_length", vector);
  }

  /** Two zero examples of the input type; an unknown time length becomes 4 steps (zeros are valid embedding indices). */
  static INDArray zeros(InputType type) {
    // A flat image is fed as the rows it names (what MNIST-style iterators give); DL4J's getShape
    // answers the unflattened [-1, c, h, w] for it, which the network also accepts.
    long[] shape = type instanceof InputType.InputTypeConvolutionalFlat f
        ? new long[] {-1, f.getFlattenedSize()} : type.getShape(true);
    shape[0] = 2;
    for (int i = 1; i < shape.length; i++) {
      if (shape[i] < 0) {
        shape[i] = 4;
      }
    }
    return Nd4j.zeros(DataType.FLOAT, shape);
  }

  /**
   * What DL4J computes when it runs the network on zeros: each layer's real activation shape
   * ({@code runtime_shape}, minibatch first as null). Where it differs from {@code output_shape},
   * DL4J's own InputType bookkeeping is wrong; a network DL4J cannot run records why.
   */
  private static void runtime(ArrayNode layers, Supplier<Map<String, long[]>> forward, ObjectNode root) {
    Map<String, long[]> shapes;
    try {
      shapes = forward.get();
    } catch (RuntimeException e) {
      root.put("forward_failed", e.getClass().getSimpleName() + ": " + String.valueOf(e.getMessage()).lines().findFirst().orElse(""));
      return;
    }
    for (int i = 0; i < layers.size(); i++) {
      ObjectNode n = (ObjectNode) layers.get(i);
      long[] shape = shapes.get(n.get("name").asText());
      if (shape != null) {
        ArrayNode a = n.putArray("runtime_shape");
        a.addNull();
        for (int d = 1; d < shape.length; d++) {
          a.add(shape[d]);
        }
      }
    }
  }

  private static ReferenceResult.OutputType outputType(InputType type) {
    return type == null ? null : new ReferenceResult.OutputType(type.toString(), type.getShape(false));
  }

}
