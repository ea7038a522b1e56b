package io.modelaudit.formats.keras;

import io.modelaudit.ir.layers.IdentityKind;
import io.modelaudit.ir.layers.MultiHeadAttentionKind;
import io.modelaudit.ir.layers.PositionEmbeddingKind;
import io.modelaudit.ir.layers.TokenAndPositionEmbeddingKind;
import io.modelaudit.ir.layers.TransformerBlockKind;
import java.util.List;
import java.util.Map;

/**
 * keras-hub (formerly keras-nlp) layers. Keras 3 writes their class name bare ({@code
 * TransformerEncoder}, with {@code registered_name} {@code keras_hub>TransformerEncoder}) in {@code
 * .keras} and JSON, and the registered name as the class name in HDF5; tf.keras wrote keras-nlp's
 * as {@code keras_nlp>TransformerEncoder}. Under the bare name, a rule applies only to a
 * configuration with keras-hub's keys: tutorials define their own classes of the same names.
 */
final class KerasHubBindings {
  /**
   * The sub-layers of a keras-hub layer in the order it creates them, as a {@code .keras} archive
   * names them (without the leading underscore); the archive lists them alphabetically. keras-nlp
   * before 0.7 spelled the norms {@code *_layernorm}.
   */
  private static final Map<String, List<String>> ARCHIVE_SUB_LAYER_ORDER =
      Map.of(
          "TransformerEncoder",
          List.of(
              "self_attention_layer",
              "self_attention_layer_norm",
              "self_attention_layernorm",
              "feedforward_layer_norm",
              "feedforward_layernorm",
              "feedforward_intermediate_dense",
              "feedforward_output_dense"),
          "TransformerDecoder",
          List.of(
              "self_attention_layer",
              "self_attention_layer_norm",
              "self_attention_layernorm",
              "cross_attention_layer",
              "cross_attention_layer_norm",
              "cross_attention_layernorm",
              "feedforward_intermediate_dense",
              "feedforward_output_dense",
              "feedforward_layer_norm",
              "feedforward_layernorm"),
          "TokenAndPositionEmbedding",
          List.of("token_embedding", "position_embedding"));

  private KerasHubBindings() {}

  /** The creation order of a class's sub-layers in an archive; empty when it has none listed. */
  static List<String> archiveSubLayerOrder(String className) {
    return ARCHIVE_SUB_LAYER_ORDER.getOrDefault(className, List.of());
  }

  private static String[] spellings(String className) {
    return new String[] {className, "keras_hub>" + className, "keras_nlp>" + className};
  }

  static void registerAll() {
    KerasLayerBindings.register(
        TransformerBlockKind.class,
        a -> isTransformerBlock(a) ? TransformerBlockKind.encoder(heads(a), intermediate(a)) : null,
        spellings("TransformerEncoder"));
    KerasLayerBindings.register(
        TransformerBlockKind.class,
        a -> isTransformerBlock(a) ? TransformerBlockKind.decoder(heads(a), intermediate(a)) : null,
        spellings("TransformerDecoder"));
    KerasLayerBindings.register(
        TokenAndPositionEmbeddingKind.class,
        a ->
            a.has("vocabulary_size") && a.has("sequence_length") && a.has("embedding_dim")
                ? new TokenAndPositionEmbeddingKind(
                    a.requireLong("vocabulary_size"),
                    a.requireLong("sequence_length"),
                    a.requireLong("embedding_dim"),
                    a.getBool(true, "tie_weights"))
                : null,
        spellings("TokenAndPositionEmbedding"));
    KerasLayerBindings.register(
        PositionEmbeddingKind.class,
        a ->
            a.has("sequence_length") && a.has("initializer")
                ? new PositionEmbeddingKind(a.requireLong("sequence_length"))
                : null,
        spellings("PositionEmbedding"));
    KerasLayerBindings.register(
        IdentityKind.class,
        a -> a.has("max_wavelength") ? IdentityKind.INSTANCE : null,
        spellings("SinePositionEncoding"));
    KerasLayerBindings.register(
        IdentityKind.class,
        a -> a.has("max_wavelength") && a.has("scaling_factor") ? IdentityKind.INSTANCE : null,
        spellings("RotaryEmbedding"));
    KerasLayerBindings.register(
        MultiHeadAttentionKind.class,
        a -> a.has("num_heads") && a.has("key_dim") ? KerasLayerRules.multiHeadAttention(a) : null,
        spellings("CachedMultiHeadAttention"));
  }

  /** keras-hub's keys: a tutorial's TransformerEncoder has embed_dim and dense_dim instead. */
  private static boolean isTransformerBlock(KerasArgs a) {
    return a.has("intermediate_dim") && a.has("num_heads") && a.has("layer_norm_epsilon");
  }

  private static long heads(KerasArgs a) {
    long heads = a.requireLong("num_heads");
    if (heads <= 0) {
      throw new KerasConfigException("num_heads must be positive, got " + heads);
    }
    return heads;
  }

  private static long intermediate(KerasArgs a) {
    return a.requireLong("intermediate_dim");
  }
}
