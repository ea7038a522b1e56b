#!/usr/bin/env python3
"""Save some of the Keras fixtures again as .keras archives with weights_format="npz".

Keras can write an archive's weights as model.weights.npz instead of model.weights.h5
(keras.src.saving.saving_lib.save_model(model, path, weights_format="npz")). Each entry
layers/<storage name>[/sub/path].npy of that npz is a 0-d numpy object array whose pickle holds
the layer's variables by index: Keras Variable objects (whose _value is a jax array on the jax
backend, a numpy array on the numpy backend) or, for a LoRA layer's merged kernel, a bare array.

The models are those of ../generate.py, built the same way (same seed, same names), so each
NAME.expected.json here holds Keras' own numbers again; the models with SYMBOLIC_DIFFERS get
their runtime shapes recorded by the same check. stored_params is counted from the npz itself,
read back with numpy (allow_pickle=True: this script reads only the file it has just written).

Keras 3.15.1 cannot load these archives back itself (it opens the npz with allow_pickle=False and
fails with "Object arrays cannot be loaded when allow_pickle=False"), so instead of a reload the
script checks every stored variable's shape against the model's weights, in order.

Run from this directory (the Java tests never run it; its outputs are committed):

    KERAS_BACKEND=jax python3 generate_npz.py          # writes the jax models, then runs
                                                       # itself again with KERAS_BACKEND=numpy
    KERAS_BACKEND=jax python3 generate_npz.py seed_cnn seed_cnn_numpy_backend   # only some
"""

import io
import os
import subprocess
import sys
import zipfile

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.dirname(HERE))
os.environ.setdefault("KERAS_BACKEND", "jax")

import numpy as np  # noqa: E402
import keras  # noqa: E402
from keras.src.saving import saving_lib  # noqa: E402

import generate  # noqa: E402
from keras import layers  # noqa: E402


def bfloat16_weights():
    """Variables in bfloat16 and float16 (dtype policies) next to float32 ones; the npz pickles
    bfloat16 arrays with the ml_dtypes.bfloat16 type. Only here: the .h5 forms Keras writes for it
    hold bfloat16 datasets that jHDF cannot read (and Keras cannot reload the legacy .h5)."""
    inp = keras.Input((4,), name="x")
    x = layers.Dense(3, dtype="bfloat16", name="dense_bf16")(inp)
    x = layers.BatchNormalization(dtype="float16", name="bn_f16")(x)
    out = layers.Dense(2, name="dense_f32")(x)
    return keras.Model(inp, out, name="bfloat16_weights")


# Models built here, not in ../generate.py.
LOCAL_MODELS = {"bfloat16_weights": bfloat16_weights}

JAX_MODELS = ["seed_cnn", "npz_mix", "batchnorm", "bidirectional", "attention", "functional_nested",
              "nested_deep", "keras3_options", "shared_across_nesting", "recurrent", "conv_lstm",
              "time_distributed_model", "einsum_dense", "normalization", "bfloat16_weights"]
# On the numpy backend a Variable's _value is a plain ndarray instead of a jax array.
NUMPY_MODELS = {"seed_cnn": "seed_cnn_numpy_backend", "npz_mix": "npz_mix_numpy_backend"}


def npz_variables(path):
    """Every stored variable under layers/, in file order: (entry, index, shape)."""
    out = []
    with zipfile.ZipFile(path) as z:
        with np.load(io.BytesIO(z.read("model.weights.npz")), allow_pickle=True) as npz:
            for key in npz.files:
                if not key.startswith("layers/"):
                    continue
                for index, value in npz[key].item().items():
                    out.append((key, index, tuple(int(d) for d in np.shape(value))))
    return out


def check_shapes(path, model):
    """Every variable the archive stores is one of the model's weights (LoRA factors are merged
    into the kernel, not stored; a layer shared into a nested model is stored once)."""
    stored = sorted(shape for _, _, shape in npz_variables(path))
    weights = sorted(tuple(int(d) for d in w.shape) for w in model.weights if "/lora_" not in w.path)
    if stored != weights:
        raise RuntimeError(f"{path}: stored shapes {stored} are not the model's {weights}")


def save(name, file_stem):
    generate.fresh()
    model = LOCAL_MODELS[name]() if name in LOCAL_MODELS else getattr(generate, name)()
    runtime_differs = generate.check_runs(model)
    path = f"{file_stem}.keras"
    saving_lib.save_model(model, path, weights_format="npz")
    with zipfile.ZipFile(path) as z:
        if "model.weights.npz" not in z.namelist() or "model.weights.h5" in z.namelist():
            raise RuntimeError(f"{path}: not an npz-weights archive")
    if name != "shared_across_nesting":
        check_shapes(path, model)
    doc = generate.expected(name, model, [path])
    doc["stored_params"] = sum(int(np.prod(s)) for _, _, s in npz_variables(path))
    doc["stored_params_by_file"] = {path: doc["stored_params"]}
    if runtime_differs:
        doc["runtime_differs"] = runtime_differs
    with open(f"{file_stem}.expected.json", "w") as fh:
        fh.write(generate.render(doc))
    size = os.path.getsize(path)
    if size > generate.MAX_FILE_BYTES:
        sys.exit(f"{path} is {size} bytes (> {generate.MAX_FILE_BYTES})")
    print(f"{path}: params={doc['totals']['params']} stored={doc['stored_params']} backend={keras.backend.backend()}")


def main():
    if keras.__version__ != generate.EXPECTED_KERAS:
        sys.exit(f"need keras=={generate.EXPECTED_KERAS}, have {keras.__version__}")
    os.chdir(HERE)
    only = set(sys.argv[1:])
    if keras.backend.backend() == "numpy":
        for name, stem in NUMPY_MODELS.items():
            if not only or stem in only:
                save(name, stem)
        return
    if keras.backend.backend() != "jax":
        sys.exit("run with KERAS_BACKEND=jax")
    for name in JAX_MODELS:
        if not only or name in only:
            save(name, name)
    if not only or only & set(NUMPY_MODELS.values()):
        subprocess.run([sys.executable, os.path.abspath(__file__)] + sys.argv[1:], check=True,
                       env=dict(os.environ, KERAS_BACKEND="numpy"))


if __name__ == "__main__":
    main()
