#!/usr/bin/env python3
"""Keras Applications architectures as JSON, with Keras' own numbers.

Builds each model of keras.applications with weights=None (default input
shape and classes), writes its architecture with model.to_json() (no weights,
so the files stay small) and NAME.expected.json with the numbers Keras itself
reports: totals and, per layer, output shapes, parameter counts and weight
shapes (the same layer entries as ../generate.py writes).

It also asserts that Keras' totals are the published ones (the parameter
counts in the Keras Applications documentation and model cards), so a change
in Keras that alters an architecture cannot slip into the expected files.

Run from this directory:

    pip install keras==3.15.1 jax h5py
    KERAS_BACKEND=jax python3 generate_applications.py             # all models
    KERAS_BACKEND=jax python3 generate_applications.py resnet50    # only some
"""

import json
import os
import sys

os.environ.setdefault("KERAS_BACKEND", "jax")

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.dirname(HERE))

import keras  # noqa: E402
from keras import applications  # noqa: E402

# The per-layer extraction and the checks on Keras' version are shared with the fixtures
# generator, so both kinds of expected file read Keras' numbers the same way.
from generate import (  # noqa: E402
    SEED, c, check_environment, layer_entry, model_node_ids, nsize, render_layers)

MAX_FILE_BYTES = 450 * 1024

# name, builder, published totals: (params, trainable, non_trainable); None where only the
# total is published.
MODELS = [
    ("resnet50", applications.ResNet50, (25_636_712, 25_583_592, 53_120)),
    ("mobilenet_v2", applications.MobileNetV2, (3_538_984, None, None)),
    ("efficientnet_b0", applications.EfficientNetB0, (5_330_571, None, 42_023)),
    ("densenet121", applications.DenseNet121, (8_062_504, None, None)),
    ("inception_v3", applications.InceptionV3, (23_851_784, None, None)),
    ("xception", applications.Xception, (22_910_480, None, None)),
    ("vgg16", applications.VGG16, (138_357_544, None, None)),
]


def expected(name, application, model):
    node_ids = model_node_ids(model)
    return {
        "generator": "generate_applications.py",
        "keras_version": keras.__version__,
        "backend": keras.backend.backend(),
        "model": name,
        "application": application,
        "files": [f"{name}.json"],
        "totals": {
            "params": int(model.count_params()),
            "trainable": nsize(model.trainable_weights),
            "non_trainable": nsize(model.non_trainable_weights),
        },
        "layers": [layer_entry(layer, node_ids) for layer in model.layers],
    }


def check_published(name, totals, published):
    got = (totals["params"], totals["trainable"], totals["non_trainable"])
    for what, g, p in zip(("params", "trainable", "non_trainable"), got, published):
        if p is not None and g != p:
            sys.exit(f"{name}: Keras counts {what}={g}, published {p}")
    if totals["params"] != totals["trainable"] + totals["non_trainable"]:
        sys.exit(f"{name}: count_params is not trainable + non-trainable: {totals}")


def render(doc):
    """One layer header per line, one weight per line (diff-friendly)."""
    out = ["{"]
    for key in ("generator", "keras_version", "backend", "model", "application",
                "files", "totals"):
        out.append(f"  {c(key)}: {c(doc[key])},")
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
    unknown = only - {name for name, _, _ in MODELS}
    if unknown:
        sys.exit(f"unknown models: {sorted(unknown)}")
    for name, build, published in MODELS:
        if only and name not in only:
            continue
        keras.backend.clear_session()
        keras.utils.set_random_seed(SEED)
        model = build(weights=None)
        doc = expected(name, build.__name__, model)
        check_published(name, doc["totals"], published)
        text = model.to_json()
        back = keras.models.model_from_json(text)
        if (back.count_params() != model.count_params()
                or [w.shape for w in back.weights] != [w.shape for w in model.weights]):
            sys.exit(f"{name}: the model Keras rebuilds from its JSON differs")
        with open(f"{name}.json", "w") as fh:
            fh.write(text)
        with open(f"{name}.expected.json", "w") as fh:
            fh.write(render(doc))
        for f in (f"{name}.json", f"{name}.expected.json"):
            size = os.path.getsize(f)
            if size > MAX_FILE_BYTES:
                sys.exit(f"{f} is {size} bytes (> {MAX_FILE_BYTES})")
        print(f"{name}: params={doc['totals']} layers={len(doc['layers'])}")


if __name__ == "__main__":
    main()
