#!/usr/bin/env python3
"""Generate the Keras test fixtures for model-audit.

Every model here is built and saved by Keras itself, and every number written
to NAME.expected.json is read back from Keras (never computed by hand), so the
Java tests can compare their own shape / parameter inference with Keras'.

Run from this directory:

    pip install keras==3.15.1 jax h5py
    KERAS_BACKEND=jax python3 generate.py

The Java tests never run this script; its outputs are committed.
"""

import io
import json
import os
import sys
import zipfile

os.environ.setdefault("KERAS_BACKEND", "jax")

import h5py  # noqa: E402
import numpy as np  # noqa: E402
import keras  # noqa: E402
from keras import layers  # noqa: E402
import generate_opaque  # noqa: E402

import generate_core as core  # noqa: E402
import generate_preprocessing  # noqa: E402
import generate_hub  # noqa: E402

EXPECTED_KERAS = "3.15.1"
EXPECTED_BACKEND = "jax"
SEED = 1234
MAX_FILE_BYTES = 200 * 1024

HERE = os.path.dirname(os.path.abspath(__file__))


def fresh():
    """Reset Keras' global state so auto-generated layer names restart at
    their defaults (conv2d, conv2d_1, ...) and weights are reproducible."""
    keras.backend.clear_session()
    keras.utils.set_random_seed(SEED)


# ---------------------------------------------------------------------------
# Models
# ---------------------------------------------------------------------------

def seed_cnn():
    return keras.Sequential(
        [
            keras.Input((32, 32, 3)),
            layers.Conv2D(6, 5),
            layers.Conv2D(10, 5),
        ]
    )


def core_dense():
    inp = keras.Input((6, 5))
    x = layers.Dense(7)(inp)  # rank-3 input: kernel (5, 7)
    x = layers.Activation("relu")(x)
    x = layers.Dropout(0.1)(x)
    x = layers.SpatialDropout1D(0.1)(x)
    x = layers.GaussianNoise(0.1)(x)
    x = layers.GaussianDropout(0.1)(x)
    x = layers.AlphaDropout(0.1)(x)
    x = layers.Permute((2, 1))(x)
    x = layers.Reshape((-1, 2))(x)
    x = layers.Flatten()(x)
    x = layers.Dense(4)(x)
    x = layers.RepeatVector(3)(x)
    out = layers.Dense(2, use_bias=False)(x)
    return keras.Model(inp, out, name="core_dense")


def conv1d():
    inp = keras.Input((16, 4), name="in_nwc")
    outs = [
        layers.Conv1D(4, 3, padding="valid", name="valid")(inp),
        layers.Conv1D(4, 3, padding="same", name="same")(inp),
        layers.Conv1D(4, 3, padding="causal", name="causal")(inp),
        layers.Conv1D(4, 3, strides=2, name="strides2")(inp),
        layers.Conv1D(4, 3, strides=2, padding="same", name="strides2_same")(inp),
        layers.Conv1D(4, 3, dilation_rate=2, name="dilation2")(inp),
        layers.Conv1D(6, 3, groups=2, name="groups2")(inp),
        layers.Conv1D(4, 3, use_bias=False, name="no_bias")(inp),
    ]
    inp_cf = keras.Input((4, 16), name="in_ncw")
    outs.append(
        layers.Conv1D(5, 3, strides=2, data_format="channels_first",
                      name="channels_first")(inp_cf)
    )
    return keras.Model([inp, inp_cf], outs, name="conv1d")


def conv2d():
    inp = keras.Input((12, 10, 4), name="in_nhwc")
    outs = [
        layers.Conv2D(3, 3, strides=(2, 1), name="strides_2_1")(inp),
        layers.Conv2D(3, (3, 2), padding="same", name="same_3x2")(inp),
        layers.Conv2D(3, 3, strides=2, padding="same", name="strides2_same")(inp),
        layers.Conv2D(3, 3, dilation_rate=(2, 2), name="dilation_2_2")(inp),
        layers.Conv2D(6, 3, groups=2, name="groups2")(inp),
        layers.Conv2D(3, 1, use_bias=False, name="no_bias_1x1")(inp),
    ]
    inp_cf = keras.Input((4, 12, 10), name="in_nchw")
    outs.append(
        layers.Conv2D(5, (3, 2), strides=(1, 2), data_format="channels_first",
                      name="channels_first")(inp_cf)
    )
    return keras.Model([inp, inp_cf], outs, name="conv2d")


def conv3d():
    inp = keras.Input((6, 7, 5, 2), name="in_ndhwc")
    outs = [
        layers.Conv3D(3, 3, padding="valid", name="valid")(inp),
        layers.Conv3D(3, (3, 2, 1), padding="same", name="same")(inp),
        layers.Conv3D(3, 2, strides=(2, 1, 2), name="strides")(inp),
        layers.Conv3D(2, 3, strides=2, padding="same", use_bias=False,
                      name="strides2_same_no_bias")(inp),
    ]
    inp_cf = keras.Input((2, 6, 7, 5), name="in_ncdhw")
    outs.append(
        layers.Conv3D(3, 2, data_format="channels_first",
                      name="channels_first")(inp_cf)
    )
    return keras.Model([inp, inp_cf], outs, name="conv3d")


def pooling():
    i1 = keras.Input((11, 3), name="in_1d")
    i2 = keras.Input((9, 8, 3), name="in_2d")
    i3 = keras.Input((6, 7, 5, 2), name="in_3d")
    i2cf = keras.Input((3, 9, 8), name="in_2d_cf")
    outs = [
        layers.MaxPooling1D(2, name="max1d_valid")(i1),
        layers.AveragePooling1D(3, strides=2, padding="same", name="avg1d_same_s2")(i1),
        layers.MaxPooling1D(3, strides=1, padding="same", name="max1d_same_s1")(i1),
        layers.MaxPooling2D((2, 3), name="max2d_2x3")(i2),
        layers.AveragePooling2D((3, 3), strides=(2, 1), padding="same",
                                name="avg2d_same")(i2),
        layers.MaxPooling2D(2, strides=1, padding="valid", name="max2d_s1")(i2),
        layers.MaxPooling3D((2, 2, 2), name="max3d")(i3),
        layers.AveragePooling3D((2, 3, 2), strides=(1, 2, 2), padding="same",
                                name="avg3d_same")(i3),
        layers.MaxPooling2D(2, data_format="channels_first",
                            name="max2d_channels_first")(i2cf),
        layers.GlobalMaxPooling1D(name="gmax1d")(i1),
        layers.GlobalAveragePooling1D(keepdims=True, name="gavg1d_keep")(i1),
        layers.GlobalMaxPooling2D(keepdims=True, name="gmax2d_keep")(i2),
        layers.GlobalAveragePooling2D(name="gavg2d")(i2),
        layers.GlobalMaxPooling3D(name="gmax3d")(i3),
        layers.GlobalAveragePooling3D(keepdims=True, name="gavg3d_keep")(i3),
        layers.GlobalAveragePooling2D(data_format="channels_first", keepdims=True,
                                      name="gavg2d_channels_first_keep")(i2cf),
    ]
    return keras.Model([i1, i2, i3, i2cf], outs, name="pooling")


