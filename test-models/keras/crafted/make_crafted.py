"""Hand-written Keras HDF5 files for forms Keras 3 cannot write and for hostile input.

These are NOT written by Keras: their configurations are typed here, in the layouts Keras 1.x,
2.x and tf.keras use (see ../../../../shared/FORMATS.md), and their weights are zeros of the
shapes those versions store. Tests use them for structure and robustness (which findings, which
exit code, never an internal error), never as a source of expected parameter counts.

Run from this folder: python3 make_crafted.py (needs h5py and numpy only).
"""
import json

import h5py
import numpy as np


def make(path, config, weights=None, version="2.2.4"):
    with h5py.File(path, "w") as f:
        f.attrs["model_config"] = config if isinstance(config, str) else json.dumps(config)
        f.attrs["keras_version"] = version
        f.attrs["backend"] = "tensorflow"
        group = f.create_group("model_weights")
        for layer, tensors in (weights or {}).items():
            lg = group.create_group(layer)
            names = []
            for name, shape in tensors:
                if isinstance(shape, dict):  # declared but never written: no storage used
                    lg.create_dataset(name, shape=shape["shape"], chunks=shape["chunks"], dtype="f4")
                else:
                    lg.create_dataset(name, data=np.zeros(shape, dtype="f4"))
                names.append(name.encode())
            lg.attrs["weight_names"] = names
        group.attrs["layer_names"] = [n.encode() for n in (weights or {})]


def layer(cls, **config):
    return {"class_name": cls, "config": config}


def sequential(layers, name="sequential"):
    return {"class_name": "Sequential", "config": {"name": name, "layers": layers}}


def node(*refs):
    return [[list(r) + [{}] for r in refs]]


def functional(layers, inputs, outputs, cls="Model"):
    return {"class_name": cls, "config": {"name": "m", "layers": layers, "input_layers": inputs, "output_layers": outputs}}


def flayer(cls, name, inbound, **config):
    return {"class_name": cls, "name": name, "config": dict(name=name, **config), "inbound_nodes": inbound}


def inp(name, shape):
    return flayer("InputLayer", name, [], batch_input_shape=shape)


# Keras 1/2 forms ------------------------------------------------------------------------------

# Keras 2 numbers a nested functional model's calls from 1: call 0 is its construction.
inner = flayer("Model", "inner", node(("a", 0, 0)))
inner["config"] = {"name": "inner", "layers": [inp("x", [None, 4]), flayer("Dense", "d", node(("x", 0, 0)), units=3)],
                   "input_layers": [["x", 0, 0]], "output_layers": [["d", 0, 0]]}
make("keras2_nested_node_index.h5",
     functional([inp("a", [None, 4]), inner, flayer("Dense", "out", node(("inner", 1, 0)), units=2)],
                [["a", 0, 0]], [["out", 0, 0]]),
     {"inner": [("d/kernel:0", (4, 3)), ("d/bias:0", (3,))], "out": [("out/kernel:0", (3, 2)), ("out/bias:0", (2,))]})

# A nested Sequential built without an input shape has no construction node.
seq_inner = {"class_name": "Sequential", "name": "inner", "config": {"name": "inner", "layers": [layer("Dense", name="d", units=2)]},
             "inbound_nodes": node(("a", 0, 0))}
make("nested_sequential_without_input.h5",
     functional([inp("a", [None, 4]), seq_inner], [["a", 0, 0]], [["inner", 0, 0]]),
     {"inner": [("inner/d/kernel:0", (4, 2)), ("inner/d/bias:0", (2,))]})

# Keras 1 ZeroPadding1D with its dictionary form.
make("keras1_padding_dict.h5",
     {"class_name": "Sequential", "config": [
         layer("ZeroPadding1D", name="z", batch_input_shape=[None, 5, 2], padding={"left_pad": 1, "right_pad": 2}),
         layer("Flatten", name="f"), layer("Dense", name="d", output_dim=1, input_dim=16)]},
     {"z": [], "f": [], "d": [("d_W", (16, 1)), ("d_b", (1,))]}, version="1.2.2")

# tf.keras batch normalization over two axes keeps full-rank parameters.
make("tfkeras_batchnorm_two_axes.h5",
     sequential([layer("InputLayer", name="in", batch_input_shape=[None, 5, 6, 3]),
                 layer("BatchNormalization", name="bn", axis=[1, 2], center=True, scale=True)]),
     {"bn": [(n, (1, 5, 6, 1)) for n in ("bn/gamma:0", "bn/beta:0", "bn/moving_mean:0", "bn/moving_variance:0")]},
     version="2.9.0")

# Dot with axes given as a one-element list.
make("dot_axes_single.h5",
     functional([inp("a", [None, 4]), flayer("Dot", "d", node(("a", 0, 0), ("a", 0, 0)), axes=[1])], [["a", 0, 0]], [["d", 0, 0]]))

