"""keras-hub layer fixtures (imported by generate.py: MODELS += generate_hub.MODELS).

keras-hub is not on this machine's package index, so it was taken from its source:
github.com/keras-team/keras-hub at tag v0.31.1 (commit e68fccb7055e7ae4d15766d61ab4eca715d15692,
requires keras>=3.15), unpacked with `git archive` into a directory outside the project. Its
top-level package imports tensorflow (keras_hub/src/models/qwen3_5/qwen3_5_image_converter.py),
which is not installed, so only `keras_hub.src` is put on the path, under an empty
`keras_hub/__init__.py`:

    mkdir -p /tmp/khub-min/keras_hub && touch /tmp/khub-min/keras_hub/__init__.py
    ln -s <keras-hub checkout>/keras_hub/src /tmp/khub-min/keras_hub/src
    PYTHONPATH=/tmp/khub-min KERAS_BACKEND=jax python3 generate.py hub_embeddings hub_encoder hub_decoder

keras_hub is imported inside the builders, so generate.py runs without it for other models.
The layer classes, their registration ("keras_hub>Name", also "keras_nlp>Name") and their
module names are those of the released package.
"""

import keras

EXPECTED_KERAS_HUB = "0.31.1"


def check_keras_hub():
    """The fixtures are keras-hub v0.31.1's layers, nothing else."""
    from keras_hub.src.version import __version__

    if __version__ != EXPECTED_KERAS_HUB:
        raise SystemExit(f"need keras-hub {EXPECTED_KERAS_HUB}, have {__version__}")


def hub_embeddings():
    """TokenAndPositionEmbedding (tied, untied with mask_zero, shorter input than sequence_length),
    PositionEmbedding, SinePositionEncoding and RotaryEmbedding on the result."""
    check_keras_hub()
    from keras_hub.src.layers.modeling.position_embedding import PositionEmbedding
    from keras_hub.src.layers.modeling.rotary_embedding import RotaryEmbedding
    from keras_hub.src.layers.modeling.sine_position_encoding import SinePositionEncoding
    from keras_hub.src.layers.modeling.token_and_position_embedding import TokenAndPositionEmbedding

    ids = keras.Input((8,), dtype="int32", name="ids")
    tied = TokenAndPositionEmbedding(50, 10, 6, name="tok_pos")(ids)
    untied = TokenAndPositionEmbedding(30, 8, 4, tie_weights=False, mask_zero=True,
                                       name="tok_pos_untied")(ids)
    pos = PositionEmbedding(12, name="pos")(tied)
    sine = SinePositionEncoding(name="sine")(tied)
    added = keras.layers.Add(name="add")([tied, pos, sine])
    heads = keras.layers.Reshape((8, 3, 2), name="heads")(added)
    rotary = RotaryEmbedding(name="rotary")(heads)
    return keras.Model(ids, [added, untied, rotary], name="hub_embeddings")


def hub_encoder():
    """TransformerEncoder: post- and pre-norm, gelu, hidden size not a multiple of the heads."""
    check_keras_hub()
    from keras_hub.src.layers.modeling.transformer_encoder import TransformerEncoder

    src = keras.Input((7, 8), name="src")
    odd = keras.Input((5, 10), name="odd")
    enc = TransformerEncoder(16, 2, name="encoder")(src)
    enc = TransformerEncoder(12, 4, normalize_first=True, activation="gelu", name="encoder_pre")(enc)
    enc_odd = TransformerEncoder(6, 3, name="encoder_odd")(odd)
    return keras.Model([src, odd], [enc, enc_odd], name="hub_encoder")


def hub_decoder():
    """TransformerDecoder without cross-attention (decoder-only) and with it: encoder_sequence
    passed by name, of another length and width than the decoder sequence; the decoder's
    CachedMultiHeadAttention on its own, without a cache."""
    check_keras_hub()
    from keras_hub.src.layers.modeling.cached_multi_head_attention import CachedMultiHeadAttention
    from keras_hub.src.layers.modeling.transformer_decoder import TransformerDecoder

    tgt = keras.Input((5, 8), name="tgt")
    memory = keras.Input((7, 6), name="memory")
    dec_only = TransformerDecoder(16, 2, name="decoder_only")(tgt)
    dec = TransformerDecoder(20, 2, name="decoder_cross")(tgt, encoder_sequence=memory)
    cached = CachedMultiHeadAttention(2, 3, name="cached_mha")(tgt, memory)
    return keras.Model([tgt, memory], [dec_only, dec, cached], name="hub_decoder")


MODELS = [
    ("hub_embeddings", hub_embeddings, False),
    ("hub_encoder", hub_encoder, False),
    ("hub_decoder", hub_decoder, False),
]
