package io.modelaudit.dl4j;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.graph.GraphVertex;
import org.deeplearning4j.nn.conf.graph.LayerVertex;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ActivationLayer;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.deeplearning4j.nn.conf.layers.misc.FrozenLayer;
import org.deeplearning4j.nn.conf.layers.recurrent.Bidirectional;
import org.deeplearning4j.nn.conf.layers.wrapper.BaseWrapperLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Builds DL4J's network from a configuration and reads DL4J's own numbers from it. The network
 * is initialised with a zero parameter vector of the length DL4J computes, never with stored
 * weights and never by DL4J's random initialisers: copying weights whose shapes DL4J gets wrong
 * writes past native buffers, and orthogonal initialisation of a large LSTM takes minutes.
 * Past {@link #MAX_BUILT_PARAMS} (a hostile configuration can ask for any size) the network is
 * not built: the counts come from DL4J's parameter initialisers, without parameter tables.
 */
final class NetworkReader {
  /** 2 GiB of floats; VGG16 has 138 million parameters. */
  static final long MAX_BUILT_PARAMS = 1L << 29;

  private NetworkReader() {}

  static ReferenceResult multiLayer(Path file, String format, MultiLayerConfiguration conf, Map<String, InputType> outputTypes) {
    long length = 0;
    for (NeuralNetConfiguration layer : conf.getConfs()) {
      length += layer.getLayer().initializer().numParams(layer);
    }
    List<ReferenceResult.LayerInfo> layers = new ArrayList<>();
    if (length > MAX_BUILT_PARAMS) {
      for (NeuralNetConfiguration layer : conf.getConfs()) {
        layers.add(unbuilt(layer.getLayer(), layer.getLayer().initializer().numParams(layer), outputTypes));
      }
      return ReferenceResult.ok(file, format, "MultiLayerNetwork", layers, length, false);
    }
    MultiLayerNetwork net = new MultiLayerNetwork(conf);
    net.init(zeros(conf.getDataType(), length), false);
    for (Layer layer : net.getLayers()) {
      layers.add(layerInfo(layer, outputTypes));
    }
    return ReferenceResult.ok(file, format, "MultiLayerNetwork", layers, net.numParams(), true);
  }

  static ReferenceResult graph(Path file, String format, ComputationGraphConfiguration conf, Map<String, InputType> outputTypes) {
    long length = 0;
    for (GraphVertex vertex : conf.getVertices().values()) {
      length += vertex.numParams(true);
    }
    List<ReferenceResult.LayerInfo> layers = new ArrayList<>();
    if (length > MAX_BUILT_PARAMS) {
      for (Map.Entry<String, GraphVertex> e : conf.getVertices().entrySet()) {
        GraphVertex vertex = e.getValue();
        layers.add(vertex instanceof LayerVertex
            ? unbuilt(((LayerVertex) vertex).getLayerConf().getLayer(), vertex.numParams(true), outputTypes)
            : new ReferenceResult.LayerInfo(e.getKey(), vertex.getClass().getSimpleName(), 0, Map.of(), null,
                outputType(outputTypes, e.getKey())));
      }
      return ReferenceResult.ok(file, format, "ComputationGraph", layers, length, false);
    }
    ComputationGraph net = new ComputationGraph(conf);
    net.init(zeros(conf.getDataType(), length), false);
    for (Map.Entry<String, GraphVertex> e : conf.getVertices().entrySet()) {
      org.deeplearning4j.nn.graph.vertex.GraphVertex vertex = net.getVertex(e.getKey());
      if (vertex.hasLayer()) {
        layers.add(layerInfo(vertex.getLayer(), outputTypes));
      } else {
        // A SameDiff vertex (AttentionVertex) owns parameters that ComputationGraph.numParams() leaves out.
        layers.add(new ReferenceResult.LayerInfo(e.getKey(), e.getValue().getClass().getSimpleName(), vertex.numParams(),
            shapes(vertex.paramTable(false)), null, outputType(outputTypes, e.getKey())));
      }
    }
    return ReferenceResult.ok(file, format, "ComputationGraph", layers, length, true);
  }

  private static INDArray zeros(DataType type, long length) {
    return length == 0 ? null : Nd4j.zeros(type == null ? DataType.FLOAT : type, 1, length);
  }

  static Map<String, long[]> shapes(Map<String, INDArray> params) {
    Map<String, long[]> table = new LinkedHashMap<>();
    for (Map.Entry<String, INDArray> p : params.entrySet()) {
      table.put(p.getKey(), p.getValue().shape());
    }
    return table;
  }

  static ReferenceResult.LayerInfo layerInfo(Layer layer, Map<String, InputType> outputTypes) {
    org.deeplearning4j.nn.conf.layers.Layer conf = layer.conf().getLayer();
    Map<String, long[]> table = shapes(layer.paramTable());
    String name = conf.getLayerName();
    return new ReferenceResult.LayerInfo(name, conf.getClass().getSimpleName(), layer.numParams(), table,
        activation(conf), outputType(outputTypes, name));
  }

  private static ReferenceResult.LayerInfo unbuilt(org.deeplearning4j.nn.conf.layers.Layer conf, long params,
      Map<String, InputType> outputTypes) {
    return new ReferenceResult.LayerInfo(conf.getLayerName(), conf.getClass().getSimpleName(), params, Map.of(),
        activation(conf), outputType(outputTypes, conf.getLayerName()));
  }

  /** The activation function, looked up through wrappers (frozen, bidirectional, last time step ...). */
  private static String activation(org.deeplearning4j.nn.conf.layers.Layer conf) {
    if (conf instanceof BaseLayer && ((BaseLayer) conf).getActivationFn() != null) {
      return ((BaseLayer) conf).getActivationFn().toString();
    }
    if (conf instanceof ActivationLayer && ((ActivationLayer) conf).getActivationFn() != null) {
      return ((ActivationLayer) conf).getActivationFn().toString();
    }
    if (conf instanceof BaseWrapperLayer) {
      return activation(((BaseWrapperLayer) conf).getUnderlying());
    }
    if (conf instanceof FrozenLayer) {
      return activation(((FrozenLayer) conf).getLayer());
    }
    if (conf instanceof Bidirectional) {
      return activation(((Bidirectional) conf).getFwd());
    }
    return null;
  }

  private static ReferenceResult.OutputType outputType(Map<String, InputType> types, String name) {
    InputType type = types == null || name == null ? null : types.get(name);
    if (type == null) {
      return null;
    }
    long[] shape;
    try {
      shape = type.getShape(false);
    } catch (RuntimeException e) {
      shape = null;
    }
    return new ReferenceResult.OutputType(type.toString(), shape);
  }
}