def padding():
    i1 = keras.Input((8, 3), name="in_1d")
    i2 = keras.Input((7, 6, 2), name="in_2d")
    i3 = keras.Input((5, 6, 4, 2), name="in_3d")
    outs = [
        layers.ZeroPadding1D(2, name="zp1d_sym")(i1),
        layers.ZeroPadding1D((1, 3), name="zp1d_asym")(i1),
        layers.ZeroPadding2D(1, name="zp2d_sym")(i2),
        layers.ZeroPadding2D(((1, 2), (3, 0)), name="zp2d_asym")(i2),
        layers.ZeroPadding3D(1, name="zp3d_sym")(i3),
        layers.ZeroPadding3D(((1, 0), (0, 2), (1, 1)), name="zp3d_asym")(i3),
        layers.Cropping1D((1, 2), name="crop1d")(i1),
        layers.Cropping2D(((1, 0), (2, 1)), name="crop2d")(i2),
        layers.Cropping3D(((1, 0), (0, 1), (1, 2)), name="crop3d")(i3),
        layers.UpSampling1D(3, name="up1d")(i1),
        layers.UpSampling2D((2, 3), name="up2d")(i2),
        layers.UpSampling3D((1, 2, 3), name="up3d")(i3),
    ]
    return keras.Model([i1, i2, i3], outs, name="padding")


def batchnorm():
    inp = keras.Input((5, 4))
    x = layers.BatchNormalization(name="bn_default")(inp)
    x = layers.BatchNormalization(axis=1, name="bn_axis1")(x)
    x = layers.BatchNormalization(center=False, name="bn_no_center")(x)
    x = layers.BatchNormalization(scale=False, name="bn_no_scale")(x)
    out = layers.BatchNormalization(center=False, scale=False,
                                    name="bn_no_center_no_scale")(x)
    return keras.Model(inp, out, name="batchnorm")


def recurrent():
    inp = keras.Input((7,), dtype="int32", name="tokens")
    # No mask_zero here (see recurrent_mask_zero below).
    emb = layers.Embedding(50, 8)(inp)
    x = layers.SimpleRNN(5, return_sequences=True)(emb)
    x = layers.LSTM(6, return_sequences=True)(x)
    x = layers.GRU(4, reset_after=True, return_sequences=True)(x)
    x = layers.GRU(3, reset_after=False)(x)
    seq_out, state_h, state_c = layers.LSTM(4, return_state=True,
                                            name="lstm_state")(emb)
    return keras.Model(inp, [x, seq_out, state_h, state_c], name="recurrent")


def recurrent_mask_zero():
    # With mask_zero=True the symbolic mask is computed by a keras op, so the
    # saved model_config gains a non-layer entry {"class_name": "NotEqual",
    # "name": "not_equal"} that is absent from model.layers and from
    # model_weights/layer_names, and the LSTM's inbound node carries it in
    # kwargs.mask. Keras 3.15.1 itself cannot load this .h5 back
    # ("Unknown layer: 'NotEqual'"); it is kept as a real-world case.
    inp = keras.Input((7,), dtype="int32", name="tokens")
    emb = layers.Embedding(50, 8, mask_zero=True)(inp)
    out = layers.LSTM(3)(emb)
    return keras.Model(inp, out, name="recurrent_mask_zero")


def bidirectional():
    inp = keras.Input((5, 3))
    x = layers.Bidirectional(layers.LSTM(4, return_sequences=True),
                             merge_mode="concat", name="bi_lstm_concat")(inp)
    x = layers.Bidirectional(layers.GRU(3, return_sequences=True),
                             merge_mode="sum", name="bi_gru_sum")(x)
    x = layers.Bidirectional(layers.SimpleRNN(2, return_sequences=True),
                             merge_mode="mul", name="bi_rnn_mul")(x)
    main = layers.Bidirectional(layers.LSTM(2), merge_mode="ave",
                                name="bi_lstm_ave")(x)
    fw, bw = layers.Bidirectional(layers.GRU(2, return_sequences=True),
                                  merge_mode=None, name="bi_gru_none")(inp)
    st = layers.Bidirectional(layers.LSTM(3, return_state=True),
                              name="bi_lstm_state")(inp)
    return keras.Model(inp, [main, fw, bw] + list(st), name="bidirectional")


def time_distributed():
    inp = keras.Input((4, 6, 6, 2))
    x = layers.TimeDistributed(layers.Conv2D(3, 3), name="td_conv2d")(inp)
    x = layers.TimeDistributed(layers.Flatten(), name="td_flatten")(x)
    out = layers.TimeDistributed(layers.Dense(5), name="td_dense")(x)
    return keras.Model(inp, out, name="time_distributed")


def merge():
    a = keras.Input((4,), name="a")
    b = keras.Input((4,), name="b")
    c = keras.Input((4,), name="c")
    s1 = keras.Input((3, 4), name="s1")
    s2 = keras.Input((2, 4), name="s2")
    m = keras.Input((4, 5), name="m")
    outs = [
        layers.Add(name="add3")([a, b, c]),
        layers.Subtract(name="subtract")([a, b]),
        layers.Multiply(name="multiply")([a, b, c]),
        layers.Average(name="average")([a, b]),
        layers.Maximum(name="maximum")([a, b, c]),
        layers.Minimum(name="minimum")([a, b]),
        layers.Concatenate(axis=-1, name="concat_last")([a, b, c]),
        layers.Concatenate(axis=1, name="concat_axis1")([s1, s2]),
        layers.Dot(axes=1, name="dot_axes1")([a, b]),
        layers.Dot(axes=(2, 1), name="dot_axes_2_1")([s1, m]),
        layers.Dot(axes=1, normalize=True, name="dot_normalize")([a, c]),
    ]
    return keras.Model([a, b, c, s1, s2, m], outs, name="merge")


def activations():
    inp = keras.Input((6, 4), name="seq")
    x = layers.Masking(mask_value=0.0)(inp)
    x = layers.LeakyReLU(negative_slope=0.2)(x)
    x = layers.PReLU(name="prelu_default")(x)
    x = layers.ELU()(x)
    seq_out = layers.ReLU(max_value=6.0)(x)
    # Softmax sits on its own branch: given the (batch, steps) mask coming
    # from Masking, Softmax.call() rejects it as not broadcastable.
    soft_out = layers.Softmax(axis=1)(inp)
    img = keras.Input((5, 5, 3), name="img")
    img_out = layers.PReLU(shared_axes=[1, 2], name="prelu_shared_1_2")(img)
    # keras 3.15.1 has no ThresholdedReLU (removed in Keras 3): not included.
    return keras.Model([inp, img], [seq_out, soft_out, img_out],
                       name="activations")


