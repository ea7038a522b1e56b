"""Keras 2 HDF5 model files for what DL4J's Keras import reads wrongly, written with h5py.

These are NOT written by Keras (like ../crafted/make_crafted.py): DL4J imports files of Keras 1
and 2 only, and Keras 2 cannot be installed here (TensorFlow is not), so this script writes the
layout tf.keras 2.2.4 writes with model.save(): the model_config
attribute (Keras 2 configuration JSON), keras_version and backend, and model_weights with
layer_names, each layer's weight_names and its datasets (zeros of the shapes Keras 2 gives them:
Dense kernel (in, units) and bias (units,); BatchNormalization gamma, beta, moving_mean,
moving_variance (C,) with C the size of its axis).

- shared_dense.h5: one Dense(4) called on two inputs of 8 features (kernel (8, 4), 36 params),
  both calls outputs of the model.
- batchnorm_axis1.h5: BatchNormalization(axis=1) on an input (None, 6, 10): 4 vectors of 6, then
  Flatten and Dense(2).

Dl4jExplanationCliTest pins what DL4J 1.0.0-M2.1 builds from them (its own numbers, through the
worker) and how the audit explains the difference.

Run from this folder: python3 make_keras2_files.py (needs h5py and numpy only).
"""
import json
import os

import h5py
import numpy as np

INIT = {"class_name": "Zeros", "config": {}}


def dense(name, units):
    return {
        "name": name,
        "trainable": True,
        "units": units,
        "activation": "linear",
        "use_bias": True,
        "kernel_initializer": INIT,
        "bias_initializer": INIT,
        "kernel_regularizer": None,
        "bias_regularizer": None,
        "activity_regularizer": None,
        "kernel_constraint": None,
        "bias_constraint": None,
    }


HERE = os.path.dirname(os.path.abspath(__file__))


def write(path, config, weights):
    """weights: (layer name, [(weight name, shape)]) in layer order, also for layers without any."""
    path = os.path.join(HERE, path)
    with h5py.File(path, "w") as f:
        f.attrs["keras_version"] = b"2.2.4"
        f.attrs["backend"] = b"tensorflow"
        f.attrs["model_config"] = json.dumps(config).encode()
        g = f.create_group("model_weights")
        g.attrs["keras_version"] = b"2.2.4"
        g.attrs["backend"] = b"tensorflow"
        g.attrs["layer_names"] = np.array([n.encode() for n, _ in weights])
        for layer, tensors in weights:
            lg = g.create_group(layer)
            names = [f"{layer}/{w}:0" for w, _ in tensors]
            lg.attrs["weight_names"] = np.array([n.encode() for n in names], dtype="S")
            for n, (_, shape) in zip(names, tensors):
                lg.create_dataset(n, data=np.zeros(shape, dtype="float32"))


def shared_dense():
    def inp(name):
        return {
            "name": name,
            "class_name": "InputLayer",
            "config": {"batch_input_shape": [None, 8], "dtype": "float32", "sparse": False, "name": name},
            "inbound_nodes": [],
        }

    config = {
        "class_name": "Model",
        "config": {
            "name": "model_1",
            "layers": [
                inp("input_1"),
                inp("input_2"),
                {
                    "name": "shared",
                    "class_name": "Dense",
                    "config": dense("shared", 4),
                    "inbound_nodes": [[["input_1", 0, 0, {}]], [["input_2", 0, 0, {}]]],
                },
            ],
            "input_layers": [["input_1", 0, 0], ["input_2", 0, 0]],
            "output_layers": [["shared", 0, 0], ["shared", 1, 0]],
        },
    }
    write(
        "shared_dense.h5",
        config,
        [("input_1", []), ("input_2", []), ("shared", [("kernel", (8, 4)), ("bias", (4,))])],
    )


def batchnorm_axis1():
    bn = {
        "name": "batch_normalization_1",
        "trainable": True,
        "batch_input_shape": [None, 6, 10],
        "dtype": "float32",
        "axis": 1,
        "momentum": 0.99,
        "epsilon": 0.001,
        "center": True,
        "scale": True,
        "beta_initializer": INIT,
        "gamma_initializer": {"class_name": "Ones", "config": {}},
        "moving_mean_initializer": INIT,
        "moving_variance_initializer": {"class_name": "Ones", "config": {}},
        "beta_regularizer": None,
        "gamma_regularizer": None,
        "beta_constraint": None,
        "gamma_constraint": None,
    }
    config = {
        "class_name": "Sequential",
        "config": {
            "name": "sequential_1",
            "layers": [
                {"class_name": "BatchNormalization", "config": bn},
                {
                    "class_name": "Flatten",
                    "config": {"name": "flatten_1", "trainable": True, "data_format": "channels_last"},
                },
                {"class_name": "Dense", "config": dense("dense_1", 2)},
            ],
        },
    }
    vec = (6,)
    write(
        "batchnorm_axis1.h5",
        config,
        [
            (
                "batch_normalization_1",
                [("gamma", vec), ("beta", vec), ("moving_mean", vec), ("moving_variance", vec)],
            ),
            ("flatten_1", []),
            ("dense_1", [("kernel", (60, 2)), ("bias", (2,))]),
        ],
    )


if __name__ == "__main__":
    shared_dense()
    batchnorm_axis1()
