"""Hostile sizes of issue 13 (points 3, 6 and 7): work that must stay linear, sizes that cannot be,
and a compressed weights entry that must leave no temporary file behind.

Run from this folder: python3 make_sizes.py (needs h5py). The generators of the larger files are
those of bench/scaling/generate.py, at sizes small enough to commit; bench/scaling/run measures
the same shapes of file up to 16,000 elements. HostileSizesTest pins each file's exit code and
message.
"""
import json
import os
import sys
import zipfile

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "..", "..", "bench", "scaling"))
import generate as scaling  # noqa: E402

STAMP = (2024, 1, 1, 0, 0, 0)


def functional(layers, output):
    return {"class_name": "Functional", "config": {
        "name": "model", "layers": layers,
        "input_layers": [["in", 0, 0]], "output_layers": [[output, 0, 0]]}}


def input_layer(shape):
    return {"class_name": "InputLayer", "name": "in",
            "config": {"batch_shape": shape, "name": "in"}, "inbound_nodes": []}


def main():
    os.chdir(HERE)
    # 3: one layer called 2,000 times; a DL4J graph of 500 vertices; an HDF5 file whose 300
    # listed layer names are all missing among 300 other groups.
    with open("keras_calls_2000.json", "w") as fh:
        json.dump(scaling.keras_calls(2000), fh)
    with open("dl4j_graph_500.json", "w") as fh:
        json.dump(scaling.dl4j_graph(500), fh)
    scaling.h5_names("h5_names_300.h5", 300)
    # 6: a negative unit count, zero attention heads.
    with open("dense_negative_units.json", "w") as fh:
        json.dump(functional([input_layer([None, 8]), {
            "class_name": "Dense", "name": "out",
            "config": {"name": "out", "units": -1, "use_bias": True},
            "inbound_nodes": [[["in", 0, 0, {}]]]}], "out"), fh)
    with open("mha_zero_heads.json", "w") as fh:
        json.dump(functional([input_layer([None, 4, 8]), {
            "class_name": "MultiHeadAttention", "name": "out",
            "config": {"name": "out", "num_heads": 0, "key_dim": 2},
            "inbound_nodes": [[["in", 0, 0, {}], ["in", 0, 0, {}]]]}], "out"), fh)
    # 7: the seed model with its weights entry deflated (Keras stores it uncompressed).
    source = os.path.join(HERE, "..", "..", "keras", "seed_cnn.keras")
    with zipfile.ZipFile(source) as src, zipfile.ZipFile("deflated_weights.keras", "w") as dst:
        for info in src.infolist():
            data = src.read(info.filename)
            method = zipfile.ZIP_DEFLATED if info.filename.endswith(".h5") else zipfile.ZIP_STORED
            dst.writestr(zipfile.ZipInfo(info.filename, STAMP), data, method)


if __name__ == "__main__":
    main()