def functional_nested():
    seq_block = keras.Sequential(
        [
            keras.Input((8,)),
            layers.Dense(6, name="seq_dense"),
            layers.BatchNormalization(name="seq_bn"),
            layers.Activation("relu", name="seq_relu"),
        ],
        name="seq_block",
    )
    fin = keras.Input((5,), name="func_in")
    fh = layers.Dense(7, activation="relu", name="func_dense_1")(fin)
    fout = layers.Dense(6, name="func_dense_2")(fh)
    func_block = keras.Model(fin, fout, name="func_block")

    x1 = keras.Input((8,), name="x1")
    x2 = keras.Input((5,), name="x2")
    h1 = seq_block(x1)
    h2 = func_block(x2)
    shared = layers.Dense(4, name="shared_dense")
    s1 = shared(h1)
    s2 = shared(h2)
    out_a = layers.Dense(1, name="out_a")(s1)
    cat = layers.Concatenate(name="concat")([s1, s2])
    out_b = layers.Dense(3, name="out_b")(cat)
    return keras.Model([x1, x2], [out_a, out_b], name="functional_nested")


def frozen():
    """Frozen layers and models: their weights count as non-trainable. The nested
    functional model is called twice, and its output is also a model output (Keras 3
    then numbers it from 1 in output_layers)."""
    frozen_block = keras.Sequential(
        [
            keras.Input((6,)),
            layers.Dense(5, name="frozen_block_dense"),
            layers.BatchNormalization(name="frozen_block_bn"),
        ],
        name="frozen_block",
    )
    frozen_block.trainable = False
    tin = keras.Input((5,), name="tower_in")
    tower = keras.Model(tin, layers.Dense(3, name="tower_dense")(tin), name="tower")

    x = keras.Input((6,), name="x")
    y = keras.Input((5,), name="y")
    dense = layers.Dense(6, name="frozen_dense")
    dense.trainable = False
    h = dense(x)
    bn = layers.BatchNormalization(name="frozen_bn")
    bn.trainable = False
    h = bn(h)
    h = frozen_block(h)
    t1 = tower(h)
    t2 = tower(y)
    out = layers.Dense(2, name="head")(layers.Concatenate(name="join")([t1, t2]))
    return keras.Model([x, y], [out, t2], name="frozen")


def merge_broadcast():
    """Element-wise merges broadcast the non-batch shapes; merges of one input."""
    seq = keras.Input((3, 4), name="seq")
    vec = keras.Input((4,), name="vec")
    one = keras.Input((1, 4), name="one")
    outs = [
        layers.Add(name="add_ranks")([seq, vec]),
        layers.Multiply(name="multiply_ones")([seq, one]),
        layers.Maximum(name="maximum_mixed")([vec, seq, one]),
        layers.Concatenate(name="concat_single")([seq]),
        layers.Add(name="add_single")([vec]),
    ]
    return keras.Model([seq, vec, one], outs, name="merge_broadcast")


def wrappers_frozen():
    """Layers frozen inside a wrapper that stays trainable: their weights do not train."""
    x = keras.Input((5, 3), name="seq")
    lstm = layers.LSTM(2, name="frozen_lstm")
    lstm.trainable = False
    dense = layers.Dense(2, name="frozen_dense")
    dense.trainable = False
    backward = layers.LSTM(2, go_backwards=True, name="frozen_backward")
    backward.trainable = False
    outs = [
        layers.Bidirectional(lstm, name="bi_inner_frozen")(x),
        layers.TimeDistributed(dense, name="td_inner_frozen")(x),
        layers.Bidirectional(layers.LSTM(2), backward_layer=backward, name="bi_backward_frozen")(x),
    ]
    return keras.Model(x, outs, name="wrappers_frozen")


def bidirectional_backward():
    """A backward layer unlike the forward one. Keras' shape rule looks at the forward layer
    only, so the symbolic shapes differ from what runs (a layer built on them would fail when
    run, so none follows here)."""
    x = keras.Input((7, 3), name="seq")
    concat = layers.Bidirectional(layers.SimpleRNN(2), backward_layer=layers.SimpleRNN(4, go_backwards=True),
                                  merge_mode="concat", name="bi_concat")(x)
    both = layers.Bidirectional(layers.LSTM(4, return_sequences=True),
                                backward_layer=layers.LSTM(2, return_sequences=True, go_backwards=True),
                                merge_mode=None, name="bi_none")(x)
    return keras.Model(x, [concat, both[0], both[1]], name="bidirectional_backward")


def nested_deep():
    """Models two levels down: Keras names their weights after the innermost layer only
    (bn/gamma, not inner/bn/gamma), trainable ones first."""
    ii = keras.Input((3,), name="inner_in")
    inner = keras.Model(ii, layers.BatchNormalization(name="bn")(ii), name="inner")
    si = keras.Input((3,), name="sub_in")
    frozen = layers.Dense(3, name="frozen")
    frozen.trainable = False
    sub = keras.Model(si, layers.Dense(2, name="d")(inner(frozen(si))), name="sub")
    x = keras.Input((3,), name="x")
    return keras.Model(x, layers.Dense(1, name="head")(sub(x)), name="nested_deep")


def dict_io():
    """Inputs and outputs given as dicts: input_layers / output_layers are dicts too."""
    a = keras.Input((3,), name="a")
    b = keras.Input((4,), name="b")
    h = layers.Concatenate(name="joined")([a, b])
    return keras.Model({"a": a, "b": b}, {"o1": layers.Dense(2, name="o1")(h), "o2": layers.Dense(1, name="o2")(h)},
                       name="dict_io")


def concat_unknown():
    """Concatenate takes the non-axis dimensions from its first input, known or not."""
    x = keras.Input((None, None, 4), name="img")
    g = layers.GlobalAveragePooling2D(keepdims=True, name="pooled")(x)
    a = layers.Concatenate(axis=2, name="unknown_first")([x, g])
    b = layers.Concatenate(axis=2, name="known_first")([g, x])
    return keras.Model(x, [a, b], name="concat_unknown")


def time_distributed_model():
    """TimeDistributed of a nested Sequential, and of a frozen nested functional model."""
    x = keras.Input((4, 8, 8, 3), name="frames")
    per_frame = keras.Sequential([keras.Input((8, 8, 3)), layers.Conv2D(2, 3, name="frame_conv"),
                                  layers.GlobalAveragePooling2D(name="frame_pool")], name="per_frame")
    si = keras.Input((2,), name="step_in")
    head = keras.Model(si, layers.Dense(3, name="step_dense")(si), name="step_head")
    head.trainable = False
    h = layers.TimeDistributed(per_frame, name="td_sequential")(x)
    out = layers.TimeDistributed(head, name="td_frozen_model")(h)
    return keras.Model(x, out, name="time_distributed_model")


def keras3_options():
    """Keras 3 layer options that change the weights: LoRA on Dense, Conv1D and Embedding
    (the kernel freezes, two trainable factors appear), batch renormalization (three more
    statistics), and a layer name that is not ASCII."""
    x = keras.Input((4,), name="vec")
    s = keras.Input((6, 3), name="seq")
    t = keras.Input((2,), dtype="int32", name="tokens")
    dense = layers.Dense(3, name="lora_dense")
    dense(x)
    dense.enable_lora(2)
    conv = layers.Conv1D(2, 3, name="lora_conv")
    conv(s)
    conv.enable_lora(1)
    emb = layers.Embedding(7, 3, name="lora_embedding")
    emb(t)
    emb.enable_lora(1)
    outs = [
        dense(x),
        conv(s),
        emb(t),
        layers.BatchNormalization(renorm=True, name="renorm_bn")(x),
        layers.Dense(2, name="dense\u03bb")(x),
    ]
    return keras.Model([x, s, t], outs, name="keras3_options")


