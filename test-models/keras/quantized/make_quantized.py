"""Keras 3 int4- and int8-quantized models (model.quantize), written by Keras 3.15.1 itself.

int4 packs two values into one int8 byte: d1's kernel (16, 8) is stored as (16, 4) int8, beside its
float32 scale, int8 zero point and float32 g_idx. NAME.expected.json holds Keras' own numbers:
count_params() and the totals line of model.summary() (bytes as stored).

    cd test-models/keras/quantized && KERAS_BACKEND=jax python3 make_quantized.py
"""
import io
import json
import os
import re
from contextlib import redirect_stdout

os.environ.setdefault("KERAS_BACKEND", "jax")
os.environ["COLUMNS"] = "200"

import keras  # noqa: E402

assert keras.__version__ == "3.15.1", keras.__version__


def build(mode):
    keras.backend.clear_session()
    keras.utils.set_random_seed(1)
    m = keras.Sequential(
        [keras.Input((16,)), keras.layers.Dense(8, name="d1"), keras.layers.Dense(4, name="d2")],
        name="quantized_" + mode,
    )
    m.quantize(mode)
    return m


for mode in ["int4", "int8"]:
    model = build(mode)
    name = "dense_" + mode
    model.save(name + ".keras")
    model.save(name + ".h5")
    out = io.StringIO()
    with redirect_stdout(out):
        model.summary()
    total = next(line for line in out.getvalue().splitlines() if "Total params" in line)
    expected = {
        "generator": "quantized/make_quantized.py",
        "keras_version": keras.__version__,
        "files": [name + ".keras", name + ".h5"],
        "count_params": model.count_params(),
        "summary_total_line": re.sub(r"\s+", " ", total).strip(),
        "weights": [
            {"path": v.path, "shape": list(v.shape), "dtype": str(v.dtype)} for v in model.weights
        ],
    }
    with open(name + ".expected.json", "w") as f:
        json.dump(expected, f, indent=1)
        f.write("\n")
    print(name, expected["count_params"], expected["summary_total_line"])
