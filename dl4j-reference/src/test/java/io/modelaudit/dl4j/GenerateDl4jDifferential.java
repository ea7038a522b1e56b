package io.modelaudit.dl4j;

import io.modelaudit.dl4j.GenerateDl4jFixtures.Built;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.InputPreProcessor;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.graph.AttentionVertex;
import org.deeplearning4j.nn.conf.graph.ElementWiseVertex;
import org.deeplearning4j.nn.conf.graph.GraphVertex;
import org.deeplearning4j.nn.conf.graph.L2NormalizeVertex;
import org.deeplearning4j.nn.conf.graph.L2Vertex;
import org.deeplearning4j.nn.conf.graph.MergeVertex;
import org.deeplearning4j.nn.conf.graph.PoolHelperVertex;
import org.deeplearning4j.nn.conf.graph.PreprocessorVertex;
import org.deeplearning4j.nn.conf.graph.ReshapeVertex;
import org.deeplearning4j.nn.conf.graph.ScaleVertex;
import org.deeplearning4j.nn.conf.graph.ShiftVertex;
import org.deeplearning4j.nn.conf.graph.StackVertex;
import org.deeplearning4j.nn.conf.graph.SubsetVertex;
import org.deeplearning4j.nn.conf.graph.UnstackVertex;
import org.deeplearning4j.nn.conf.graph.rnn.DuplicateToTimeSeriesVertex;
import org.deeplearning4j.nn.conf.graph.rnn.LastTimeStepVertex;
import org.deeplearning4j.nn.conf.graph.rnn.ReverseTimeSeriesVertex;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.conf.preprocessor.Cnn3DToFeedForwardPreProcessor;
import org.deeplearning4j.nn.conf.preprocessor.CnnToFeedForwardPreProcessor;
import org.deeplearning4j.nn.conf.preprocessor.CnnToRnnPreProcessor;
import org.deeplearning4j.nn.conf.preprocessor.ComposableInputPreProcessor;
import org.deeplearning4j.nn.conf.preprocessor.FeedForwardToCnn3DPreProcessor;
import org.deeplearning4j.nn.conf.preprocessor.FeedForwardToCnnPreProcessor;
import org.deeplearning4j.nn.conf.preprocessor.FeedForwardToRnnPreProcessor;
import org.deeplearning4j.nn.conf.preprocessor.RnnToFeedForwardPreProcessor;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.modelimport.keras.preprocessors.TensorFlowCnnToFeedForwardPreProcessor;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.preprocessors.KerasFlattenRnnPreprocessor;
import org.deeplearning4j.preprocessors.PermutePreprocessor;
import org.deeplearning4j.preprocessors.ReshapePreprocessor;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.shade.jackson.databind.ObjectMapper;
import org.nd4j.shade.jackson.databind.SerializationFeature;
import org.nd4j.shade.jackson.databind.node.ObjectNode;

/**
 * The DL4J half of the differential run (issue 9 point 5): N random networks, MultiLayerNetwork and
 * ComputationGraph, composed from the layer, vertex and preprocessor classes the fixture models
 * cover, each built, initialised and run on zeros by DL4J 1.0.0-M2.1, saved with ModelSerializer as
 * {@code OUT/models/rNNNN.zip} with DL4J's numbers in {@code OUT/dl4j/rNNNN.expected.json} (the
 * fixtures' format). Draws DL4J refuses (configuration, init or forward pass) are skipped and
 * counted per class in {@code OUT/summary.json}.
 *
 * <pre>
 * cd dl4j-reference && mvn -q -B test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=io.modelaudit.dl4j.GenerateDl4jDifferential -Dexec.args="/tmp/dl4j-diff 300 1"
 * </pre>
 */
public final class GenerateDl4jDifferential {
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
  private static final int ATTEMPTS = 8;

  private final Map<String, Integer> placed = new TreeMap<>();
  private final Map<String, Integer> refused = new TreeMap<>();
  private final Map<String, Integer> skippedNetworks = new TreeMap<>();

  private GenerateDl4jDifferential() {}

