"""Weights-only files written by Keras 3.15.1 (jax) beside their architecture JSON, and the numbers
Keras reports when it loads them.

- keras3_layout.weights.h5 + keras3_layout.json: model.save_weights("keras3_layout.weights.h5")
  (Keras 3's layout: layers/<storage name>/vars/<i>, no layer_names) and model.to_json().
- renamed/renamed_weights.h5 + renamed/renamed_config.json: the Keras 1/2 save_weights layout
  (layer_names, weight_names; Keras 3 still writes it with legacy_h5_format, as in a .h5 model
  file) of one model, and the architecture of the same model built again with other layer names
  (as a new session numbers them: dense_3 ...). Keras' load_weights pairs them by layer order.
- folder_pair/trained.h5 + folder_pair/network.json: a Keras 1/2 layout weights file and the
  architecture of that same model, alone in their folder under names that do not match.

Each pair's expected numbers are in NAME.expected.json: Keras' count_params() of the model the
weights were loaded into, and which stored layer went into which layer. The script loads every
weights file back into a model built from its JSON and checks the values.

Run from this folder: KERAS_BACKEND=jax python3 make_weights_only.py
"""
import json
import os

import h5py
import keras
import numpy as np
from keras.src.legacy.saving import legacy_h5_format

assert keras.__version__ == "3.15.1" and keras.backend.backend() == "jax", keras.__version__


def build():
    keras.utils.set_random_seed(1234)
    return keras.Sequential(
        [
            keras.Input((8,)),
            keras.layers.Dense(6),
            keras.layers.BatchNormalization(),
            keras.layers.Dense(3, activation="softmax"),
        ]
    )


def same_values(a, b):
    return all(np.array_equal(x, y) for x, y in zip(a.get_weights(), b.get_weights()))


def expected(name, files, model, pairs):
    with open(name + ".expected.json", "w") as f:
        json.dump(
            {
                "generator": "make_weights_only.py",
                "keras_version": keras.__version__,
                "files": files,
                "params": model.count_params(),
                "layers": [l.name for l in model.layers],
                "loaded_by_order": pairs,
            },
            f,
            indent=1,
        )
        f.write("\n")


def keras3_layout():
    keras.backend.clear_session()
    model = build()
    model.save_weights("keras3_layout.weights.h5")
    with open("keras3_layout.json", "w") as f:
        f.write(model.to_json())
    again = keras.models.model_from_json(open("keras3_layout.json").read())
    again.load_weights("keras3_layout.weights.h5")
    assert same_values(model, again)
    expected("keras3_layout", ["keras3_layout.weights.h5"], again, None)


def legacy_pair(folder, weights, architecture, rebuilt):
    os.makedirs(folder, exist_ok=True)
    keras.backend.clear_session()
    model = build()
    with h5py.File(os.path.join(folder, weights), "w") as f:
        legacy_h5_format.save_weights_to_hdf5_group(f, model)
    stored = [l.name for l in model.layers if l.weights]
    # The same model built again in the same session: Keras numbers its layers on.
    other = build() if rebuilt else model
    with open(os.path.join(folder, architecture), "w") as f:
        f.write(other.to_json())
    loaded = keras.models.model_from_json(open(os.path.join(folder, architecture)).read())
    with h5py.File(os.path.join(folder, weights), "r") as f:
        legacy_h5_format.load_weights_from_hdf5_group(f, loaded)  # by order, as load_weights
    assert same_values(model, loaded)
    names = [l.name for l in loaded.layers if l.weights]
    expected(
        os.path.join(folder, weights.split(".")[0]),
        [weights],
        loaded,
        dict(zip(stored, names)) if rebuilt else None,
    )


if __name__ == "__main__":
    keras3_layout()
    legacy_pair("renamed", "renamed_weights.h5", "renamed_config.json", rebuilt=True)
    legacy_pair("folder_pair", "trained.h5", "network.json", rebuilt=False)