# Keras 2 Embedding fills an unknown input length from input_length.
make("embedding_input_length.h5",
     functional([inp("a", [None, None]), flayer("Embedding", "e", node(("a", 0, 0)), input_dim=10, output_dim=3, input_length=5),
                 flayer("Flatten", "f", node(("e", 0, 0))), flayer("Dense", "d", node(("f", 0, 0)), units=2)],
                [["a", 0, 0]], [["d", 0, 0]]),
     {"e": [("e/embeddings:0", (10, 3))], "f": [], "d": [("d/kernel:0", (15, 2)), ("d/bias:0", (2,))]})

# Malformed layer configurations: a finding on that layer, not a failed file --------------------

make("invalid_reshape.h5", sequential([layer("InputLayer", name="in", batch_input_shape=[None, 4]),
                                       layer("Reshape", name="r", target_shape=[None, 2])]))
make("invalid_permute.h5", sequential([layer("InputLayer", name="in", batch_input_shape=[None, 2, 3]),
                                       layer("Permute", name="p", dims=[2, None])]))
make("invalid_padding.h5", sequential([layer("InputLayer", name="in", batch_input_shape=[None, 4, 4, 1]),
                                       layer("ZeroPadding2D", name="z", padding=[[], []])]))
make("overflowing_embedding.h5", sequential([layer("InputLayer", name="in", batch_input_shape=[None, 4]),
                                             layer("Embedding", name="e", input_dim=2**32, output_dim=2**32)]),
     {"e": [("embeddings:0", (1, 1))]})
make("overflowing_dense.h5", sequential([layer("InputLayer", name="in", batch_input_shape=[None, 1]),
                                         layer("Dense", name="d", units=2**62)]),
     {"d": [("kernel:0", (1, 1)), ("bias:0", (1,))]})

# Files that cannot be audited -----------------------------------------------------------------

make("negative_node_index.h5",
     functional([inp("a", [None, 4]), flayer("Dense", "d", [[["a", -1, 0, {}]]], units=2)], [["a", 0, 0]], [["d", 0, 0]]),
     {"d": [("kernel:0", (4, 2)), ("bias:0", (2,))]})
make("duplicate_layer_names.h5",
     functional([inp("a", [None, 4]), flayer("Dense", "a", node(("a", 0, 0)), units=2)], [["a", 0, 0]], [["a", 0, 0]]))
make("impossible_dataset_shape.h5",
     sequential([layer("InputLayer", name="in", batch_input_shape=[None, 4]), layer("Dense", name="d", units=2)]),
     {"d": [("kernel:0", {"shape": (2**31 - 1,) * 3, "chunks": (1, 1, 1)}), ("bias:0", (2,))]})
make("dangling_reference.h5",
     functional([inp("a", [None, 4]), flayer("Dense", "d", node(("nowhere", 0, 0)), units=2)], [["a", 0, 0]], [["d", 0, 0]]))
deep = [1]
for _ in range(900):
    deep = [deep]
make("deeply_nested_reference.h5", functional([inp("a", [None, 4])], [["a", 0, 0]], [deep]))


# Work that must stay bounded ------------------------------------------------------------------

def doubling(level):
    """Each level calls the one below twice: 2**level evaluations without a cache."""
    body = [inp("x", [None, 4])]
    if level == 0:
        body.append(flayer("Activation", "act", node(("x", 0, 0)), activation="relu"))
        out = [["act", 0, 0]]
    else:
        sub = doubling(level - 1)
        sub.update(name="sub", inbound_nodes=[[["x", 0, 0, {}]], [["sub", 1, 0, {}]]])
        body.append(sub)
        out = [["sub", 2, 0]]
    return {"class_name": "Model", "config": {"name": "m%d" % level, "layers": body,
                                              "input_layers": [["x", 0, 0]], "output_layers": out}}


make("nested_models_called_twice_40_deep.h5", doubling(40))

# The batchnorm fixture's layers (../batchnorm.expected.json: Keras 3 stores gamma only with scale,
# beta only with center) in tf.keras 2 form, which Deeplearning4j imports; it refuses Keras 3 files.
def batchnorm(name, center, scale):
    return layer("BatchNormalization", name=name, trainable=True, dtype="float32", axis=-1, momentum=0.99,
                 epsilon=0.001, center=center, scale=scale, beta_initializer={"class_name": "Zeros", "config": {}},
                 gamma_initializer={"class_name": "Ones", "config": {}},
                 moving_mean_initializer={"class_name": "Zeros", "config": {}},
                 moving_variance_initializer={"class_name": "Ones", "config": {}}, beta_regularizer=None,
                 gamma_regularizer=None, beta_constraint=None, gamma_constraint=None)


bn_layers = [("bn_default", True, True), ("bn_no_center", False, True), ("bn_no_scale", True, False),
             ("bn_no_center_no_scale", False, False)]
make("tfkeras_batchnorm_scale_center.h5",
     sequential([layer("InputLayer", name="input_1", batch_input_shape=[None, 5, 4], dtype="float32")]
                + [batchnorm(n, c, s) for n, c, s in bn_layers]),
     {n: [(f"{n}/{w}:0", (4,)) for w, keep in (("gamma", s), ("beta", c), ("moving_mean", True), ("moving_variance", True)) if keep]
      for n, c, s in bn_layers},
     version="2.4.0")