  public static void main(String[] args) throws IOException {
    Path out = Path.of(args[0]);
    int n = Integer.parseInt(args[1]);
    long seed = Long.parseLong(args[2]);
    new GenerateDl4jDifferential().run(out, n, seed);
  }

  private void run(Path out, int n, long seed) throws IOException {
    Path models = out.resolve("models");
    Path dl4j = out.resolve("dl4j");
    Files.createDirectories(models);
    Files.createDirectories(dl4j);
    int written = 0;
    for (int i = 0; written < n && i < n * 4; i++) {
      Random r = new Random(seed * 1_000_003L + i);
      String name = String.format("r%04d", i);
      Built built;
      try {
        built = r.nextInt(5) < 2 ? multiLayer(new RandomDl4jLayers(r)) : graph(new RandomDl4jLayers(r));
      } catch (RuntimeException e) {
        count(skippedNetworks, "build: " + e.getClass().getSimpleName());
        continue;
      }
      if (built == null) {
        continue;
      }
      GenerateDl4jFixtures.writeModel(models, name, built);
      Files.move(models.resolve(name + ".expected.json"), dl4j.resolve(name + ".expected.json"),
          java.nio.file.StandardCopyOption.REPLACE_EXISTING);
      written++;
    }
    ObjectNode summary = JSON.createObjectNode();
    summary.put("networks", written);
    summary.put("seed", seed);
    summary.set("layers_placed", JSON.valueToTree(placed));
    summary.set("refused_draws", JSON.valueToTree(refused));
    summary.set("skipped_networks", JSON.valueToTree(skippedNetworks));
    Files.writeString(out.resolve("summary.json"), JSON.writeValueAsString(summary) + "\n", StandardCharsets.UTF_8);
    System.out.println(written + " networks; refused draws " + refused.values().stream().mapToInt(x -> x).sum()
        + "; skipped networks " + skippedNetworks);
  }

  private static void count(Map<String, Integer> m, String key) {
    m.merge(key, 1, Integer::sum);
  }

  private static NeuralNetConfiguration.Builder base() {
    return new NeuralNetConfiguration.Builder().seed(12345).updater(new Adam(1e-3));
  }

  /** Layer choice sees a flat image as the image it becomes. */
  private static InputType forChoice(InputType t) {
    return t instanceof InputType.InputTypeConvolutionalFlat f
        ? InputType.convolutional(f.getHeight(), f.getWidth(), f.getDepth()) : t;
  }

  // ---------------------------------------------------------------- MultiLayerNetwork

