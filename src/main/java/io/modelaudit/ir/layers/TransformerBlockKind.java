package io.modelaudit.ir.layers;

import io.modelaudit.ir.LayerKind;
import io.modelaudit.ir.Shape;
import io.modelaudit.ir.ShapeException;
import io.modelaudit.ir.UnknownDimensionException;
import io.modelaudit.ir.WeightSpec;
import java.util.ArrayList;
import java.util.List;

/**
 * keras-hub's (keras-nlp's) TransformerEncoder and TransformerDecoder: self-attention with {@code
 * num_heads} heads of {@code hidden // num_heads} dims, its layer norm, and a feedforward block of
 * two Dense layers ({@code intermediate_dim}, then back to the hidden size) with its layer norm. A
 * decoder called with an encoder sequence also owns a cross-attention block (query from the decoder
 * sequence, key and value from the encoder sequence) and its layer norm. The output has the
 * (decoder) input's shape; {@code normalize_first} moves the norms but not the weights.
 *
 * <p>Weights are listed in the order the layer creates its sub-layers, which is the order of an
 * HDF5 file's {@code weight_names}: encoder self-attention, its norm, feedforward norm, dense,
 * dense; decoder self-attention, its norm, (cross-attention, its norm,) dense, dense, feedforward
 * norm.
 */
public final class TransformerBlockKind implements LayerKind {
  private final boolean decoder;
  private final long heads;
  private final long intermediateDim;

  private TransformerBlockKind(boolean decoder, long heads, long intermediateDim) {
    this.decoder = decoder;
    this.heads = heads;
    this.intermediateDim = intermediateDim;
  }

  public static TransformerBlockKind encoder(long heads, long intermediateDim) {
    return new TransformerBlockKind(false, heads, intermediateDim);
  }

  public static TransformerBlockKind decoder(long heads, long intermediateDim) {
    return new TransformerBlockKind(true, heads, intermediateDim);
  }

  private Shape sequence(List<Shape> inputs) {
    int allowed = decoder ? 2 : 1;
    if (inputs.isEmpty() || inputs.size() > allowed) {
      throw new ShapeException(
          (decoder
                  ? "TransformerDecoder expects a decoder sequence and optionally an encoder"
                      + " sequence"
                  : "TransformerEncoder expects one input sequence")
              + ", got "
              + inputs.size()
              + " inputs");
    }
    for (Shape s : inputs) {
      if (s.rank() < 3) {
        throw new ShapeException("expects sequences of rank 3 or more, got " + s);
      }
    }
    return inputs.get(0);
  }

  @Override
  public List<Shape> outputShapes(List<Shape> inputs) {
    return List.of(sequence(inputs));
  }

  @Override
  public List<WeightSpec> weights(List<Shape> inputs) {
    Shape x = sequence(inputs);
    Long hidden = x.dim(-1);
    if (hidden == null) {
      throw new UnknownDimensionException("hidden size (last axis of " + x + ") is unknown");
    }
    long headDim = hidden / heads;
    if (headDim == 0) {
      throw new ShapeException("the hidden size " + hidden + " is smaller than num_heads " + heads);
    }
    LayerNormKind norm = new LayerNormKind(List.of(-1), true, true, false);
    List<WeightSpec> w = new ArrayList<>();
    add(w, decoder ? "self_attention" : "self_attention_layer", attention(headDim), x, x);
    add(w, "self_attention_layer_norm", norm, x);
    if (decoder && inputs.size() == 2) {
      add(w, "cross_attention", attention(headDim), x, inputs.get(1));
      add(w, "cross_attention_layer_norm", norm, x);
    }
    if (!decoder) {
      add(w, "feedforward_layer_norm", norm, x);
    }
    add(w, "feedforward_intermediate_dense", new DenseKind(intermediateDim, true), x);
    add(w, "feedforward_output_dense", new DenseKind(hidden, true), x.withDim(-1, intermediateDim));
    if (decoder) {
      add(w, "feedforward_layer_norm", norm, x);
    }
    return w;
  }

  private MultiHeadAttentionKind attention(long headDim) {
    return new MultiHeadAttentionKind(
        heads, headDim, headDim, null, true, false, null, false, true);
  }

  private static void add(List<WeightSpec> out, String name, LayerKind layer, Shape... inputs) {
    layer.weights(List.of(inputs)).forEach(s -> out.add(s.renamed(name + "/")));
  }
}
