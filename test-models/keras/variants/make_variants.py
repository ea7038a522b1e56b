"""Derives damaged copies of seed_cnn.h5 (written by Keras 3.15.1, see ../generate.py).

Each variant changes exactly one thing with h5py, so the tests know what the auditor must find:

- seed_cnn_weights_only.h5: the model_config attribute removed and the weights moved to the root,
  the layout of Keras' legacy save_weights(): a weights-only file.
- seed_cnn_wrong_kernel.h5: conv2d_1's kernel stored as (5, 5, 6, 9) instead of Keras' (5, 5, 6, 10).
- seed_cnn_missing_bias.h5: conv2d_1's bias dataset removed from its weight_names.
- unicode_names_fixed_length.h5: ../unicode_names.h5 (non-ASCII layer names of one UTF-8 length)
  with layer_names and weight_names rewritten as fixed-length byte strings (numpy 'S'), as Keras 1
  and 2 wrote them: the same model, the same weights.

Run from this folder: python3 make_variants.py [NAME...] (needs h5py and numpy only; with names,
only those functions run, e.g. unicode_names_fixed_length).
"""
import shutil
import sys

import h5py
import numpy as np

SOURCE = "../seed_cnn.h5"


def weights_only():
    with h5py.File(SOURCE, "r") as src, h5py.File("seed_cnn_weights_only.h5", "w") as dst:
        for key, value in src["model_weights"].attrs.items():
            dst.attrs[key] = value
        for name in src["model_weights"]:
            src.copy(src["model_weights"][name], dst, name=name)


def wrong_kernel():
    shutil.copyfile(SOURCE, "seed_cnn_wrong_kernel.h5")
    with h5py.File("seed_cnn_wrong_kernel.h5", "r+") as f:
        group = f["model_weights/conv2d_1/sequential/conv2d_1"]
        kernel = group["kernel"][...]
        del group["kernel"]
        group.create_dataset("kernel", data=kernel[..., :9])


def missing_bias():
    shutil.copyfile(SOURCE, "seed_cnn_missing_bias.h5")
    with h5py.File("seed_cnn_missing_bias.h5", "r+") as f:
        group = f["model_weights/conv2d_1"]
        names = [n for n in group.attrs["weight_names"] if not n.endswith("bias")]
        group.attrs["weight_names"] = np.array(names, dtype=h5py.string_dtype("ascii"))
        del group["sequential/conv2d_1/bias"]


def unicode_names_fixed_length():
    shutil.copyfile("../unicode_names.h5", "unicode_names_fixed_length.h5")
    with h5py.File("unicode_names_fixed_length.h5", "r+") as f:
        group = f["model_weights"]

        def fixed(names):
            return np.array([n.encode("utf-8") if isinstance(n, str) else n for n in names])

        group.attrs["layer_names"] = fixed(group.attrs["layer_names"])
        for name in group:
            if len(group[name].attrs.get("weight_names", [])):
                group[name].attrs["weight_names"] = fixed(group[name].attrs["weight_names"])


if __name__ == "__main__":
    for make in sys.argv[1:] or ["weights_only", "wrong_kernel", "missing_bias",
                                 "unicode_names_fixed_length"]:
        globals()[make]()
