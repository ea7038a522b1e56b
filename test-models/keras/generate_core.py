"""Keras 3 core layers for model-audit's "Core" rules (issue 9): RMSNormalization,
GroupQueryAttention, ReversibleEmbedding, ActivityRegularization, SpectralNormalization,
adaptive pooling, the generic RNN layer over cells, and cells called on their own.

generate.py imports MODELS from here; run it as `KERAS_BACKEND=jax python3 generate.py NAME...`.
"""

import keras
from keras import layers


def core_norm_reg():
    inp = keras.Input((6, 8), name="seq")
    x = layers.RMSNormalization(name="rms_last")(inp)
    x = layers.RMSNormalization(axis=2, epsilon=1e-5, name="rms_features")(x)
    x = layers.ActivityRegularization(l1=0.01, l2=0.001, name="act_reg")(x)
    return keras.Model(inp, x, name="core_norm_reg")


def core_rms_axes():
    # A list of axes: the scale takes those dims, axes sorted as written. (A single axis
    # other than the last fails when run: Keras broadcasts the scale from the last axis.)
    inp = keras.Input((6, 8), name="seq")
    x = layers.RMSNormalization(axis=[2, 1], name="rms_both")(inp)
    x = layers.RMSNormalization(axis=[-1, -2], name="rms_negative")(x)
    return keras.Model(inp, x, name="core_rms_axes")


def core_gqa():
    q = keras.Input((6, 8), name="query")
    v = keras.Input((4, 8), name="value")
    k = keras.Input((4, 5), name="key")
    x = layers.GroupQueryAttention(head_dim=3, num_query_heads=4, num_key_value_heads=2,
                                   name="gqa")(q, v)
    y, scores = layers.GroupQueryAttention(head_dim=2, num_query_heads=6, num_key_value_heads=3,
                                           use_bias=False, use_gate=True,
                                           name="gqa_gate_key")(q, v, k, return_attention_scores=True)
    return keras.Model([q, v, k], [x, y, scores], name="core_gqa")


def core_reversible_embedding():
    tokens = keras.Input((5,), dtype="int32", name="tokens")
    tied = layers.ReversibleEmbedding(12, 4, name="tied")
    untied = layers.ReversibleEmbedding(12, 3, tie_weights=False, name="untied")
    h = tied(tokens)
    logits = tied(h, reverse=True)
    g = untied(tokens)
    logits2 = untied(g, reverse=True)
    return keras.Model(tokens, [logits, logits2], name="core_reversible_embedding")


def core_spectral_norm():
    vec = keras.Input((6,), name="vec")
    # Keras counts the wrapped kernel once: 6*8 + 8 + vector_u 8 = 64.
    a = layers.SpectralNormalization(layers.Dense(8), name="sn_dense")(vec)
    img = keras.Input((8, 8, 3), name="img")
    b = layers.SpectralNormalization(layers.Conv2D(4, 3, use_bias=False), power_iterations=2,
                                     name="sn_conv")(img)
    ids = keras.Input((5,), dtype="int32", name="ids")
    c = layers.SpectralNormalization(layers.Embedding(10, 4), name="sn_embedding")(ids)
    return keras.Model([vec, img, ids], [a, b, c], name="core_spectral_norm")


def core_adaptive_pooling():
    seq = keras.Input((10, 3), name="seq")
    seq_cf = keras.Input((3, 10), name="seq_cf")
    img = keras.Input((9, 7, 2), name="img")
    img_cf = keras.Input((2, 9, 7), name="img_cf")
    vol = keras.Input((6, 5, 4, 2), name="vol")
    vol_cf = keras.Input((2, 6, 5, 4), name="vol_cf")
    outs = [
        layers.AdaptiveAveragePooling1D(4, name="avg1")(seq),
        layers.AdaptiveMaxPooling1D(3, data_format="channels_first", name="max1_cf")(seq_cf),
        layers.AdaptiveAveragePooling2D((3, 2), name="avg2")(img),
        layers.AdaptiveMaxPooling2D(2, data_format="channels_first", name="max2_cf")(img_cf),
        layers.AdaptiveMaxPooling3D((2, 3, 2), name="max3")(vol),
        layers.AdaptiveAveragePooling3D(2, data_format="channels_first", name="avg3_cf")(vol_cf),
    ]
    return keras.Model([seq, seq_cf, img, img_cf, vol, vol_cf], outs, name="core_adaptive_pooling")


