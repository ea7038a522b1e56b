"""Hostile and legacy variants of the Keras 3 archive, architecture JSON and TF.js forms.

Derived from ../seed_cnn.keras, ../seed_cnn.json, ../seed_cnn.h5 and
../variants/seed_cnn_weights_only.h5 (written by Keras), damaged or rewritten here by hand. Tests
(CraftedFormsTest) pin each file's exit code and message; none is a source of expected counts.

Run from this folder: python3 make_crafted_forms.py (needs h5py and numpy only).
"""
import io
import json
import os
import shutil
import struct
import zipfile

import h5py
import numpy as np

SEED_KERAS = "../seed_cnn.keras"
with zipfile.ZipFile(SEED_KERAS) as z:
    ENTRIES = {i.filename: z.read(i.filename) for i in z.infolist()}
CONFIG = ENTRIES["config.json"]
WEIGHTS = ENTRIES["model.weights.h5"]
STORED, DEFLATED = zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED


def archive(path, entries, methods=None):
    """entries: name -> bytes, in order; methods: name -> compression (stored by default, as Keras)."""
    with zipfile.ZipFile(path, "w") as z:
        for name, data in entries.items():
            z.writestr(zipfile.ZipInfo(name, (2024, 1, 1, 0, 0, 0)), data, (methods or {}).get(name, STORED))


def with_entries(**changes):
    out = dict(ENTRIES)
    for name, data in changes.items():
        key = name.replace("__", ".")
        if data is None:
            out.pop(key, None)
        else:
            out[key] = data
    return out


def patch_sizes(path, name, uncompressed=None, compressed=None):
    """Rewrites the sizes an entry declares in its local header and in the central directory."""
    data = bytearray(open(path, "rb").read())
    raw = name.encode()
    pos = 0
    while True:
        local = data.find(b"PK\x03\x04", pos)
        if local < 0:
            break
        n = struct.unpack_from("<H", data, local + 26)[0]
        if data[local + 30:local + 30 + n] == raw:
            if compressed is not None:
                struct.pack_into("<I", data, local + 18, compressed)
            if uncompressed is not None:
                struct.pack_into("<I", data, local + 22, uncompressed)
        pos = local + 4
    pos = 0
    while True:
        central = data.find(b"PK\x01\x02", pos)
        if central < 0:
            break
        n = struct.unpack_from("<H", data, central + 28)[0]
        if data[central + 46:central + 46 + n] == raw:
            if compressed is not None:
                struct.pack_into("<I", data, central + 20, compressed)
            if uncompressed is not None:
                struct.pack_into("<I", data, central + 24, uncompressed)
        pos = central + 4
    open(path, "wb").write(bytes(data))


def weights_h5(groups):
    """A model.weights.h5 in Keras 3's layout: groups is storage name -> list of shapes."""
    buffer = io.BytesIO()
    with h5py.File(buffer, "w") as f:
        layers = f.create_group("layers")
        for name, shapes in groups.items():
            v = layers.create_group(name).create_group("vars")
            for i, shape in enumerate(shapes):
                v.create_dataset(str(i), data=np.zeros(shape, dtype="f4"))
        f.create_group("vars")
    return buffer.getvalue()


SEED_GROUPS = {"conv2d": [(5, 5, 3, 6), (6,)], "conv2d_1": [(5, 5, 6, 10), (10,)]}

# Zip containers -------------------------------------------------------------------------------

# config.json inflates to 80 MB of trailing blanks while declaring its true size, then lying.
bomb = CONFIG + b" " * (80 << 20)
archive("config_bomb.keras", with_entries(config__json=bomb), {"config.json": DEFLATED})
archive("config_bomb_size_lie.keras", with_entries(config__json=bomb), {"config.json": DEFLATED})
patch_sizes("config_bomb_size_lie.keras", "config.json", uncompressed=len(CONFIG))
# A stored config.json that declares fewer bytes than it has: the read stops early.
archive("config_size_lie.keras", ENTRIES)
patch_sizes("config_size_lie.keras", "config.json", uncompressed=100, compressed=100)
# Declares 4 GB for a small entry.
archive("config_declared_huge.keras", with_entries(config__json=CONFIG), {"config.json": DEFLATED})
patch_sizes("config_declared_huge.keras", "config.json", uncompressed=0xFFFFFFFE)

