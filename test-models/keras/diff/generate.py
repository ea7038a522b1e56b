"""Writes the model pairs that `model-audit diff` and `check --baseline` are tested on.

Each pair differs in one thing (see README.md). Run with Keras 3.15.1 on jax:

    cd test-models/keras/diff && KERAS_BACKEND=jax python3 generate.py [NAME...]

Every file comes with NAME.expected.json: what Keras itself reports for the model
(layer names, classes, output shapes and parameter counts), never hand-computed.
"""

import json
import os
import sys

import keras
import numpy as np

assert keras.__version__ == "3.15.1", keras.__version__
assert keras.backend.backend() == "jax", keras.backend.backend()


def dense_net(hidden=16, hidden_name="hidden", extra=False):
    keras.backend.clear_session()
    layers = [keras.Input((32,), name="features"), keras.layers.Dense(hidden, activation="relu", name=hidden_name)]
    if extra:
        layers.append(keras.layers.Dense(16, activation="relu", name="hidden_2"))
    layers.append(keras.layers.Dense(10, activation="softmax", name="scores"))
    return keras.Sequential(layers, name="dense_net")


def conv_net(strides=1, rate=0.25):
    keras.backend.clear_session()
    return keras.Sequential(
        [
            keras.Input((16, 16, 3), name="image"),
            keras.layers.Conv2D(8, 3, strides=strides, activation="relu", name="conv"),
            keras.layers.Dropout(rate, name="dropout"),
            keras.layers.Flatten(name="flatten"),
            keras.layers.Dense(10, activation="softmax", name="scores"),
        ],
        name="conv_net",
    )


# name -> (builder, weight seed); base_retrained is base with other weights
MODELS = {
    "base": (lambda: dense_net(), 1),
    "base_retrained": (lambda: dense_net(), 2),
    "one_more_layer": (lambda: dense_net(extra=True), 1),
    "wider_hidden": (lambda: dense_net(hidden=24), 1),
    "renamed_hidden": (lambda: dense_net(hidden_name="encoder"), 1),
    "conv_base": (lambda: conv_net(), 1),
    "conv_strided": (lambda: conv_net(strides=2, rate=0.5), 1),
}


def expected(model, files):
    layers = []
    for layer in model.layers:
        shape = layer.output.shape
        layers.append(
            {
                "name": layer.name,
                "class": type(layer).__name__,
                "output_shapes": [list(shape)],
                "params": layer.count_params(),
                "trainable": int(sum(np.prod(w.shape) for w in layer.trainable_weights)),
                "non_trainable": int(sum(np.prod(w.shape) for w in layer.non_trainable_weights)),
            }
        )
    return {
        "generator": "diff/generate.py",
        "keras_version": keras.__version__,
        "backend": keras.backend.backend(),
        "files": files,
        "totals": {
            "params": model.count_params(),
            "trainable": int(sum(np.prod(w.shape) for w in model.trainable_weights)),
            "non_trainable": int(sum(np.prod(w.shape) for w in model.non_trainable_weights)),
        },
        "layers": layers,
    }


def main(names):
    for name, (build, seed) in MODELS.items():
        if names and name not in names:
            continue
        keras.utils.set_random_seed(seed)
        model = build()
        model(np.zeros((1,) + tuple(model.inputs[0].shape[1:]), dtype="float32"))
        files = [name + ".h5"]
        model.save(name + ".h5")
        if name in ("base", "one_more_layer"):
            model.save(name + ".keras")
            files.append(name + ".keras")
        for f in files:
            again = keras.saving.load_model(f)
            assert again.count_params() == model.count_params(), f
            assert os.path.getsize(f) < 100_000, f
        with open(name + ".expected.json", "w") as out:
            json.dump(expected(model, files), out, indent=1)
            out.write("\n")


if __name__ == "__main__":
    # With names, only those files are written again (e.g. `python3 generate.py conv_base`).
    main(sys.argv[1:])