def shared_across_nesting():
    """One Dense used in the model and inside a model nested in it: the file stores its
    weights twice, Keras counts them once."""
    shared = layers.Dense(3, name="shared_dense")
    si = keras.Input((3,), name="sub_in")
    sub = keras.Model(si, shared(si), name="sub")
    x = keras.Input((3,), name="x")
    return keras.Model(x, sub(shared(x)), name="shared_across_nesting")


def conv_transpose():
    i1 = keras.Input((9, 3), name="in_1d")
    i2 = keras.Input((7, 6, 3), name="in_2d")
    i3 = keras.Input((4, 5, 3, 2), name="in_3d")
    i2cf = keras.Input((3, 7, 6), name="in_2d_cf")
    outs = [
        layers.Conv1DTranspose(4, 3, name="t1d_valid")(i1),
        layers.Conv1DTranspose(4, 3, strides=2, padding="same", name="t1d_same_s2")(i1),
        layers.Conv1DTranspose(4, 4, strides=3, output_padding=1, name="t1d_output_padding")(i1),
        layers.Conv1DTranspose(4, 3, dilation_rate=2, name="t1d_dilation2")(i1),
        layers.Conv1DTranspose(2, 1, strides=3, name="t1d_stride_beyond_kernel")(i1),
        layers.Conv2DTranspose(5, 3, strides=2, name="t2d_valid_s2")(i2),
        layers.Conv2DTranspose(5, (3, 2), strides=(2, 3), padding="same", output_padding=(1, 2),
                               name="t2d_same_output_padding")(i2),
        layers.Conv2DTranspose(5, (4, 3), strides=2, padding="same", name="t2d_same_even_kernel")(i2),
        layers.Conv2DTranspose(4, 3, dilation_rate=2, padding="same", name="t2d_dilation2_same")(i2),
        layers.Conv2DTranspose(4, 3, strides=(1, 2), use_bias=False, data_format="channels_first",
                               name="t2d_channels_first_no_bias")(i2cf),
        layers.Conv3DTranspose(3, 2, strides=2, name="t3d_valid_s2")(i3),
        layers.Conv3DTranspose(3, (3, 2, 1), strides=(1, 2, 1), padding="same", output_padding=(0, 1, 0),
                               name="t3d_same_output_padding")(i3),
    ]
    return keras.Model([i1, i2, i3, i2cf], outs, name="conv_transpose")


def depthwise_separable():
    i1 = keras.Input((11, 4), name="in_1d")
    i2 = keras.Input((9, 8, 3), name="in_2d")
    i2cf = keras.Input((3, 9, 8), name="in_2d_cf")
    outs = [
        layers.DepthwiseConv1D(3, depth_multiplier=2, name="dw1d_dm2")(i1),
        layers.DepthwiseConv1D(3, strides=2, padding="same", use_bias=False, name="dw1d_same_s2_no_bias")(i1),
        layers.DepthwiseConv1D(3, dilation_rate=2, name="dw1d_dilation2")(i1),
        layers.DepthwiseConv2D(3, name="dw2d_valid")(i2),
        layers.DepthwiseConv2D((3, 2), depth_multiplier=3, strides=2, padding="same", name="dw2d_dm3_same_s2")(i2),
        layers.DepthwiseConv2D(3, dilation_rate=2, use_bias=False, name="dw2d_dilation2_no_bias")(i2),
        layers.DepthwiseConv2D(2, depth_multiplier=2, data_format="channels_first", name="dw2d_channels_first")(i2cf),
        layers.SeparableConv1D(5, 3, depth_multiplier=2, name="sep1d_dm2")(i1),
        layers.SeparableConv1D(5, 3, strides=2, padding="same", use_bias=False, name="sep1d_same_s2_no_bias")(i1),
        layers.SeparableConv2D(6, 3, name="sep2d_valid")(i2),
        layers.SeparableConv2D(6, (3, 2), depth_multiplier=2, dilation_rate=2, padding="same",
                               name="sep2d_dm2_dilation2_same")(i2),
        layers.SeparableConv2D(4, 3, strides=2, data_format="channels_first", name="sep2d_channels_first_s2")(i2cf),
    ]
    return keras.Model([i1, i2, i2cf], outs, name="depthwise_separable")


def conv_lstm():
    i1 = keras.Input((5, 9, 2), name="in_1d")
    i2 = keras.Input((4, 8, 7, 2), name="in_2d")
    i2cf = keras.Input((4, 2, 8, 7), name="in_2d_cf")
    i3 = keras.Input((3, 5, 6, 4, 1), name="in_3d")
    seq, h, c = layers.ConvLSTM2D(4, 3, return_sequences=True, return_state=True, name="lstm2d_seq_state")(i2)
    outs = [
        layers.ConvLSTM1D(3, 3, name="lstm1d_valid")(i1),
        layers.ConvLSTM1D(3, 3, strides=2, padding="same", return_sequences=True, name="lstm1d_same_s2_seq")(i1),
        seq, h, c,
        layers.ConvLSTM2D(4, (3, 2), dilation_rate=2, padding="same", use_bias=False,
                          name="lstm2d_dilation2_same_no_bias")(i2),
        layers.ConvLSTM2D(3, 3, strides=(2, 1), data_format="channels_first", return_sequences=True,
                          name="lstm2d_channels_first_seq")(i2cf),
        layers.ConvLSTM3D(2, 2, strides=(1, 2, 1), name="lstm3d_valid")(i3),
        layers.Bidirectional(layers.ConvLSTM2D(3, 3, padding="same", return_sequences=True),
                             name="bidirectional_lstm2d")(i2),
        layers.Bidirectional(layers.ConvLSTM2D(2, 3), merge_mode="sum", name="bidirectional_lstm2d_sum")(i2),
    ]
    return keras.Model([i1, i2, i2cf, i3], outs, name="conv_lstm")
def attention():
    """MultiHeadAttention with and without key, other value_dim, output_shape (int and tuple),
    attention over two axes of a rank-4 query, no bias, a gate, query and value passed by name,
    attention scores returned; Attention (scale, concat score) and AdditiveAttention."""
    q = keras.Input((5, 8), name="q")
    v = keras.Input((7, 6), name="v")
    k = keras.Input((7, 4), name="k")
    k8 = keras.Input((7, 8), name="k8")
    img = keras.Input((3, 4, 6), name="img")
    mha_key, scores = layers.MultiHeadAttention(
        2, 3, value_dim=5, output_shape=(4, 2), name="mha_key")(q, v, key=k, return_attention_scores=True)
    outs = [
        mha_key,
        scores,
        layers.MultiHeadAttention(3, 4, name="mha_self")(q, q),
        layers.MultiHeadAttention(2, 3, use_bias=False, output_shape=5, name="mha_no_bias")(query=q, value=v),
        layers.MultiHeadAttention(2, 2, attention_axes=(1, 2), name="mha_axes")(img, img),
        layers.MultiHeadAttention(2, 3, use_gate=True, name="mha_gate")(q, v, k),
    ]
    att, att_scores = layers.Attention(use_scale=True, score_mode="concat", name="att_concat")(
        [q, v, k8], return_attention_scores=True)
    outs += [
        att,
        att_scores,
        layers.AdditiveAttention(name="additive")([q, k8]),
        layers.AdditiveAttention(use_scale=False, name="additive_no_scale")([q, v, k8]),
    ]
    return keras.Model([q, v, k, k8, img], outs, name="attention")


