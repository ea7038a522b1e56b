"""Hostile inputs of issue 13 (points 1, 2, 4 and 8): hidden weights, arguments, terminal text and
JSON encodings.

Each file is small and derived from a committed model (../keras, ../dl4j) or written here by hand;
README.md says what each one is, and MalformedFilesTest pins its exit code and message. Hostile
file names and symbolic links are made by the tests themselves in temporary folders.

Run from this folder: python3 make_malformed.py (needs h5py, for the .h5 files).
"""
import json
import os
import shutil
import struct
import zipfile

import h5py

STAMP = (2024, 1, 1, 0, 0, 0)


def write(path, data):
    os.makedirs(os.path.dirname(path) or ".", exist_ok=True)
    with open(path, "wb") as f:
        f.write(data if isinstance(data, bytes) else data.encode("utf-8"))


def archive(path, entries):
    """entries: name -> bytes, stored in this order, uncompressed (as Keras and DL4J write them)."""
    with zipfile.ZipFile(path, "w") as z:
        for name, data in entries.items():
            z.writestr(zipfile.ZipInfo(name, STAMP), data, zipfile.ZIP_STORED)


def read_zip(path):
    with zipfile.ZipFile(path) as z:
        return {i.filename: z.read(i.filename) for i in z.infolist()}


def tfjs(layers, weights, name="sequential", version="2.2.4-tf", backend="tensorflow"):
    """A hand-written TF.js layers model.json: a Sequential model and its weights manifest."""
    return {
        "format": "layers-model",
        "generatedBy": "keras v" + version,
        "convertedBy": "hand-written",
        "modelTopology": {
            "keras_version": version,
            "backend": backend,
            "model_config": {"class_name": "Sequential", "config": {"name": name, "layers": layers}},
        },
        "weightsManifest": [
            {
                "paths": ["group1-shard1of1.bin"],
                "weights": [{"name": n, "shape": s, "dtype": "float32"} for n, s in weights],
            }
        ],
    }


def dense(name, units, **extra):
    config = {"name": name, "units": units}
    config.update(extra)
    return {"class_name": "Dense", "config": config}


def dense_weights(name, n_in, units):
    return [(name + "/kernel", [n_in, units]), (name + "/bias", [units])]


def architecture(layers, name="sequential"):
    """A Keras 2 architecture JSON (model.to_json()) of a Sequential model."""
    return {
        "class_name": "Sequential",
        "config": {"name": name, "layers": layers},
        "keras_version": "2.15.0",
        "backend": "tensorflow",
    }


def dumps(obj):
    # allow_nan: Python writes NaN, Infinity and -Infinity bare, as json.dumps does by default
    return json.dumps(obj, allow_nan=True)


# --- 2: a folder a shell glob turns into "@x x": "@x" must stay a path, not read x as options
at_file_model = tfjs(
    [dense("dense", 3, batch_input_shape=[None, 4]), dense("dense_1", 2)],
    dense_weights("dense", 4, 3) + [("dense_1/kernel", [3, 3]), ("dense_1/bias", [2])],
)
write("at_file/@x", dumps(at_file_model))
write("at_file/x", "--fail-on never\n")

# --- 4: text from the file that would drive a terminal if printed as it is
CLEAR = "\x1b[2J\x1b[H"
FAKE_LINES = "\r\nFindings: none\n"
terminal = tfjs(
    [
        dense("dense" + FAKE_LINES, 3, batch_input_shape=[None, 4]),
        {"class_name": "Evil\x1b[31mLayer\u202e\u2066", "config": {"name": "custom\x9b2J"}},
    ],
    dense_weights("dense" + FAKE_LINES, 4, 3) + [("stray\x1b]0;owned\x07/kernel", [2, 2])],
    name="model" + CLEAR,
    version="2.2.4\x1b]0;title\x07",
    backend="tensorflow\u202egnp.exe",
)
write("terminal_names.json", dumps(terminal))
# An error message quoting a name: one stderr line, however many line breaks the name holds
duplicate = "dup\nmodel-audit: other.h5: ok\x1b[2K"
write(
    "terminal_error.json",
    dumps(architecture([dense(duplicate, 3, batch_input_shape=[None, 4]), dense(duplicate, 2)])),
)

