#!/usr/bin/env python3
"""Writes vlen_model_config_huge.h5: a Keras HDF5 file whose model_config is a variable-length
string attribute that claims 1 GB in its heap reference (the heap holds 4,659 bytes). The length is
patched into the attribute's heap reference after h5py writes it.

    python3 make_vlen_attribute.py   (needs h5py; writes next to this script)
"""
import os
import struct

import h5py
import numpy as np

here = os.path.dirname(os.path.abspath(__file__))
out = os.path.join(here, "vlen_model_config_huge.h5")
config = "{" + "x" * 4657 + "}"  # 4,659 bytes: a length (0x1233) found once in the file
with h5py.File(out, "w") as f:
    f.attrs.create("model_config", config, dtype=h5py.string_dtype("utf-8"))
    f.attrs["keras_version"] = "2.4.0"
    f.create_group("model_weights").create_dataset("w", data=np.zeros(2, "f4"))
data = bytearray(open(out, "rb").read())
needle = struct.pack("<I", len(config))
# Twice: in the attribute's heap reference, and as the heap object's 8-byte size before its data.
found = [i for i in range(len(data)) if data.startswith(needle, i)]
refs = [i for i in found if not data.startswith(needle + bytes(4) + b"{", i)]
assert len(refs) == 1, found
data[refs[0]:refs[0] + 4] = struct.pack("<I", 1 << 30)
open(out, "wb").write(bytes(data))
print(out)