def attention_dot():
    """Attention with the default score_mode "dot", with and without scale (Keras 3.15.1 writes
    it to HDF5 but cannot load it back: the legacy loader turns "dot" into a function)."""
    q = keras.Input((5, 8), name="q")
    v = keras.Input((7, 8), name="v")
    return keras.Model([q, v], [layers.Attention(name="att_dot")([q, v]),
                                layers.Attention(use_scale=True, name="att_scaled")([q, v, v])],
                       name="attention_dot")


def einsum_dense():
    """EinsumDense with plain, leading-ellipsis and trailing-ellipsis equations, bias on some
    output axes or none, an unknown output axis, LoRA."""
    x = keras.Input((5, 8), name="x")
    flat = keras.Input((8,), name="flat")
    cube = keras.Input((3, 4, 6), name="cube")
    lora = layers.EinsumDense("ab,bc->ac", output_shape=4, bias_axes="c", name="lora")
    lora(flat)
    lora.enable_lora(2)
    outs = [
        layers.EinsumDense("ab,bc->ac", output_shape=4, bias_axes="c", name="dense_like")(flat),
        layers.EinsumDense("abc,cd->abd", output_shape=(None, 7), bias_axes="d", name="seq")(x),
        layers.EinsumDense("abc,cde->abde", output_shape=(5, 2, 3), bias_axes="de", name="heads")(x),
        layers.EinsumDense("...b,bc->...c", output_shape=3, bias_axes="c", name="left")(x),
        layers.EinsumDense("...b,bc->...c", output_shape=3, name="left_cube")(cube),
        layers.EinsumDense("ab...,bc->ac...", output_shape=(6, 8), bias_axes="c", name="right")(x),
        layers.EinsumDense("abcd,cde->abe", output_shape=(3, 2), bias_axes="e", name="contract2")(cube),
        layers.EinsumDense("abc,cd->abd", output_shape=(5, 4), bias_axes="b", name="bias_b")(x),
        lora(flat),
    ]
    return keras.Model([x, flat, cube], outs, name="einsum_dense")


def normalization():
    """LayerNormalization on one axis (last, first, negative), without center or scale,
    RMS scaling; GroupNormalization with groups, -1 and channels first; UnitNormalization;
    Normalization adapted on the last axis, with given mean and variance, inverted."""
    x = keras.Input((5, 8), name="x")
    img = keras.Input((4, 6, 8), name="img")
    last = layers.Normalization(name="adapted_last")
    last.adapt(np.linspace(0, 1, 2 * 5 * 8).reshape(2, 5, 8))
    outs = [
        layers.LayerNormalization(name="ln")(x),
        layers.LayerNormalization(axis=1, center=False, name="ln_no_center")(img),
        layers.LayerNormalization(axis=-2, scale=False, name="ln_no_scale")(img),
        layers.LayerNormalization(center=False, scale=False, name="ln_bare")(x),
        layers.LayerNormalization(rms_scaling=True, name="ln_rms")(x),
        layers.GroupNormalization(groups=4, name="gn")(img),
        layers.GroupNormalization(groups=-1, center=False, name="gn_per_channel")(x),
        layers.GroupNormalization(groups=2, axis=1, name="gn_axis1")(img),
        layers.UnitNormalization(name="unit")(x),
        layers.UnitNormalization(axis=[1, 2], name="unit_two_axes")(img),
        last(x),
        layers.Normalization(mean=[0.5] * 8, variance=[2.0] * 8, name="given")(x),
        layers.Normalization(mean=0.5, variance=2.0, invert=True, name="given_inverted")(x),
    ]
    return keras.Model([x, img], outs, name="normalization")


def norm_axes():
    """LayerNormalization over several axes (gamma and beta span them all) and Normalization
    adapted on several axes or on none (Keras 3.15.1 writes them to HDF5 but cannot load them back: the
    reloaded layers expect weights of the last axis only)."""
    x = keras.Input((5, 8), name="x")
    img = keras.Input((4, 6, 8), name="img")
    adapted = layers.Normalization(axis=(1, 2), name="adapted")
    adapted.adapt(np.linspace(0, 1, 2 * 5 * 8).reshape(2, 5, 8))
    adapted_apart = layers.Normalization(axis=(1, -1), name="adapted_apart")
    adapted_apart.adapt(np.linspace(0, 1, 2 * 4 * 6 * 8).reshape(2, 4, 6, 8))
    whole = layers.Normalization(axis=None, name="whole")
    whole.adapt(np.linspace(0, 1, 2 * 5 * 8).reshape(2, 5, 8))
    outs = [
        whole(x),
        adapted(x),
        adapted_apart(img),
        layers.LayerNormalization(axis=[1, 2], name="ln_two_axes")(x),
        layers.LayerNormalization(axis=[-2, -1], center=False, name="ln_negative")(img),
        layers.LayerNormalization(axis=[1, 3], scale=False, name="ln_apart")(img),
    ]
    return keras.Model([x, img], outs, name="norm_axes")


def image_preprocessing():
    """Rescaling, Resizing (channels last and first, crop_to_aspect_ratio), CenterCrop, Identity."""
    img = keras.Input((12, 10, 3), name="img")
    chw = keras.Input((3, 12, 10), name="chw")
    outs = [
        layers.Rescaling(1.0 / 255, offset=-1, name="rescale")(img),
        layers.Resizing(6, 8, name="resize")(img),
        layers.Resizing(5, 5, crop_to_aspect_ratio=True, name="resize_crop")(img),
        layers.Resizing(4, 7, data_format="channels_first", name="resize_chw")(chw),
        layers.CenterCrop(8, 6, name="crop")(img),
        layers.CenterCrop(8, 6, data_format="channels_first", name="crop_chw")(chw),
        layers.Identity(name="identity")(img),
    ]
    return keras.Model([img, chw], outs, name="image_preprocessing")


