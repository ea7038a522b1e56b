package io.modelaudit.reference.stored;

import io.modelaudit.compare.Finding;
import io.modelaudit.compare.Rule;
import io.modelaudit.formats.StoredTensor;
import io.modelaudit.formats.StoredWeights;
import io.modelaudit.infer.InferredGraph;
import io.modelaudit.infer.LayerInference;
import io.modelaudit.ir.WeightBucket;
import io.modelaudit.ir.WeightSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Keras loads a weights-only HDF5 file (Keras 1/2 {@code save_weights} layout) by layer order
 * unless {@code load_weights(..., by_name=True)} is asked: the k-th stored layer that has weights
 * goes into the k-th layer of the model that has weights, whatever their names, and each tensor
 * must have the shape of the weight it goes into. When the names of the file and the architecture
 * differ but that pairing fits, the weights are compared with the layers Keras loads them into, and
 * one warning says so.
 */
final class LayerOrderPairing {
  /** How many renamed pairs the finding names. */
  private static final int NAMED_PAIRS = 5;

  private LayerOrderPairing() {}

  /** The paired record; null when the names agree or the order does not fit. */
  record Paired(StoredWeights stored, Finding finding) {}

  static Paired pair(InferredGraph graph, StoredWeights stored) {
    List<LayerInference> layers = new ArrayList<>();
    for (LayerInference l : graph.layers()) {
      if (l.layer().hidden()) {
        continue;
      }
      if (l.nested() != null || l.weights() == null) {
        return null; // what Keras loads into it cannot be told layer by layer here
      }
      if (!l.weights().isEmpty()) {
        layers.add(l);
      }
    }
    List<Map.Entry<String, List<StoredTensor>>> entries =
        stored.all().entrySet().stream()
            .filter(e -> !e.getValue().isEmpty())
            .collect(Collectors.toList());
    if (entries.size() != layers.size()
        || layers.stream().allMatch(l -> stored.forLayer(l.layer().name()) != null)) {
      return null;
    }
    List<String> renamed = new ArrayList<>();
    StoredWeights byOrder = new StoredWeights(false);
    for (int k = 0; k < layers.size(); k++) {
      LayerInference layer = layers.get(k);
      List<StoredTensor> tensors = entries.get(k).getValue();
      if (!fits(trainableFirst(layer.weights()), tensors)) {
        return null;
      }
      byOrder.put(layer.layer().name(), tensors);
      if (!entries.get(k).getKey().equals(layer.layer().name())) {
        renamed.add(entries.get(k).getKey() + " → " + layer.layer().name());
      }
    }
    String named =
        renamed.stream().limit(NAMED_PAIRS).collect(Collectors.joining(", "))
            + (renamed.size() > NAMED_PAIRS
                ? " and " + (renamed.size() - NAMED_PAIRS) + " more"
                : "");
    Finding finding =
        Finding.of(
            Rule.WEIGHTS_PAIRED_BY_ORDER,
            null,
            StoredWeightComparison.REFERENCE,
            null,
            renamed.size(),
            "the file stores weights under other layer names than the architecture ("
                + named
                + "); Keras' load_weights pairs them by layer order, as here, and every shape"
                + " fits (with by_name=True it would skip these layers)",
            null);
    return new Paired(byOrder, finding);
  }

  private static boolean fits(List<WeightSpec> expected, List<StoredTensor> tensors) {
    if (expected.size() != tensors.size()) {
      return false;
    }
    for (int i = 0; i < expected.size(); i++) {
      if (tensors.get(i).shape() == null
          || !expected.get(i).shape().isFullyKnown()
          || !Objects.equals(expected.get(i).shape(), tensors.get(i).shape())) {
        return false;
      }
    }
    return true;
  }

  /** The order Keras' legacy writer stores a layer's weights in. */
  private static List<WeightSpec> trainableFirst(List<WeightSpec> weights) {
    List<WeightSpec> out = new ArrayList<>();
    weights.stream().filter(w -> w.bucket() == WeightBucket.TRAINABLE).forEach(out::add);
    weights.stream().filter(w -> w.bucket() != WeightBucket.TRAINABLE).forEach(out::add);
    return out;
  }
}