  private Built multiLayer(RandomDl4jLayers g) {
    InputType in = g.inputType();
    List<Layer> layers = new ArrayList<>();
    Map<Integer, InputPreProcessor> pres = new LinkedHashMap<>();
    InputType cur = in;
    int depth = g.n(1, 6);
    for (int i = 0; i < depth; i++) {
      for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
        InputPreProcessor pre = g.n(0, 6) == 0 ? preprocessor(g, cur) : null;
        InputType choice = cur;
        if (pre != null) {
          try {
            choice = pre.getOutputType(cur);
          } catch (RuntimeException e) {
            count(refused, pre.getClass().getSimpleName());
            continue;
          }
        }
        Layer layer = g.layerFor(forChoice(choice), i == depth - 1);
        layers.add(layer);
        if (pre != null) {
          pres.put(i, pre);
        }
        try {
          List<InputType> types = mlnConf(layers, pres, in).getLayerActivationTypes(in);
          cur = types.get(types.size() - 1);
          break;
        } catch (RuntimeException e) {
          layers.remove(layers.size() - 1);
          pres.remove(i);
          debug(e);
          count(refused, className(layer) + (pre == null ? "" : " after " + pre.getClass().getSimpleName()));
        }
      }
      if (layers.size() <= i) {
        break;
      }
    }
    if (layers.isEmpty()) {
      count(skippedNetworks, "no layer accepted");
      return null;
    }
    MultiLayerNetwork net = new MultiLayerNetwork(mlnConf(layers, pres, in));
    if (!runs(() -> {
      net.init();
      net.feedForward(GenerateDl4jFixtures.zeros(in), false);
    }, layers)) {
      return null;
    }
    layers.forEach(l -> count(placed, className(l)));
    pres.values().forEach(p -> count(placed, p.getClass().getSimpleName()));
    return new Built(net, Map.of("(input)", in));
  }

  private static MultiLayerConfiguration mlnConf(List<Layer> layers, Map<Integer, InputPreProcessor> pres, InputType in) {
    NeuralNetConfiguration.ListBuilder b = base().list();
    for (int i = 0; i < layers.size(); i++) {
      b.layer(i, layers.get(i).clone());
    }
    pres.forEach((i, p) -> b.inputPreProcessor(i, p.clone()));
    return b.setInputType(in).build();
  }

  /** A preprocessor that fits {@code t} (the ones DL4J's Keras import writes, and the core ones), or null. */
  private static InputPreProcessor preprocessor(RandomDl4jLayers g, InputType t) {
    if (t instanceof InputType.InputTypeFeedForward ff) {
      long s = ff.getSize();
      long c = divisor(g, s);
      long h = divisor(g, s / c);
      long w = s / c / h;
      return switch (g.n(0, 3)) {
        case 0 -> new FeedForwardToCnnPreProcessor(h, w, c);
        case 1 -> new FeedForwardToCnn3DPreProcessor(1, (int) h, (int) w, (int) c, true);
        case 2 -> new ReshapePreprocessor(new long[] {s}, new long[] {c, h * w}, false);
        default -> new FeedForwardToRnnPreProcessor();
      };
    }
    if (t instanceof InputType.InputTypeRecurrent rt && rt.getTimeSeriesLength() > 0) {
      return switch (g.n(0, 3)) {
        case 0 -> new PermutePreprocessor(2, 1);
        case 1 -> new KerasFlattenRnnPreprocessor(rt.getSize(), rt.getTimeSeriesLength());
        case 2 -> new ComposableInputPreProcessor(new RnnToFeedForwardPreProcessor(), new FeedForwardToRnnPreProcessor());
        default -> new RnnToFeedForwardPreProcessor();
      };
    }
    if (t instanceof InputType.InputTypeConvolutional ct) {
      return switch (g.n(0, 2)) {
        case 0 -> new TensorFlowCnnToFeedForwardPreProcessor(ct.getHeight(), ct.getWidth(), ct.getChannels());
        case 1 -> new CnnToRnnPreProcessor(ct.getHeight(), ct.getWidth(), ct.getChannels());
        default -> new CnnToFeedForwardPreProcessor(ct.getHeight(), ct.getWidth(), ct.getChannels(), ct.getFormat());
      };
    }
    if (t instanceof InputType.InputTypeConvolutional3D c3) {
      return new Cnn3DToFeedForwardPreProcessor(c3.getDepth(), c3.getHeight(), c3.getWidth(), c3.getChannels(),
          c3.getDataFormat() == org.deeplearning4j.nn.conf.layers.Convolution3D.DataFormat.NCDHW);
    }
    return null;
  }

  private static long divisor(RandomDl4jLayers g, long s) {
    List<Long> ds = new ArrayList<>();
    for (long d = 1; d <= s; d++) {
      if (s % d == 0) {
        ds.add(d);
      }
    }
    return g.pick(ds);
  }

  // ---------------------------------------------------------------- ComputationGraph

  /** One node of a random graph: a layer (with an optional preprocessor) or a vertex. */
  private record Node(String name, Layer layer, InputPreProcessor pre, GraphVertex vertex, String[] inputs) {}

  private Built graph(RandomDl4jLayers g) {
    int nInputs = g.n(0, 2) == 0 ? 2 : 1;
    Map<String, InputType> inputs = new LinkedHashMap<>();
    for (int i = 0; i < nInputs; i++) {
      inputs.put("in" + i, g.inputType());
    }
    List<Node> nodes = new ArrayList<>();
    Map<String, InputType> types = new LinkedHashMap<>(inputs);
    int steps = g.n(2, 8);
    for (int step = 0; step < steps; step++) {
      for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
        List<String> names = new ArrayList<>(types.keySet());
        String src = step < nInputs ? "in" + step
            : g.n(0, 1) == 0 ? names.get(names.size() - 1) : g.pick(names);
        Node node = g.n(0, 2) == 0 ? vertexNode(g, "v" + step, src, types, inputs) : null;
        if (node == null) {
          InputType t = types.get(src);
          node = new Node("l" + step, g.layerFor(forChoice(t), g.n(0, 2) == 0), null, null, new String[] {src});
        }
        nodes.add(node);
        try {
          Map<String, InputType> all = graphConf(nodes, inputs).getLayerActivationTypes(inputs.values().toArray(new InputType[0]));
          types.clear();
          types.putAll(inputs);
          all.forEach(types::put);
          break;
        } catch (RuntimeException e) {
          nodes.remove(nodes.size() - 1);
          debug(e);
          count(refused, node.layer() != null ? className(node.layer()) : node.vertex().getClass().getSimpleName());
        }
      }
    }
    if (nodes.isEmpty() || !usesAllInputs(nodes, inputs)) {
      count(skippedNetworks, nodes.isEmpty() ? "no node accepted" : "a network input left unused");
      return null;
    }
    ComputationGraph net = new ComputationGraph(graphConf(nodes, inputs));
    List<Layer> layers = nodes.stream().filter(x -> x.layer() != null).map(Node::layer).toList();
    if (!runs(() -> {
      net.init();
      net.feedForward(inputs.values().stream().map(GenerateDl4jFixtures::zeros).toArray(INDArray[]::new), false);
    }, layers)) {
      return null;
    }
    for (Node x : nodes) {
      count(placed, x.layer() != null ? className(x.layer()) : x.vertex().getClass().getSimpleName());
      if (x.pre() != null) {
        count(placed, x.pre().getClass().getSimpleName());
      }
    }
    return new Built(net, inputs);
  }

  private static boolean usesAllInputs(List<Node> nodes, Map<String, InputType> inputs) {
    Set<String> used = new HashSet<>();
    nodes.forEach(x -> used.addAll(List.of(x.inputs())));
    return used.containsAll(inputs.keySet());
  }

  private static ComputationGraphConfiguration graphConf(List<Node> nodes, Map<String, InputType> inputs) {
    ComputationGraphConfiguration.GraphBuilder b = base().graphBuilder().addInputs(inputs.keySet().toArray(new String[0]));
    Set<String> consumed = new HashSet<>();
    for (Node x : nodes) {
      if (x.layer() != null) {
        b.addLayer(x.name(), x.layer().clone(), x.pre() == null ? null : x.pre().clone(), x.inputs());
      } else {
        b.addVertex(x.name(), x.vertex().clone(), x.inputs());
      }
      consumed.addAll(List.of(x.inputs()));
    }
    String[] outputs = nodes.stream().map(Node::name).filter(n -> !consumed.contains(n)).toArray(String[]::new);
    return b.setOutputs(outputs).allowDisconnected(true).setInputTypes(inputs.values().toArray(new InputType[0])).build();
  }

  /** A vertex on {@code src} (and a partner of a fitting type for the two-input vertices), or null. */
  private static Node vertexNode(RandomDl4jLayers g, String name, String src, Map<String, InputType> types, Map<String, InputType> inputs) {
    InputType t = types.get(src);
    List<String> same = types.entrySet().stream().filter(e -> e.getValue().toString().equals(t.toString())).map(Map.Entry::getKey).toList();
    List<String> kind = types.entrySet().stream().filter(e -> e.getValue().getType() == t.getType()).map(Map.Entry::getKey).toList();
    String partner = g.pick(same);
    List<Node> options = new ArrayList<>();
    options.add(new Node(name, null, null, new ScaleVertex(g.n(1, 3)), new String[] {src}));
    options.add(new Node(name, null, null, new ShiftVertex(g.n(-1, 2)), new String[] {src}));
    options.add(new Node(name, null, null, new L2NormalizeVertex(), new String[] {src}));
    options.add(new Node(name, null, null, new MergeVertex(), new String[] {src, g.pick(kind)}));
    ElementWiseVertex.Op op = g.pick(List.of(ElementWiseVertex.Op.values()));
    String[] ewInputs = op == ElementWiseVertex.Op.Subtract ? new String[] {src, partner}
        : g.n(0, 1) == 0 ? new String[] {src, partner} : new String[] {src, partner, g.pick(same)};
    options.add(new Node(name, null, null, new ElementWiseVertex(op), ewInputs));
    options.add(new Node(name, null, null, new StackVertex(), new String[] {src, partner}));
    if (src.startsWith("v") && types.containsKey(src)) {
      options.add(new Node(name, null, null, new UnstackVertex(g.n(0, 1), 2), new String[] {src}));
    }
    if (t instanceof InputType.InputTypeFeedForward ff) {
      long s = ff.getSize();
      int from = g.n(0, (int) s - 1);
      options.add(new Node(name, null, null, new SubsetVertex(from, g.n(from, (int) s - 1)), new String[] {src}));
      options.add(new Node(name, null, null, new L2Vertex(), new String[] {src, partner}));
      long c = divisor(g, s);
      long h = divisor(g, s / c);
      options.add(new Node(name, null, null, g.n(0, 1) == 0 ? new ReshapeVertex(-1, (int) c, (int) h, (int) (s / c / h)) : new ReshapeVertex(-1, (int) c, (int) (s / c)),
          new String[] {src}));
      inputs.entrySet().stream().filter(e -> e.getValue() instanceof InputType.InputTypeRecurrent).findFirst().ifPresent(e ->
          options.add(new Node(name, null, null, new DuplicateToTimeSeriesVertex(e.getKey()), new String[] {src})));
    } else if (t instanceof InputType.InputTypeRecurrent rt) {
      options.add(new Node(name, null, null, new LastTimeStepVertex(inputs.keySet().iterator().next()), new String[] {src}));
      options.add(new Node(name, null, null, new ReverseTimeSeriesVertex(), new String[] {src}));
      String kv = g.pick(kind);
      long kvSize = ((InputType.InputTypeRecurrent) types.get(kv)).getSize();
      boolean project = g.n(0, 2) > 0;
      options.add(new Node(name, null, null, project
          ? new AttentionVertex.Builder().nInQueries(rt.getSize()).nInKeys(kvSize).nInValues(kvSize).nOut(g.n(2, 6)).nHeads(g.n(1, 2))
              .headSize(g.n(1, 3)).projectInput(true).build()
          : new AttentionVertex.Builder().nInQueries(rt.getSize()).nInKeys(rt.getSize()).nInValues(rt.getSize()).nOut(rt.getSize())
              .nHeads(1).projectInput(false).build(),
          project ? new String[] {src, kv, kv} : new String[] {src, src, src}));
    } else if (t instanceof InputType.InputTypeConvolutional ct) {
      options.add(new Node(name, null, null, new PoolHelperVertex(), new String[] {src}));
      options.add(new Node(name, null, null,
          new PreprocessorVertex(new CnnToFeedForwardPreProcessor(ct.getHeight(), ct.getWidth(), ct.getChannels(), ct.getFormat())),
          new String[] {src}));
    }
    return g.pick(options);
  }

  // ---------------------------------------------------------------- shared

  /** Whether DL4J initialises and runs the network; a refusal is counted under the network's classes. */
  private boolean runs(Runnable initAndForward, List<Layer> layers) {
    try {
      initAndForward.run();
      return true;
    } catch (RuntimeException | AssertionError e) {
      Set<String> classes = new java.util.TreeSet<>();
      layers.forEach(l -> classes.add(className(l)));
      count(skippedNetworks, "init/forward: " + e.getClass().getSimpleName() + " " + String.join(",", classes));
      return false;
    }
  }

  private static void debug(Throwable e) {
    if (System.getenv("DL4J_DIFF_DEBUG") != null) {
      System.err.println("refused: " + String.valueOf(e.getMessage()).lines().findFirst().orElse(""));
    }
  }

  private static String className(Layer layer) {
    return layer.getClass().getSimpleName();
  }
}