def operation_nodes():
    # Keras 3 writes keras.ops calls on symbolic tensors (operators, slicing, the mask of
    # mask_zero) as operation nodes in the functional config (NotEqual, GetItem, Split, Add,
    # Multiply), beside Lambda layers. model.layers lists only the layers; the layers fed by an
    # opaque node are marked "after_opaque" in the expected file.
    tokens = keras.Input((6,), dtype="int32", name="tokens")
    emb = layers.Embedding(20, 4, mask_zero=True, name="emb")(tokens)
    seq = layers.LSTM(3, return_sequences=True, name="lstm")(emb)
    first = seq[:, 0, :]
    after_getitem = layers.Dense(2, name="after_getitem")(first)
    feats = keras.Input((5, 4), name="feats")
    halves = keras.ops.split(feats, 2, axis=-1)
    summed = halves[0] + halves[1]
    scaled = feats * 2.0
    res = layers.Dense(4, name="after_add")(scaled + feats)
    lam = layers.Lambda(lambda t: t * 3.0, name="lam")(res)
    drop = layers.Dropout(0.1, name="drop_after_lambda")(lam)
    ids = layers.Lambda(lambda t: t + 0, name="ids")(tokens)
    emb2 = layers.Embedding(20, 3, name="emb_after_lambda")(ids)
    return keras.Model([tokens, feats], [after_getitem, summed, drop, emb2], name="operation_nodes")


def unknown_dims():
    # Inputs whose spatial or time dims are unknown: every rule that needs only the channel (or
    # feature) dim still gives the weights, and the unknown dims carry through to the outputs.
    img = keras.Input((None, None, 3), name="img")
    x = layers.Conv2D(4, 3, padding="same", name="conv")(img)
    x = layers.BatchNormalization(name="bn")(x)
    x = layers.DepthwiseConv2D(3, name="depthwise")(x)
    x = layers.SeparableConv2D(5, 3, strides=2, name="separable")(x)
    x = layers.MaxPooling2D(2, name="pool")(x)
    x = layers.UpSampling2D(2, name="up")(x)
    x = layers.ZeroPadding2D(1, name="pad")(x)
    x = layers.Cropping2D(1, name="crop")(x)
    x = layers.Conv2DTranspose(3, 3, strides=2, name="deconv")(x)
    x = layers.LayerNormalization(name="ln")(x)
    x = layers.Dense(2, name="dense_4d")(x)
    img_vec = layers.GlobalAveragePooling2D(name="gap")(x)
    seq = keras.Input((None, 8), name="seq")
    s = layers.Conv1D(6, 3, padding="causal", name="conv1d")(seq)
    s = layers.LSTM(5, return_sequences=True, name="lstm")(s)
    s = layers.Bidirectional(layers.GRU(3, return_sequences=True), name="bigru")(s)
    s = layers.TimeDistributed(layers.Dense(4), name="td_dense")(s)
    a = layers.MultiHeadAttention(2, 3, name="mha")(s, s)
    att = layers.Attention(name="att")([a, s])
    cat = layers.Concatenate(axis=1, name="cat_time")([att, s])
    flat = layers.GlobalMaxPooling1D(name="gmp")(cat)
    both = layers.Concatenate(name="cat")([flat, img_vec])
    out = layers.Dense(3, name="head")(both)
    return keras.Model([img, seq], [out, cat], name="unknown_dims")


def npz_mix():
    """The layers whose weights nest deepest in a .keras archive, together: BatchNormalization
    (non-trainable statistics), Bidirectional(LSTM) (forward_layer/cell, backward_layer/cell),
    MultiHeadAttention (query/key/value/output EinsumDense sub-layers) and a nested Sequential
    (its own layers/ below it). Also saved with weights_format="npz" (npz/generate_npz.py)."""
    inner = keras.Sequential(
        [keras.Input((6, 8)), layers.Dense(5, name="inner_dense"), layers.BatchNormalization(name="inner_bn")],
        name="inner_seq",
    )
    inp = keras.Input((6, 4), name="seq_in")
    x = layers.BatchNormalization(name="bn")(inp)
    x = layers.Bidirectional(layers.LSTM(4, return_sequences=True), name="bi_lstm")(x)
    x = layers.MultiHeadAttention(2, 3, name="mha")(x, x)
    x = inner(x)
    out = layers.Dense(2, name="head")(x)
    return keras.Model(inp, out, name="npz_mix")


# Models whose symbolic shapes Keras itself gets wrong: their runtime shapes are recorded too.
SYMBOLIC_DIFFERS = {"bidirectional_backward", "attention", "einsum_dense", "augmentation"}


def convnext_block():
    # keras.applications.ConvNeXt* is built from these blocks: grouped Conv2D, LayerNormalization,
    # Dense on a rank-4 input, the custom LayerScale, StochasticDepth (when drop_path_rate > 0)
    # and a residual `inputs + x` that Keras writes as an ops Add node, not a layer.
    from keras.src.applications.convnext import ConvNeXtBlock, LayerScale
    inp = keras.Input((8, 8, 16), name="image")
    x = ConvNeXtBlock(16, name="block")(inp)
    x = ConvNeXtBlock(16, drop_path_rate=0.1, name="block_drop")(x)
    vec = keras.Input((5,), name="vector")
    scaled = LayerScale(0.5, 5, name="scale_vector")(vec)
    return keras.Model([inp, vec], [x, scaled], name="convnext_block")


def unicode_names():
    # Non-ASCII names of one UTF-8 length: Keras writes them into ASCII-typed HDF5 string
    # attributes (layer_names, weight_names) as UTF-8 bytes.
    inp = keras.Input((4,), name="入力")
    x = layers.Dense(3, name="密集層一")(inp)
    x = layers.Dense(2, name="密集層二")(x)
    x = layers.Dense(2, name="밀집층")(x)
    out = layers.Dense(1, name="出力層")(x)
    return keras.Model(inp, out, name="モデル")


MODELS = [
    ("seed_cnn", seed_cnn, True),
    ("unicode_names", unicode_names, True),
    ("operation_nodes", operation_nodes, False),
    ("unknown_dims", unknown_dims, False),
    ("core_dense", core_dense, False),
    ("conv1d", conv1d, False),
    ("conv2d", conv2d, False),
    ("conv3d", conv3d, False),
    ("pooling", pooling, False),
    ("padding", padding, False),
    ("batchnorm", batchnorm, False),
    ("recurrent", recurrent, False),
    ("recurrent_mask_zero", recurrent_mask_zero, False),
    ("bidirectional", bidirectional, False),
    ("time_distributed", time_distributed, False),
    ("merge", merge, False),
    ("activations", activations, False),
    ("functional_nested", functional_nested, False),
    ("frozen", frozen, False),
    ("merge_broadcast", merge_broadcast, False),
    ("wrappers_frozen", wrappers_frozen, False),
    ("bidirectional_backward", bidirectional_backward, False),
    ("nested_deep", nested_deep, False),
    ("dict_io", dict_io, False),
    ("concat_unknown", concat_unknown, False),
    ("time_distributed_model", time_distributed_model, False),
    ("keras3_options", keras3_options, False),
    ("shared_across_nesting", shared_across_nesting, False),
    ("conv_transpose", conv_transpose, False),
    ("depthwise_separable", depthwise_separable, False),
    ("conv_lstm", conv_lstm, False),
    ("attention", attention, False),
    ("attention_dot", attention_dot, False),
    ("einsum_dense", einsum_dense, False),
    ("normalization", normalization, False),
    ("norm_axes", norm_axes, False),
    ("image_preprocessing", image_preprocessing, False),
    ("convnext_block", convnext_block, False),
    ("npz_mix", npz_mix, False),
]
MODELS += core.MODELS
MODELS += generate_preprocessing.MODELS
MODELS += generate_hub.MODELS
MODELS += generate_opaque.MODELS


