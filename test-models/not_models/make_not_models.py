"""Writes the files that are clearly not models (issue 14, point 5): run from this folder.

Python 3 with h5py and numpy; the zips and Git LFS pointers need only the standard library.
"""
import hashlib
import zipfile

import h5py
import numpy as np

# A data file as h5py writes one: datasets and attributes, nothing Keras writes.
with h5py.File("data/arrays.h5", "w") as f:
    f.create_dataset("x", data=np.arange(30, dtype="float32").reshape(10, 3))
    f.create_dataset("y", data=np.arange(10, dtype="int64"))
    f.attrs["description"] = "ten samples, three features"

# Inputs and outputs saved beside a model (DL4J's Keras import tests keep such files).
with h5py.File("data/inputs_and_outputs.h5", "w") as f:
    f.create_group("inputs").create_dataset("input_1", data=np.zeros((2, 4), dtype="float32"))
    f.create_group("outputs").create_dataset("dense", data=np.ones((2, 1), dtype="float32"))

# An HDF5 file with a Keras attribute and nothing else: not clearly a data file, so audited.
with h5py.File("data/keras_version_only.h5", "w") as f:
    f.attrs["keras_version"] = "2.15.0"

# A zip that is neither a Keras 3 archive nor a DL4J model.
with zipfile.ZipFile("data/archive.zip", "w") as z:
    z.writestr("readme.txt", "not a model\n")
    z.writestr("data.csv", "a,b\n1,2\n")


def lfs_pointer(path, content):
    oid = hashlib.sha256(content).hexdigest()
    with open(path, "w", newline="\n") as f:
        f.write("version https://git-lfs.github.com/spec/v1\n")
        f.write(f"oid sha256:{oid}\n")
        f.write(f"size {len(content)}\n")


# Git LFS pointers as a checkout without `git lfs pull` leaves them.
with open("../keras/seed_cnn.h5", "rb") as f:
    lfs_pointer("lfs/seed_cnn.h5", f.read())
lfs_pointer("lfs/images.tar", b"not a model" * 100)
