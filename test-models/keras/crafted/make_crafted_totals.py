"""Hand-made files for the totals the audit must never get wrong (issue 9, point 3).

These are NOT written by Keras: each reproduces by hand one layout a real Keras version writes, so
that a test can pin how the audit reports it. Their weights are zeros. Tests use them for which
findings and which totals, never as a source of expected parameter counts from Keras.

- keras31_bidirectional_repeated_names.h5: Keras 3.1's legacy .h5 save of a Bidirectional LSTM
  lists its six weights by their short names (kernel, recurrent_kernel, bias for each direction),
  so `weight_names` repeats three names over three datasets. Keras 3.1 loads the same values into
  both directions; Keras 3.15 refuses the file. The configuration is ../bidirectional.h5's (written
  by Keras 3.15.1) cut down to its first Bidirectional layer.
- absent_layer_group.h5: `layer_names` lists a layer (a Dropout) that has no group in
  `model_weights`; Keras' loader looks every listed name up and fails.
- tfkeras214_subclassed_empty_config.keras: a subclassed model as tf.keras 2.14 saves it when its
  `__init__` takes arguments it cannot serialise ("Defaulting to empty config"): `config` is {}, so
  the model has no name, and the weights are the model's attributes (`dense`, `head`) beside the
  optimizer's state, as in real tf.keras 2.14 archives.

Run from this folder: python3 make_crafted_totals.py (needs h5py and numpy only).
"""
import io
import json
import zipfile

import h5py
import numpy as np


def zeros(group, name, shape):
    group.create_dataset(name, data=np.zeros(shape, dtype="f4"))


def h5(path, config, version, weights, layer_names=None):
    """weights: layer -> (dataset names with shapes, weight_names as listed)."""
    with h5py.File(path, "w") as f:
        f.attrs["model_config"] = json.dumps(config)
        f.attrs["keras_version"] = version
        f.attrs["backend"] = "tensorflow"
        group = f.create_group("model_weights")
        for layer, (datasets, listed) in weights.items():
            lg = group.create_group(layer)
            for name, shape in datasets:
                zeros(lg, name, shape)
            lg.attrs["weight_names"] = [n.encode() for n in listed]
        group.attrs["layer_names"] = [n.encode() for n in (layer_names or list(weights))]


with h5py.File("../bidirectional.h5", "r") as f:
    functional = json.loads(f.attrs["model_config"])
keep = {"input_layer", "bi_lstm_concat"}
functional["config"]["layers"] = [l for l in functional["config"]["layers"] if l["name"] in keep]
functional["config"]["output_layers"] = [["bi_lstm_concat", 0, 0]]
# Input (5, 3), LSTM(4) per direction: kernel (3, 16), recurrent_kernel (4, 16), bias (16,).
short = [("kernel", (3, 16)), ("recurrent_kernel", (4, 16)), ("bias", (16,))]
h5("keras31_bidirectional_repeated_names.h5", functional, "3.1.0",
   {"input_layer": ([], []),
    "bi_lstm_concat": (short, [n for n, _ in short] * 2)})


def k3(cls, name, **config):
    return {"module": "keras.layers", "class_name": cls, "config": dict(name=name, trainable=True, **config),
            "registered_name": None}


sequential = {"module": "keras", "class_name": "Sequential", "registered_name": None, "config": {
    "name": "sequential", "trainable": True, "layers": [
        {"module": "keras.layers", "class_name": "InputLayer", "registered_name": None,
         "config": {"batch_shape": [None, 4], "dtype": "float32", "sparse": False, "name": "input_layer"}},
        k3("Dense", "dense", units=3, activation="linear", use_bias=True),
        k3("Dropout", "dropout", rate=0.5),
        k3("Dense", "dense_1", units=2, activation="linear", use_bias=True)]}}
h5("absent_layer_group.h5", sequential, "3.15.1",
   {"dense": ([("sequential/dense/kernel", (4, 3)), ("sequential/dense/bias", (3,))],
              ["sequential/dense/kernel", "sequential/dense/bias"]),
    "dense_1": ([("sequential/dense_1/kernel", (3, 2)), ("sequential/dense_1/bias", (2,))],
                ["sequential/dense_1/kernel", "sequential/dense_1/bias"])},
   layer_names=["dense", "dropout", "dense_1"])

subclassed = {"module": "models", "class_name": "TwoTowerNet", "config": {}, "registered_name": "TwoTowerNet",
              "build_config": {"input_shape": [None, 4]}}
buffer = io.BytesIO()
with h5py.File(buffer, "w") as f:
    for attribute, shapes in {"dense": [(4, 8), (8,)], "head": [(8, 1), (1,)]}.items():
        v = f.create_group(attribute).create_group("vars")
        for i, shape in enumerate(shapes):
            zeros(v, str(i), shape)
    f.create_group("vars")
    optimizer = f.create_group("optimizer").create_group("vars")
    for i, shape in enumerate([(), (4, 8), (4, 8)]):
        zeros(optimizer, str(i), shape)
with zipfile.ZipFile("tfkeras214_subclassed_empty_config.keras", "w") as z:
    for name, data in [("metadata.json", json.dumps({"keras_version": "2.14.0", "date_saved": "2024-01-01@00:00:00"})),
                       ("config.json", json.dumps(subclassed)),
                       ("model.weights.h5", buffer.getvalue())]:
        z.writestr(zipfile.ZipInfo(name, (2024, 1, 1, 0, 0, 0)), data)