archive("many_entries.keras", dict(ENTRIES, **{"assets/%d" % i: b"" for i in range(2000)}))
with open(SEED_KERAS, "rb") as f:
    whole = f.read()
open("truncated.keras", "wb").write(whole[:len(whole) * 6 // 10])
archive("truncated_weights.keras", with_entries(model__weights__h5=WEIGHTS[:len(WEIGHTS) // 2]))
archive("weights_not_hdf5.keras", with_entries(model__weights__h5=b'{"not": "hdf5"}'))
archive("deflated_weights.keras", ENTRIES, {"model.weights.h5": DEFLATED})
archive("without_weights.keras", with_entries(model__weights__h5=None))

# config.json that is not a model configuration
archive("config_list.keras", with_entries(config__json=b"[1, 2, 3]"))
archive("config_string.keras", with_entries(config__json=b'"a string"'))
archive("config_double_encoded.keras", with_entries(config__json=json.dumps(CONFIG.decode()).encode()))
archive("config_nested_2000.keras", with_entries(config__json=b"[" * 2000 + b"]" * 2000))

# Storage groups that do not match the configuration
archive("extra_group.keras", with_entries(model__weights__h5=weights_h5(dict(SEED_GROUPS, dense=[(4, 2), (2,)]))))
archive("missing_group.keras", with_entries(model__weights__h5=weights_h5({"conv2d": SEED_GROUPS["conv2d"]})))
archive("renumbered_groups.keras",
        with_entries(model__weights__h5=weights_h5({"conv2d_4": SEED_GROUPS["conv2d"], "conv2d_9": SEED_GROUPS["conv2d_1"]})))

# A zip that is really an HDF5 file and the reverse: content decides.
shutil.copy("../seed_cnn.h5", "hdf5_named.keras")
shutil.copy(SEED_KERAS, "archive_named.h5")

# Architecture JSON ----------------------------------------------------------------------------

ARCH = json.loads(open("../seed_cnn.json").read())
open("bom.json", "wb").write(b"\xef\xbb\xbf" + json.dumps(ARCH).encode())
open("empty.json", "wb").write(b"")
open("null.json", "wb").write(b"null")
open("nested_2000.json", "wb").write(b'{"class_name": "Sequential", "config": ' + b"[" * 2000 + b"]" * 2000 + b"}")


def with_input_shape(shape):
    arch = json.loads(json.dumps(ARCH))
    arch["config"]["layers"][0]["config"]["batch_shape"] = shape
    return arch


open("shape_beyond_long.json", "w").write(json.dumps(with_input_shape([None, 10**30, 32, 3])))
open("shape_overflowing.json", "w").write(json.dumps(with_input_shape([None, 2**62, 2**62, 3])))
open("shape_exponent.json", "w").write(json.dumps(with_input_shape([None, 32, 32, 3])).replace("32, 32, 3]", "1e400, 32, 3]", 1))


# TF.js layers model.json ----------------------------------------------------------------------

def tfjs(manifest_weights=None, topology=True, **extra):
    doc = {"format": "layers-model", "generatedBy": "keras v2.2.4-tf", "convertedBy": "hand-written"}
    if topology:
        doc["modelTopology"] = {"keras_version": "2.2.4-tf", "backend": "tensorflow", "model_config": {
            "class_name": "Sequential", "config": {"name": "sequential", "layers": [
                {"class_name": "Dense", "config": {"name": "dense", "batch_input_shape": [None, 4], "units": 3}},
                {"class_name": "Dense", "config": {"name": "dense_1", "units": 2}}]}}}
    if manifest_weights is None:
        manifest_weights = [{"name": "dense/kernel", "shape": [4, 3]}, {"name": "dense/bias", "shape": [3]},
                            {"name": "dense_1/kernel", "shape": [3, 2]}, {"name": "dense_1/bias", "shape": [2]}]
    for w in manifest_weights:
        w.setdefault("dtype", "float32")
    doc["weightsManifest"] = [{"paths": ["group1-shard1of1.bin"], "weights": manifest_weights}]
    doc.update(extra)
    return json.dumps(doc)


def tfjs_with(index, **changes):
    weights = json.loads(tfjs())["weightsManifest"][0]["weights"]
    weights[index].update(changes)
    for k in [k for k, v in changes.items() if v is None]:
        del weights[index][k]
    return tfjs(weights)


open("tfjs_valid.json", "w").write(tfjs())
open("tfjs_negative_shape.json", "w").write(tfjs_with(0, shape=[4, -3]))
open("tfjs_overflowing_shape.json", "w").write(tfjs_with(0, shape=[2**40, 2**40]))
open("tfjs_shape_beyond_long.json", "w").write(tfjs_with(0, shape=[4, 10**30]))
open("tfjs_missing_name.json", "w").write(tfjs_with(1, name=None))
open("tfjs_without_topology.json", "w").write(tfjs(topology=False))
open("tfjs_graph_model.json", "w").write(json.dumps({"format": "graph-model", "modelTopology": {"node": [{"name": "x", "op": "Placeholder"}]},
                                                     "weightsManifest": []}))

# Weights-only HDF5 beside a garbage architecture JSON; --config targets that are not Keras -----

os.makedirs("garbage_sibling", exist_ok=True)
shutil.copy("../variants/seed_cnn_weights_only.h5", "garbage_sibling/seed_cnn_weights.h5")
open("garbage_sibling/seed_cnn_config.json", "w").write('{"class_name": "Sequential", "config": {"layers": [')
open("dl4j_configuration.json", "w").write(json.dumps({"backprop": True, "confs": [
    {"layer": {"dense": {"nin": 4, "nout": 3, "activationFn": {"@class": "org.nd4j.linalg.activations.impl.ActivationReLU"}}}}]}))

# model.weights.h5 deflated with 256 MB of trailing zeros: inflating it whole would be a bomb.
archive("weights_bomb.keras", with_entries(model__weights__h5=WEIGHTS + bytes(256 << 20)), {"model.weights.h5": DEFLATED})


def linked_groups(shape):
    """model.weights.h5 whose groups are hard links to others: a cycle, or 60 levels of diamonds
    (each level links the next twice: 2**60 paths through 60 groups)."""
    buffer = io.BytesIO()
    with h5py.File(buffer, "w") as f:
        layers = f.create_group("layers")
        for name, shapes in SEED_GROUPS.items():
            v = layers.create_group(name).create_group("vars")
            for i, s in enumerate(shapes):
                v.create_dataset(str(i), data=np.zeros(s, dtype="f4"))
        if shape == "cycle":
            loop = layers.create_group("loop")
            loop["a"] = loop
        else:
            levels = [layers.create_group("diamond")] + [f.create_group("level%d" % i) for i in range(1, 60)]
            for upper, lower in zip(levels, levels[1:]):
                upper["a"] = lower
                upper["b"] = lower
    return buffer.getvalue()


archive("group_cycle.keras", with_entries(model__weights__h5=linked_groups("cycle")))
archive("group_diamonds.keras", with_entries(model__weights__h5=linked_groups("diamonds")))

# Two config.json: Python's zipfile (Keras) reads the last, other readers the first.
import warnings
with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    archive("duplicate_config.keras", dict(ENTRIES))
    with zipfile.ZipFile("duplicate_config.keras", "a") as z:
        z.writestr(zipfile.ZipInfo("config.json", (2024, 1, 1, 0, 0, 0)), b'{"class_name": "Sequential", "config": {"layers": []}}')

# Data before the archive (Python's zipfile, so Keras, reads it), and a file that is both a full
# HDF5 model and, at its end, a .keras archive: Keras reads one or the other by the file's name.
open("prepended_data.keras", "wb").write(b"#!/bin/sh\nexit 0\n" * 20 + whole)
open("hdf5_and_zip.keras", "wb").write(open("../seed_cnn.h5", "rb").read() + whole)

# A Keras 2 Lambda layer carries its function as marshalled Python bytecode (base64; here a
# placeholder): it is only named as unsupported, never decoded or run.
open("lambda_bytecode.json", "w").write(json.dumps({"class_name": "Sequential", "keras_version": "2.4.0", "config": {"name": "s", "layers": [
    {"class_name": "InputLayer", "config": {"name": "in", "batch_input_shape": [None, 4]}},
    {"class_name": "Lambda", "config": {"name": "evil", "function": ["4wEAAAAAAAAAAAAAAAEAAAADAAAAQwAAAHMOAAAAZAFkAGwAfQF8AFMAKQJOqQD6AW9zKQKaAXiaAm9zcgIAAAByAgAAAPoIPHN0cmluZz7aAWYBAAAAcwQAAAAIAQQB", None, None],
                                          "function_type": "lambda", "output_shape": None, "arguments": {}}},
    {"class_name": "Dense", "config": {"name": "d", "units": 2}}]}}))