def core_rnn():
    inp = keras.Input((5, 3), name="seq")
    a = layers.RNN(layers.LSTMCell(4), name="rnn_lstm")(inp)
    b_seq, b_state = layers.RNN(layers.GRUCell(3), return_sequences=True, return_state=True,
                                name="rnn_gru")(inp)
    c = layers.RNN(layers.SimpleRNNCell(2, use_bias=False), go_backwards=True,
                   name="rnn_simple")(inp)
    d = layers.RNN(layers.StackedRNNCells([layers.LSTMCell(4), layers.GRUCell(3, reset_after=False),
                                           layers.SimpleRNNCell(2)]),
                   return_state=True, name="rnn_stacked")(inp)
    # A list of cells is a StackedRNNCells; an archive lists the cells by storage name
    # (lstm_cell, lstm_cell_1, simple_rnn_cell), not in stack order.
    e = layers.RNN([layers.SimpleRNNCell(2), layers.LSTMCell(3), layers.LSTMCell(2, use_bias=False)],
                   return_sequences=True, name="rnn_cell_list")(inp)
    return keras.Model(inp, [a, b_seq, b_state, c, *keras.tree.flatten(d), e], name="core_rnn")


def core_rnn_wrappers():
    inp = keras.Input((5, 3), name="seq")
    a = layers.Bidirectional(layers.RNN(layers.GRUCell(3)), name="bi_rnn")(inp)
    b = layers.Bidirectional(
        layers.RNN([layers.SimpleRNNCell(2), layers.LSTMCell(3)], return_sequences=True),
        merge_mode="sum", name="bi_stacked")(inp)
    clips = keras.Input((4, 5, 3), name="clips")
    c = layers.TimeDistributed(layers.RNN(layers.LSTMCell(2)), name="td_rnn")(clips)
    return keras.Model([inp, clips], [a, b, c], name="core_rnn_wrappers")


def core_cells():
    # Cells (and a StackedRNNCells) called on one step and their states are layers of the model.
    x = keras.Input((3,), name="x")
    h = keras.Input((4,), name="h")
    c = keras.Input((4,), name="c")
    g = keras.Input((2,), name="g")
    out, (h1, c1) = layers.LSTMCell(4, name="lstm_step")(x, [h, c])
    out2, h2 = layers.GRUCell(2, name="gru_step")(x, [g])
    out3, h3 = layers.SimpleRNNCell(2, use_bias=False, name="simple_step")(x, g)
    out4, states = layers.StackedRNNCells([layers.LSTMCell(4), layers.GRUCell(2)],
                                          name="stack_step")(x, [[h, c], g])
    return keras.Model([x, h, c, g], [out, h1, c1, out2, *h2, out3, h3, out4, *keras.tree.flatten(states)],
                       name="core_cells")


MODELS = [
    ("core_norm_reg", core_norm_reg, False),
    ("core_rms_axes", core_rms_axes, False),
    ("core_gqa", core_gqa, False),
    ("core_reversible_embedding", core_reversible_embedding, False),
    ("core_spectral_norm", core_spectral_norm, False),
    ("core_adaptive_pooling", core_adaptive_pooling, False),
    ("core_rnn", core_rnn, False),
    ("core_rnn_wrappers", core_rnn_wrappers, False),
    ("core_cells", core_cells, False),
]

# Files Keras 3.15.1 writes but cannot load back itself: the legacy .h5 loader rebuilds
# RMSNormalization with a one-axis scale.
KNOWN_UNLOADABLE = {"core_rms_axes.h5"}