# --- 8: JSON that Python writes or reads, which we must read too
floats = architecture(
    [
        dense(
            "dense",
            3,
            batch_input_shape=[None, 4],
            kernel_initializer={"class_name": "RandomUniform", "config": {"minval": float("-inf"), "maxval": float("inf"), "seed": None}},
            bias_initializer={"class_name": "Constant", "config": {"value": float("nan")}},
        ),
        {"class_name": "ReLU", "config": {"name": "re_lu", "max_value": float("inf"), "negative_slope": 0.0, "threshold": float("-inf")}},
        dense("dense_1", 2),
    ]
)
write("nan_infinity.json", dumps(floats))
write("nan_in_shape.json", dumps(architecture([dense("dense", 3, batch_input_shape=[None, float("nan")])])))

plain = dumps(architecture([dense("dense", 3, batch_input_shape=[None, 4]), dense("dense_1", 2)]))
write("utf16le_bom.json", plain.encode("utf-16"))  # Python's utf-16: a BOM, little-endian
write("utf16be_bom.json", b"\xfe\xff" + plain.encode("utf-16-be"))
write("utf32le_bom.json", plain.encode("utf-32"))  # a BOM, little-endian
write("utf32be_bom.json", b"\x00\x00\xfe\xff" + plain.encode("utf-32-be"))
write("utf16le_no_bom.json", plain.encode("utf-16-le"))  # json.loads(bytes) detects this too
tfjs_valid = tfjs(
    [dense("dense", 3, batch_input_shape=[None, 4]), dense("dense_1", 2)],
    dense_weights("dense", 4, 3) + dense_weights("dense_1", 3, 2),
)
write("tfjs_utf16_nan.json", dumps(dict(tfjs_valid, nanMetadata=float("nan"))).encode("utf-16"))

keras = read_zip("../keras/seed_cnn.keras")
config = json.loads(keras["config.json"])
config["config"]["layers"][1]["config"]["kernel_initializer"]["config"]["seed"] = float("nan")
archive("config_utf16.keras", dict(keras, **{"config.json": keras["config.json"].decode().encode("utf-16"), "metadata.json": keras["metadata.json"].decode().encode("utf-32")}))
archive("config_nan.keras", dict(keras, **{"config.json": dumps(config).encode()}))

shutil.copyfile("../keras/seed_cnn.h5", "model_config_nan.h5")
with h5py.File("model_config_nan.h5", "r+") as f:
    model_config = json.loads(f.attrs["model_config"])
    model_config["config"]["layers"][1]["config"]["kernel_initializer"]["config"]["seed"] = float("nan")
    f.attrs["model_config"] = dumps(model_config)

mlp = open("../dl4j/mlp.json", encoding="utf-8").read()
write("dl4j_utf16.json", mlp.encode("utf-16"))
write("dl4j_nan.json", mlp.replace('"biasInit" : 0.0', '"biasInit" : NaN', 1))
graph = read_zip("../dl4j/graph_merge.zip")
archive("dl4j_utf16.zip", dict(graph, **{"configuration.json": graph["configuration.json"].decode().encode("utf-16")}))
graph_config = json.loads(graph["configuration.json"])
graph_config["vertexInputs"]["merge2"] = ["merge", "nowhere"]
write("dl4j_missing_input.json", json.dumps(graph_config, indent=2))
graph_config = json.loads(graph["configuration.json"])
graph_config["networkOutputs"] = ["out", "nowhere"]
write("dl4j_missing_output.json", json.dumps(graph_config, indent=2))

# 1: nothing hides the weights. Each HDF5 file is ../keras/seed_cnn.h5 with conv2d_1's bias
# stored as (11,) instead of (10,), so that every file whose weights are read exits 1.
BIAS = "model_weights/conv2d_1/sequential/conv2d_1/bias"


def wrong_bias(path):
    shutil.copyfile("../keras/seed_cnn.h5", path)
    f = h5py.File(path, "r+")
    del f[BIAS]
    f.create_dataset(BIAS, shape=(11,), dtype="float32")
    return f