# ---------------------------------------------------------------------------
# Extraction of Keras' own numbers
# ---------------------------------------------------------------------------

def shape_list(shape):
    return [None if d is None else int(d) for d in shape]


def tensor_shapes(tensors):
    if not isinstance(tensors, (list, tuple)):
        tensors = [tensors]
    return [shape_list(t.shape) for t in tensors]


def nsize(weights):
    return int(sum(int(np.prod(w.shape)) for w in weights))


def model_node_ids(model):
    # A Sequential model keeps its graph in an inner Functional.
    graph = model._functional if isinstance(model, keras.Sequential) else model
    ids = set()
    for nodes in graph._nodes_by_depth.values():
        for node in nodes:
            ids.add(id(node))
    return ids


def layer_entry(layer, node_ids):
    nodes = [n for n in layer._inbound_nodes if id(n) in node_ids]
    if not nodes:
        raise RuntimeError(f"layer {layer.name} has no node in the model")
    calls = [tensor_shapes(n.output_tensors) for n in nodes]
    entry = {
        "name": layer.name,
        "class": layer.__class__.__name__,
        "output_shapes": calls[0],
    }
    if len(calls) > 1:
        entry["calls"] = calls
    entry["params"] = int(layer.count_params())
    entry["trainable"] = nsize(layer.trainable_weights)
    entry["non_trainable"] = nsize(layer.non_trainable_weights)
    trainable_ids = {id(w) for w in layer.trainable_weights}
    entry["weights"] = [
        {"path": w.path, "shape": shape_list(w.shape),
         "trainable": id(w) in trainable_ids}
        for w in layer.weights
    ]
    return entry


def stored_params(path):
    """What the file stores, read with h5py: every dataset listed in a layer's weight_names."""
    total = 0
    with h5py.File(path, "r") as f:
        group = f["model_weights"]
        for layer in group.attrs["layer_names"]:
            layer = layer.decode() if isinstance(layer, bytes) else layer
            for w in group[layer].attrs["weight_names"]:
                w = w.decode() if isinstance(w, bytes) else w
                total += int(np.prod(group[layer][w].shape))
    return total


def stored_params_keras(path):
    """What a .keras archive stores for the model: every dataset under layers/ in
    model.weights.h5 (optimizer state lives elsewhere)."""
    total = 0
    with zipfile.ZipFile(path) as z:
        with h5py.File(io.BytesIO(z.read("model.weights.h5")), "r") as f:
            def visit(name, obj):
                nonlocal total
                if isinstance(obj, h5py.Dataset) and name.startswith("layers/"):
                    total += int(np.prod(obj.shape))
            f.visititems(visit)
    return total


def expected(name, model, files):
    node_ids = model_node_ids(model)
    return {
        "generator": "generate.py",
        "keras_version": keras.__version__,
        "backend": keras.backend.backend(),
        "model": name,
        "files": files,
        "totals": {
            "params": int(model.count_params()),
            "trainable": nsize(model.trainable_weights),
            "non_trainable": nsize(model.non_trainable_weights),
        },
        "layers": [dict(layer_entry(layer, node_ids), **after_opaque(layer, node_ids), **class_flags(layer))
                   for layer in model.layers],
    }


# Operation nodes the audit computes: element-wise arithmetic broadcasting its inputs.
BROADCAST_OPERATIONS = {"Add", "Subtract", "Multiply", "Divide", "TrueDivide", "Maximum", "Minimum", "Power"}


# Keras layers that run another framework's code: the audit counts their variables as stored.
CODE_WRAPPERS = {"JaxLayer", "FlaxLayer", "TorchModuleWrapper", "TFSMLayer"}


def class_flags(layer):
    """{"custom": true} for a class of the user's own (not Keras'), {"opaque": true} for a layer
    that wraps another framework's code."""
    if not type(layer).__module__.startswith("keras."):
        return {"custom": True}
    return {"opaque": True} if type(layer).__name__ in CODE_WRAPPERS else {}


def is_opaque(operation):
    """A Lambda layer, a user's class, a wrapper of other code, or an operation node other than
    element-wise arithmetic."""
    if isinstance(operation, layers.Lambda):
        return True
    if isinstance(operation, layers.Layer) and class_flags(operation):
        return True
    return not isinstance(operation, layers.Layer) and type(operation).__name__ not in BROADCAST_OPERATIONS


def after_opaque(layer, node_ids):
    """{"after_opaque": true} when the data (not the mask) of the layer's first call in the
    model comes, directly or not, from an opaque node: then its input shapes are unknown."""
    def data_parents(node):
        tensors = list(node.arguments.keras_tensors)
        mask = node.arguments.kwargs.get("mask")
        mask_ids = {id(t) for t in keras.tree.flatten(mask)} if mask is not None else set()
        return [t._keras_history[0]._inbound_nodes[t._keras_history[1]]
                for t in tensors if id(t) not in mask_ids]

    def tainted(node, seen):
        for parent in data_parents(node):
            if id(parent) in seen:
                continue
            seen.add(id(parent))
            if is_opaque(parent.operation) or tainted(parent, seen):
                return True
        return False

    nodes = [n for n in layer._inbound_nodes if id(n) in node_ids]
    return {"after_opaque": True} if nodes and tainted(nodes[0], set()) else {}


# Files that Keras 3.15.1 writes but cannot load back itself.
KNOWN_UNLOADABLE = {"recurrent_mask_zero.h5", "shared_across_nesting.keras", "attention_dot.h5", "norm_axes.h5",
                    "convnext_block.h5", "unknown_dims.h5", "operation_nodes.h5", "operation_nodes.keras",
                    "operation_nodes.json"}
KNOWN_UNLOADABLE |= core.KNOWN_UNLOADABLE
KNOWN_UNLOADABLE |= generate_opaque.KNOWN_UNLOADABLE
# Files that Keras loads back as another model: the layer shared with the nested model comes
# back as two layers.
KNOWN_RELOAD_DIFFERS = {"shared_across_nesting.h5", "shared_across_nesting.json"}


def check_reload(path, model):
    """Load the file back with Keras and check it matches the saved model."""
    # The legacy .h5 loader finds ConvNeXt's layers (not exported by keras.layers) only by name.
    from keras.src.applications.convnext import LayerScale, StochasticDepth
    with keras.utils.custom_object_scope({"LayerScale": LayerScale, "StochasticDepth": StochasticDepth}):
        _check_reload(path, model)


