"""Mutants: a copy of a saved model in which exactly one top-level layer is wrong, either one
stored weight's shape (one dimension one larger) or one configuration value that changes the
shapes of that layer's weights only (use_bias, center, scale, Embedding input_dim, attention
key_dim or num_heads). Legacy .h5 files are rewritten with h5py; .keras archives by rewriting
config.json or model.weights.h5 inside the zip."""

import io
import json
import os
import zipfile

import h5py
import keras
import numpy as np
from keras.src.utils.naming import to_snake_case

# Configuration keys whose change alters the layer's own weights and nothing downstream.
FLIPS = ("use_bias", "center", "scale")
GROWS = {"Embedding": "input_dim", "ReversibleEmbedding": "input_dim",
         "MultiHeadAttention": "key_dim", "GroupQueryAttention": "head_dim"}


def candidates(doc):
    """Top-level layers that hold weights (nested models excluded: their inner layers are
    where a finding belongs)."""
    return [e for e in doc["layers"] if "/" not in e["path"] and e["params"] > 0
            and e["class"] not in ("Functional", "Sequential")]


def config_change(entry):
    """(key, old, new) for one config change of this layer, or None."""
    options = entry["options"]
    for key in FLIPS:
        if isinstance(options.get(key), bool):
            return key, options[key], not options[key]
    key = GROWS.get(entry["class"])
    if key and isinstance(options.get(key), int):
        return key, options[key], options[key] + 1
    return None


def mutate(rng, path, doc):
    """Write PATH's mutant beside it (NAME_mut.EXT); returns what was changed, or None."""
    layers = candidates(doc)
    if not layers:
        return None
    entry = rng.choice(layers)
    stem, ext = os.path.splitext(path)
    out = f"{stem}_mut{ext}"
    change = config_change(entry)
    detail = None
    if change and rng.random() < 0.5:
        detail = mutate_config(path, out, entry, change)
        kind = "config"
    if detail is None:
        detail = mutate_weight(rng, path, out, entry["name"], doc)
        kind = "weight"
    if detail is None:
        return None
    return {"file": os.path.basename(out), "layer": entry["path"], "class": entry["class"],
            "kind": kind, "detail": detail}


def set_option(config, name, change):
    key, old, new = change
    for layer in config["config"]["layers"]:
        if layer["config"].get("name") == name:
            layer["config"][key] = new
            return f"{key}: {old} -> {new}"
    return None


def changes_weights(config, entry):
    """Whether Keras, rebuilding the model from the changed configuration, gives the layer other
    weight shapes (LayerNormalization ignores center when rms_scaling is on, for instance)."""
    try:
        model = keras.saving.deserialize_keras_object(config)
        shapes = [list(w.shape) for w in model.get_layer(entry["name"]).weights]
    except Exception:  # noqa: BLE001
        return False
    return shapes != [w["shape"] for w in entry["weights"]]


def mutate_config(path, out, entry, change):
    if path.endswith(".h5"):
        with h5py.File(path, "r") as f:
            config = json.loads(f.attrs["model_config"])
    else:
        entries = read_zip(path)
        config = json.loads(entries["config.json"])
    detail = set_option(config, entry["name"], change)
    if detail is None or not changes_weights(json.loads(json.dumps(config)), entry):
        return None
    if path.endswith(".h5"):
        with open(path, "rb") as fh, open(out, "wb") as dst:
            dst.write(fh.read())
        with h5py.File(out, "r+") as f:
            f.attrs["model_config"] = json.dumps(config)
        return detail
    entries["config.json"] = json.dumps(config).encode()
    write_zip(out, entries)
    return detail


def grow(rng, group, key):
    """Replace dataset KEY of GROUP with one whose shape has one dimension one larger."""
    old = group[key]
    shape = list(old.shape)
    if not shape:
        return None
    axis = rng.randrange(len(shape))
    shape[axis] += 1
    dtype = old.dtype
    del group[key]
    group.create_dataset(key, data=np.zeros(shape, dtype=dtype))
    return shape


def mutate_weight(rng, path, out, name, doc):
    if path.endswith(".h5"):
        with open(path, "rb") as fh, open(out, "wb") as dst:
            dst.write(fh.read())
        with h5py.File(out, "r+") as f:
            group = f["model_weights"][name]
            names = [w.decode() if isinstance(w, bytes) else w for w in group.attrs["weight_names"]]
            names = [w for w in names if group[w].shape]
            if not names:
                return None
            w = rng.choice(names)
            before = tuple(group[w].shape)
            after = grow(rng, group, w)
        return f"{w}: {before} -> {tuple(after)}" if after else None
    entries = read_zip(path)
    buf = io.BytesIO(entries["model.weights.h5"])
    with h5py.File(buf, "r+") as f:
        group = f["layers"][archive_name(doc, name)]
        found = []
        group.visititems(lambda k, o: found.append(k) if isinstance(o, h5py.Dataset) and o.shape else None)
        if not found:
            return None
        w = rng.choice(sorted(found))
        before = tuple(group[w].shape)
        after = grow(rng, group, w)
    entries["model.weights.h5"] = buf.getvalue()
    write_zip(out, entries)
    return f"{w}: {before} -> {tuple(after)}" if after else None


def archive_name(doc, name):
    """The group a .keras archive stores a top-level layer under: its class in snake case,
    numbered in the order of model.layers (not the layer's name)."""
    used = {}
    for e in doc["layers"]:
        if "/" in e["path"]:
            continue
        base = to_snake_case(e["class"])
        key = base if base not in used else f"{base}_{used[base]}"
        used[base] = used.get(base, 0) + 1
        if e["name"] == name:
            return key
    raise KeyError(name)


def read_zip(path):
    with zipfile.ZipFile(path) as z:
        return {n: z.read(n) for n in z.namelist()}


def write_zip(path, entries):
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for n, data in entries.items():
            z.writestr(n, data)