with wrong_bias("wrong_bias.h5"):
    pass
with wrong_bias("soft_link_weights.h5") as f:
    f.move("model_weights", "w")
    f["model_weights"] = h5py.SoftLink("/w")
with wrong_bias("soft_link_layer.h5") as f:
    f.move("model_weights/conv2d_1", "elsewhere")
    f["model_weights/conv2d_1"] = h5py.SoftLink("/elsewhere")
with wrong_bias("soft_link_dataset.h5") as f:
    f.move(BIAS, "b")
    f[BIAS] = h5py.SoftLink("/b")
with wrong_bias("soft_link_loop.h5") as f:
    del f["model_weights"]
    f["model_weights"] = h5py.SoftLink("/a")
    f["a"] = h5py.SoftLink("/model_weights")
with wrong_bias("soft_link_broken.h5") as f:
    del f[BIAS]
    f[BIAS] = h5py.SoftLink("/nowhere")
with wrong_bias("external_link_weights.h5") as f:
    del f["model_weights"]
    f["model_weights"] = h5py.ExternalLink("wrong_bias.h5", "/model_weights")
with wrong_bias("external_link_dataset.h5") as f:
    del f[BIAS]
    f[BIAS] = h5py.ExternalLink("wrong_bias.h5", "/" + BIAS)
with wrong_bias("weights_not_a_group.h5") as f:
    del f["model_weights"]
    f.create_dataset("model_weights", shape=(1,), dtype="float32")

# 1: a DL4J parameter vector whose header announces 111 values, compressed, with no data after it.
def utf(text):
    return struct.pack(">H", len(text)) + text.encode("ascii")


shape_info = graph["coefficients.bin"][:80]  # the LONG shape information of a [111] vector
compressed = utf("MIXED_DATA_TYPES") + struct.pack(">q", 111) + utf("COMPRESSED") + utf("GZIP")
compressed += struct.pack(">qqq", 0, 0, 111)
archive("dl4j_coefficients_no_data.zip", dict(graph, **{"coefficients.bin": shape_info + compressed}))

# 1: a TF.js weight name that climbs out of its layer's path but still names the layer.
write(
    "tfjs_dotdot_name.json",
    dumps(
        tfjs(
            [dense("dense", 3, batch_input_shape=[None, 4]), dense("dense_1", 2)],
            dense_weights("dense", 4, 3) + [("../dense_1/kernel", [3, 2]), ("dense_1/bias", [2])],
        )
    ),
)

# 1: the same in a .keras archive's model.weights.h5 (../keras/seed_cnn.keras, bias (11,)).
def archive_weights(path, hide):
    entries = read_zip("../keras/seed_cnn.keras")
    write("weights.tmp.h5", entries["model.weights.h5"])
    with h5py.File("weights.tmp.h5", "r+") as f:
        del f["layers/conv2d_1/vars/1"]
        f.create_dataset("layers/conv2d_1/vars/1", shape=(11,), dtype="float32")
        hide(f)
    entries["model.weights.h5"] = open("weights.tmp.h5", "rb").read()
    os.remove("weights.tmp.h5")
    archive(path, entries)


def soft_link_layer(f):
    f.move("layers/conv2d_1", "elsewhere")
    f["layers/conv2d_1"] = h5py.SoftLink("/elsewhere")


def external_link_bias(f):
    del f["layers/conv2d_1/vars/1"]
    f["layers/conv2d_1/vars/1"] = h5py.ExternalLink("wrong_bias.h5", "/" + BIAS)


def soft_link_bias(f):
    f.move("layers/conv2d_1/vars/1", "b")
    f["layers/conv2d_1/vars/1"] = h5py.SoftLink("/b")


def soft_link_to_parent(f):
    f["layers/conv2d_1/vars/up"] = h5py.SoftLink("/layers")


archive_weights("soft_link_layer.keras", soft_link_layer)
archive_weights("soft_link_bias.keras", soft_link_bias)
archive_weights("soft_link_to_parent.keras", soft_link_to_parent)
archive_weights("external_link_bias.keras", external_link_bias)