def _check_reload(path, model):
    if path.endswith(".json"):
        try:
            with open(path) as fh:
                back = keras.models.model_from_json(fh.read())
        except Exception as e:  # noqa: BLE001
            if path in KNOWN_UNLOADABLE:
                print(f"  {path}: Keras cannot rebuild it (expected): {str(e).splitlines()[0][:100]}")
                return
            raise
        if path in KNOWN_RELOAD_DIFFERS:
            print(f"  {path}: Keras rebuilds it as another model (expected): "
                  f"{back.count_params()} params instead of {model.count_params()}")
            return
        if (back.count_params() != model.count_params()
                or [w.shape for w in back.weights] != [w.shape for w in model.weights]):
            raise RuntimeError(f"{path}: the model rebuilt from JSON differs")
        return
    try:
        back = keras.saving.load_model(path, compile=False)
    except Exception as e:  # noqa: BLE001
        if path in KNOWN_UNLOADABLE:
            print(f"  {path}: Keras cannot reload it (expected): "
                  f"{str(e).splitlines()[0][:100]}")
            return
        raise
    if path in KNOWN_UNLOADABLE:
        print(f"  note: {path} now reloads; update KNOWN_UNLOADABLE/README")
    if path in KNOWN_RELOAD_DIFFERS:
        print(f"  {path}: Keras reloads it as another model (expected): "
              f"{back.count_params()} params instead of {model.count_params()}")
        return
    if (back.count_params() != model.count_params()
            or [l.name for l in back.layers] != [l.name for l in model.layers]):
        raise RuntimeError(f"{path}: reloaded model differs")
    for a, b in zip(back.weights, model.weights):
        # A .keras archive stores a LoRA layer's kernel with the LoRA update merged in, and
        # not the LoRA factors: those come back re-initialised.
        merged = path.endswith(".keras") and "/lora_" in b.path
        if a.shape != b.shape or (not merged and not np.array_equal(np.asarray(a), np.asarray(b))):
            raise RuntimeError(f"{path}: weight {b.path} differs after reload")


# What an unknown dim is set to for the forward pass (default 1).
RUN_UNKNOWN_DIM = {"unknown_dims": 24}


def check_runs(model):
    """Run one real forward pass (batch 1) on the jax backend and check the
    concrete output shapes agree with the symbolic ones."""
    inputs = model.inputs
    if any(str(t.dtype) == "string" for t in inputs):
        # The jax backend cannot feed string tensors to a model (jnp has no string dtype).
        print(f"  {model.name}: string inputs, not run on jax")
        return {}
    feed = []
    for t in inputs:
        shape = [1] + [RUN_UNKNOWN_DIM.get(model.name, 1) if d is None else int(d) for d in t.shape[1:]]
        if "int" in str(t.dtype):
            feed.append(np.ones(shape, dtype=str(t.dtype)))
        else:
            feed.append(np.linspace(0.1, 1.0, int(np.prod(shape)),
                                    dtype="float32").reshape(shape))
    dict_input = not isinstance(model, keras.Sequential) and isinstance(model.input, dict)
    if dict_input:
        feed = dict(zip(model.input.keys(), feed))
    elif len(feed) == 1:
        feed = feed[0]
    outs = model(feed, training=False)
    if isinstance(outs, dict):
        outs = [outs[k] for k in model.output.keys()]
    outs = outs if isinstance(outs, (list, tuple)) else [outs]
    differs = {}
    for sym, real in zip(model.outputs, outs):
        got = [int(d) for d in real.shape]
        want = [1] + [g if d is None else d for d, g in zip(shape_list(sym.shape)[1:], got[1:])]
        if want != got:
            differs.setdefault(sym._keras_history[0].name, []).append([None] + got[1:])
    if bool(differs) != (model.name in SYMBOLIC_DIFFERS):
        raise RuntimeError(f"{model.name}: symbolic and real output shapes: {differs}")
    return differs


# ---------------------------------------------------------------------------
# Output
# ---------------------------------------------------------------------------

def c(obj):
    return json.dumps(obj, separators=(", ", ": "))


def render_layers(layers):
    """The "layers" list, one layer header per line and one weight per line."""
    out = ['  "layers": [']
    for i, layer in enumerate(layers):
        head = {k: v for k, v in layer.items() if k != "weights"}
        weights = ",\n".join(f"       {c(w)}" for w in layer["weights"])
        body = f'\n     "weights": [\n{weights}\n     ]}}' if weights else '\n     "weights": []}'
        out.append("    " + c(head)[:-1] + "," + body + ("," if i < len(layers) - 1 else ""))
    return out


def check_environment():
    """The fixtures are Keras 3.15.1's numbers on the jax backend, nothing else."""
    if keras.__version__ != EXPECTED_KERAS:
        sys.exit(f"need keras=={EXPECTED_KERAS}, have {keras.__version__}")
    if keras.backend.backend() != EXPECTED_BACKEND:
        sys.exit(f"need KERAS_BACKEND={EXPECTED_BACKEND}, "
                 f"have {keras.backend.backend()}")


def render(doc):
    """Stable, diff-friendly JSON: one layer header per line, one weight per
    line."""
    out = ["{"]
    for key in ("generator", "keras_version", "backend", "model", "files",
                "totals"):
        out.append(f"  {c(key)}: {c(doc[key])},")
    out.append(f'  "stored_params": {c(doc["stored_params"])},')
    out.append(f'  "stored_params_by_file": {c(doc["stored_params_by_file"])},')
    if "runtime_differs" in doc:
        out.append(f'  "runtime_differs": {c(doc["runtime_differs"])},')
    out.extend(render_layers(doc["layers"]))
    out.append("  ]")
    out.append("}")
    text = "\n".join(out) + "\n"
    assert json.loads(text) == doc
    return text


def main():
    check_environment()
    os.chdir(HERE)
    only = set(sys.argv[1:])
    for name, build, also_keras in MODELS:
        if only and name not in only:
            continue
        fresh()
        model = build()
        runtime_differs = check_runs(model)
        # Keras cannot write some models as legacy .h5 (see generate_preprocessing.NO_H5).
        h5 = name not in generate_preprocessing.NO_H5
        files = ([f"{name}.h5"] if h5 else []) + [f"{name}.keras", f"{name}.json"]
        if h5:
            model.save(f"{name}.h5")
        model.save(f"{name}.keras")
        with open(f"{name}.json", "w") as fh:
            fh.write(model.to_json())
        doc = expected(name, model, files)
        doc["stored_params"] = stored_params(f"{name}.h5") if h5 else stored_params_keras(f"{name}.keras")
        doc["stored_params_by_file"] = {
            **({f"{name}.h5": doc["stored_params"]} if h5 else {}),
            f"{name}.keras": stored_params_keras(f"{name}.keras"),
            f"{name}.json": None,
        }
        if runtime_differs:
            doc["runtime_differs"] = runtime_differs
        for f in files:
            check_reload(f, model)
        if name == "seed_cnn":
            got = [(l["name"], l["output_shapes"], l["params"])
                   for l in doc["layers"]]
            assert got == [("conv2d", [[None, 28, 28, 6]], 456),
                           ("conv2d_1", [[None, 24, 24, 10]], 1510)], got
            assert doc["totals"]["params"] == 1966, doc["totals"]
        with open(f"{name}.expected.json", "w") as fh:
            fh.write(render(doc))
        for f in files:
            size = os.path.getsize(f)
            if size > MAX_FILE_BYTES:
                sys.exit(f"{f} is {size} bytes (> {MAX_FILE_BYTES})")
        print(f"{name}: params={doc['totals']['params']} files={files}")


if __name__ == "__main__":
    main()
